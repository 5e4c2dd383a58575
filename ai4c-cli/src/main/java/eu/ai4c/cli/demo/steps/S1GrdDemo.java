package eu.ai4c.cli.demo.steps;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.cli.demo.QuickLook;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Demo of {@code S1-GRD-preprocess}: a synthetic dual-polarisation IW GRD product near Rome (real
 * SAFE layout, consistent orbit, calibration and noise vectors, speckle, three bright point targets
 * and two homogeneous fields) is pre-processed to sigma0 in dB on WGS84 at 20 m.
 */
public final class S1GrdDemo implements DemoStep {

    @Override
    public String name() {
        return "S1-GRD-preprocess";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        SyntheticGrd grd = SyntheticGrd.demoScene();
        Path safe = grd.write(outDir.resolve("input"));
        Path out = ServiceRun.run("S1-GRD-preprocess", Map.of("input", safe),
                Map.of("calibration", "SigmaDB", "polarization", "VV,VH", "resolution", "20"),
                outDir, "GeoTIFF", context);
        List<Path> looks = List.of(
                QuickLook.write(ProductIO.read(out).raster(), 0, outDir.resolve("sigma0_vv_db.png"), ColourRamp.GREY, 700),
                QuickLook.write(ProductIO.read(out).raster(), 1, outDir.resolve("sigma0_vh_db.png"), ColourRamp.GREY, 700));
        return new DemoOutcome("A synthetic Sentinel-1 IW GRD product (" + grd.productName() + ", 1600×1200 samples, "
                + "VV+VH, SAFE layout with annotation, calibration and noise vectors) is pre-processed with the default "
                + "chain: thermal and border noise removal, sigma0 calibration in dB, Lee Sigma speckle filter, "
                + "range-Doppler terrain correction to WGS84 at 20 m (no DEM: geoid heights). Bright fields and "
                + "three point targets stand out; the dark field is close to the noise floor; pixels outside the "
                + "swath are no-data (transparent).", List.of(safe, out), looks);
    }
}
