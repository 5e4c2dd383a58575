package eu.ai4c.cli.demo.steps;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.cli.demo.QuickLook;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.kit.synthetic.FieldScene;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Demo of the foundation: a synthetic 4-band UTM scene is written as GeoTIFF, warped to WGS84
 * with bilinear resampling and cropped to a polygon, and written as GeoTIFF, COG and BEAM-DIMAP.
 */
public final class WarpDemo implements DemoStep {
    /** A pentagon inside the demo scene (lon/lat, WGS84). */
    static final String AOI = "POLYGON ((12.335 41.975, 12.365 41.972, 12.376 41.952, 12.35 41.94, 12.33 41.955, 12.335 41.975))";

    @Override
    public String name() {
        return "Warp";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        Path input = outDir.resolve("input/scene_utm33n.tif");
        FieldScene scene = FieldScene.nearRome(1200, 1200, 4);
        ProductIO.writer("GeoTIFF").write(Product.of("scene_utm33n", scene), input, context);

        Map<String, Path> in = Map.of("input", input);
        Path wgs84 = ServiceRun.run("Warp", in, Map.of("projection", "WGS84", "resampling", "Bilinear"),
                outDir.resolve("scene_wgs84.tif"), "GeoTIFF", context);
        Path cog = ServiceRun.run("Warp", in, Map.of("projection", "WGS84", "resampling", "Bilinear", "AoI", AOI),
                outDir.resolve("scene_wgs84_aoi.tif"), "COG", context);
        Path dimap = ServiceRun.run("Warp", in, Map.of("projection", "EPSG:3035", "resolution", "20",
                "resampling", "Bicubic"), outDir.resolve("scene_laea_20m.dim"), "BEAM-DIMAP", context);

        List<Path> looks = List.of(
                QuickLook.write(ProductIO.read(input).raster(), 3, outDir.resolve("input_B8.png"), ColourRamp.GREY, 600),
                QuickLook.write(ProductIO.read(wgs84).raster(), 3, outDir.resolve("wgs84_B8.png"), ColourRamp.GREY, 600),
                QuickLook.write(ProductIO.read(cog).raster(), 3, outDir.resolve("aoi_B8.png"), ColourRamp.VIRIDIS, 600));
        return new DemoOutcome("A synthetic 1200×1200 scene of fields and a river (4 bands, uint16, UTM 33N, 10 m) "
                + "is warped to WGS84 (bilinear, GeoTIFF), to WGS84 cropped to a pentagon (COG: pixels outside the "
                + "polygon are no-data, shown transparent) and to ETRS89-LAEA at 20 m (bicubic, BEAM-DIMAP for SNAP). "
                + "Compare the quick-looks: the warped scene is rotated slightly, as UTM grid north differs from true "
                + "north away from the central meridian.",
                List.of(input, wgs84, cog, dimap), looks);
    }
}
