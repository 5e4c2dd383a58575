package eu.ai4c.cli.demo.steps;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.cli.demo.QuickLook;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.s1.synthetic.SyntheticSlc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Demo of {@code S1-SLC-preprocess}: a tiny synthetic IW SLC near Rome (3 sub-swaths × 3 bursts,
 * real SAFE layout with burst timing, per-burst noise vectors, complex single-look speckle, point
 * targets — one in a burst overlap — and a bright field) is pre-processed to sigma0 in dB on WGS84
 * at 20 m.
 */
public final class S1SlcDemo implements DemoStep {

    @Override
    public String name() {
        return "S1-SLC-preprocess";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        SyntheticSlc slc = SyntheticSlc.builder(900, 300, 3)
                .polarisations("VV")
                .centre(41.9, 12.5)
                .homogeneousArea(1, new Region(300, 0, 300, 900), 0.3)
                .pointTarget(0, 1, 150, 450, 20000)
                .pointTargetInOverlap(1, 0, 285, 150, 20000)
                .pointTarget(2, 2, 150, 450, 20000)
                .seed(42)
                .build();
        Path safe = slc.write(outDir.resolve("input"));
        Path out = ServiceRun.run("S1-SLC-preprocess", Map.of("input", safe),
                Map.of("calibration", "SigmaDB", "resolution", "20"), outDir, "GeoTIFF", context);
        List<Path> looks = List.of(
                QuickLook.write(ProductIO.read(out).raster(), 0, outDir.resolve("sigma0_vv_db.png"), ColourRamp.GREY, 700));
        return new DemoOutcome("A synthetic Sentinel-1 IW SLC product (" + slc.productName() + ", 3 sub-swaths of 3 "
                + "bursts × 300 lines × 900 complex samples, SAFE layout with burst timing, calibration and per-burst "
                + "noise vectors) is pre-processed with the default chain: thermal noise removal, sigma0 calibration "
                + "in dB, deburst, sub-swath merge, 1 × 4 multilook, Lee Sigma speckle filter, range-Doppler terrain "
                + "correction to WGS84 at 20 m (no DEM: geoid heights). The bright field in IW2 and three point "
                + "targets stand out (the one in a burst overlap once); no seam shows at the burst and sub-swath "
                + "boundaries.", List.of(safe, out), looks);
    }
}
