package eu.ai4c.desktop.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** "Load from vector file…": the file's polygon as WGS84 WKT that the AoI field accepts. */
class AoiTextTest {

    @Test
    void geoJsonPolygonBecomesWkt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("field.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[10,45],[11,45],[11,46],[10,46],[10,45]]]}}]}");
        String wkt = AoiText.fromVectorFile(file);
        Geometry g = new WKTReader().read(wkt);
        assertEquals(1.0, g.getArea(), 1e-9);
        assertEquals(10.0, g.getEnvelopeInternal().getMinX(), 1e-9);
        assertEquals(46.0, g.getEnvelopeInternal().getMaxY(), 1e-9);
        FormModel form = FormModel.of(eu.ai4c.kit.op.OperatorRegistry.load().get("Warp").descriptor());
        form.parameter("aoi").setText(wkt);
        assertTrue(form.parameter("aoi").message().isEmpty());
    }

    @Test
    void fileWithoutPolygonsIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("points.geojson");
        Files.writeString(file, "{\"type\":\"Point\",\"coordinates\":[10,45]}");
        Ai4cException e = assertThrows(Ai4cException.class, () -> AoiText.fromVectorFile(file));
        assertTrue(e.getMessage().contains("points.geojson"), e.getMessage());
    }
}
