package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.testutil.Gdal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain a user runs: Warp to WGS 84, written as BEAM-DIMAP, opened by GDAL band by band. */
class WarpToDimapTest {
    @TempDir
    Path dir;

    @Test
    void warpedProductWrittenAsDimapOpensInGdalOnTheTargetGrid() throws Exception {
        Operator warp = OperatorRegistry.load().get("Warp");
        Product in = new Product("utm_scene", WarpFixtures.scene(WarpFixtures.utmGrid(), 120, 100, true), null, null);
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(2);
        Product out = warp.apply(Map.of("input", in), warp.descriptor().validate(Map.of("resolution", "0.0002")), ctx);
        Path dim = ProductIO.writer("DIMAP").write(out, dir.resolve("warped.dim"), ctx);
        JsonNode info = new ObjectMapper().readTree(Gdal.run("gdalinfo", "-json", "-mm",
                dim.resolveSibling("warped.data").resolve("b1.img").toString()));
        double[] gt = ((MapGeoCoding) out.raster().geoCoding()).geoTransform();
        for (int i = 0; i < 6; i++) assertEquals(gt[i], info.path("geoTransform").get(i).asDouble(), 1e-12);
        assertEquals(out.raster().width(), info.path("size").get(0).asInt());
        String wkt = info.path("coordinateSystem").path("wkt").asText();
        assertTrue(wkt.contains("WGS") && wkt.contains("84") && !wkt.contains("PROJCRS"), wkt);
        JsonNode band = info.path("bands").get(0);
        assertEquals(-9999, band.path("noDataValue").asDouble());
        double min = band.path("computedMin").asDouble(), max = band.path("computedMax").asDouble();
        assertTrue(min >= 500 && max <= 1500, min + " .. " + max);
    }
}
