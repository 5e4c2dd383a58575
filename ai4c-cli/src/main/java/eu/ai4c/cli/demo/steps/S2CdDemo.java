package eu.ai4c.cli.demo.steps;

import eu.ai4c.cd.cva.synthetic.PlantedChange;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Demo of {@code S2-CD}: two synthetic L2A products of one tile, the second with other gains and
 * offsets per band and three planted changes, compared by Change Vector Analysis.
 */
public final class S2CdDemo implements DemoStep {
    private static final S2Band[] BANDS = {S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8};

    @Override
    public String name() {
        return "S2-CD";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        SyntheticS2Product.Builder b = SyntheticS2Product.builder(S2Level.L2A).size(300).noDataColumns(0)
                .bands(BANDS).geoTiff(true);
        Path first = b.build().write(Files.createDirectories(outDir.resolve("input1")));
        SyntheticS2Product syn = b.build();
        Path second = syn.write(Files.createDirectories(outDir.resolve("input2")));
        PlantedChange.apply(second, BANDS, new double[] {1.05, 0.95, 1.1, 0.9}, new double[] {0.01, -0.01, 0.02, 0.03},
                List.of(new PlantedChange.Patch(30, 30, 110, 110, new double[] {0, 0, 0, 0.1}),
                        new PlantedChange.Patch(170, 40, 260, 130, new double[] {-0.05, -0.05, -0.05, 0}),
                        new PlantedChange.Patch(60, 180, 160, 270, new double[] {0.2, 0.2, 0.2, 0.2})),
                syn.offset(), syn.quantification());
        Path out = ServiceRun.run("S2-CD", Map.of("input1", first, "input2", second),
                Map.of("numberClasses", "3", "levelConfidence", "99.99"), outDir.resolve("s2cd_classes.tif"), "GeoTIFF",
                context);
        Path cva = outDir.resolve("s2cd_classes_CVA.tif");
        List<Path> looks = List.of(
                QuickLook.write(ProductIO.read(out).raster(), 0, outDir.resolve("classes.png"), ColourRamp.VIRIDIS, 600),
                QuickLook.write(ProductIO.read(cva).raster(), 0, outDir.resolve("magnitude.png"), ColourRamp.GREY, 600),
                outDir.resolve("s2cd_classes_polar.png"));
        return new DemoOutcome("Two synthetic Sentinel-2 L2A products of tile T32TNM (300×300 px at 10 m). The second has "
                + "other gains and offsets per band (radiometric differences the regression on invariant pixels removes) "
                + "and three planted changes: B8 +0.10 (top left), B2–B4 −0.05 (top right), all bands +0.20 (bottom). "
                + "S2-CD finds them at 99.99 % confidence and groups them into 3 classes by magnitude and angle to B2; "
                + "the checkered no-data is the L2A cloud mask. Side outputs: magnitude/angle GeoTIFF, polar plot, JSON "
                + "summary.", List.of(first, second, out, cva, outDir.resolve("s2cd_classes_summary.json")), looks);
    }
}
