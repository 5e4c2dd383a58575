package eu.ai4c.cli.demo;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.kit.testing.SampleProducts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test demo step: scales the sample product and shows band 1. */
public final class ScaleDemoStep implements DemoStep {
    @Override
    public String name() {
        return "test-scale";
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        Path in = SampleProducts.twoBandUint16(outDir);
        Operator op = OperatorRegistry.load().get("Test-scale");
        Product p = op.apply(Map.of("input", ProductIO.read(in)), op.descriptor().validate(Map.of("factor", "2")), context);
        Path out = ProductIO.writer("RAW-TEST").write(p, outDir.resolve("scaled.a4r"), context);
        Path png = QuickLook.write(p.raster(), 0, outDir.resolve("scaled_b1.png"), ColourRamp.VIRIDIS, 256);
        return new DemoOutcome("Band b1 of a ramp <product> times 2.", List.of(out), List.of(png));
    }
}
