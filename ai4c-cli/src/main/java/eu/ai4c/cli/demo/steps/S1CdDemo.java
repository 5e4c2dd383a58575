package eu.ai4c.cli.demo.steps;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.cli.demo.QuickLook;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.s1.synthetic.RepeatPassPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Demo of {@code S1-CD}: a synthetic repeat-pass pair of IW SLC products 12 days apart (2 sub-swaths
 * × 3 bursts, 100 m perpendicular baseline, a small azimuth timing error for ESD to find) with a
 * coherent town, decorrelating vegetation and three planted changes — a new building, a ship that
 * left the harbour, a flooded field — compared into coherence, ACD, MTC and the change mask.
 */
public final class S1CdDemo implements DemoStep {

    @Override
    public String name() {
        return "S1-CD";
    }

    @Override
    public int order() {
        return 27;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        RepeatPassPair pair = RepeatPassPair.builder(500, 150, 3).swaths(2).timingError(0.05 * 2.0555563e-3)
                .area(0, 250, 380, 80, 220, 0.3, 0.3, 0.95)     // town: bright, stable, coherent
                .area(0, 90, 150, 260, 340, 0.05, 0.8, 0.1)     // a new building
                .area(1, 260, 300, 120, 160, 1.0, 0.04, 0.05)   // a ship that left
                .area(1, 60, 180, 260, 400, 0.08, 0.005, 0.1)   // a flooded field
                .seed(11).build();
        Path[] in = pair.write(Files.createDirectories(outDir.resolve("input")));
        Path out = ServiceRun.run("S1-CD", Map.of("input1", in[0], "input2", in[1]), Map.of("resolution", "10"),
                outDir.resolve("s1cd.tif"), "GeoTIFF", context);
        String base = out.getFileName().toString().replaceFirst("\\.tif$", "");
        Path coherence = outDir.resolve(base + "_coherence.tif");
        Path mask = outDir.resolve(base + "_change_mask.tif");
        List<Path> looks = List.of(outDir.resolve(base + "_ACD.png"), outDir.resolve(base + "_MTC.png"),
                QuickLook.write(ProductIO.read(coherence).raster(), 0, outDir.resolve("coherence.png"), ColourRamp.GREY, 700),
                QuickLook.write(ProductIO.read(mask).raster(), 0, outDir.resolve("change_mask.png"), ColourRamp.GREY, 700));
        return new DemoOutcome("Two synthetic Sentinel-1 IW SLC products of one relative orbit, 12 days apart ("
                + pair.referenceName() + " and " + pair.secondaryName() + "; 2 sub-swaths × 3 bursts, 100 m "
                + "perpendicular baseline, the second imaging 0.05 line later than its annotation says). S1-CD "
                + "co-registers the second onto the first by geometry with TOPS deramping, corrects the azimuth "
                + "residual by Enhanced Spectral Diversity, estimates the coherence (10 × 10) with the flat-earth phase "
                + "removed, calibrates, speckle-filters (Lee Sigma), merges the sub-swaths and terrain-corrects to "
                + "WGS84 at 10 m. ACD (red: date 1, green and blue: date 2) shows the new building in cyan and the "
                + "departed ship and the flood in red; MTC adds coherence in blue: the town is blue-white, the "
                + "vegetation dark. The change mask (white) finds the three changes.",
                List.of(in[0], in[1], out, coherence, mask, outDir.resolve(base + "_summary.json")), looks);
    }
}
