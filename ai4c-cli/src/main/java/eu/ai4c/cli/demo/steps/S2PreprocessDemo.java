package eu.ai4c.cli.demo.steps;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.cli.demo.QuickLook;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Demo of {@code S2-preprocess}: a synthetic L2A SAFE product (baseline 05.09, JPEG 2000 bands,
 * scene classification) is brought to 10 m with the L2A cloud mask, and to 20 m by averaging.
 */
public final class S2PreprocessDemo implements DemoStep {

    @Override
    public String name() {
        return "S2-preprocess";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L2A).size(600).noDataColumns(60)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8, S2Band.B5, S2Band.B11).build();
        Path safe = syn.write(outDir.resolve("input"));
        Map<String, Path> in = Map.of("input", safe);
        Path masked = ServiceRun.run("S2-preprocess", in, Map.of("cloudmask", "L2A"),
                outDir.resolve("s2_10m_cloudmasked.tif"), "GeoTIFF", context);
        Path mean = ServiceRun.run("S2-preprocess", in, Map.of("resolution", "20", "bands", "B2,B5,B11",
                "downsampling", "Mean", "upsampling", "Bilinear"), outDir.resolve("s2_20m_mean.tif"), "GeoTIFF", context);
        List<Path> looks = List.of(
                QuickLook.write(ProductIO.read(masked).raster(), 3, outDir.resolve("B8_10m_cloudmasked.png"),
                        ColourRamp.GREY, 600),
                QuickLook.write(ProductIO.read(mean).raster(), 1, outDir.resolve("B5_20m.png"), ColourRamp.VIRIDIS, 600));
        return new DemoOutcome("A synthetic Sentinel-2 L2A product (600×600 px at 10 m, processing baseline 05.09 so the "
                + "DNs carry the −1000 offset, JPEG 2000 bands, a 60-column no-data strip on the left) is pre-processed "
                + "twice: B2, B3, B4, B8 at 10 m with the L2A cloud mask (cloud shadow, medium/high probability cloud "
                + "and thin cirrus in the scene classification become no-data, the checkered holes in the quick-look), "
                + "and B2, B5, B11 at 20 m, 10 m bands averaged over 2×2 pixels.", List.of(safe, masked, mean), looks);
    }
}
