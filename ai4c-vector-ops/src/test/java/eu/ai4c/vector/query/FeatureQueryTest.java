package eu.ai4c.vector.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.SyntheticOsm;
import eu.ai4c.vector.Tools;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.StoreLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries of a store of planted features (class i in the 0.01° cell at lon 1 + 0.01·i, lat 42):
 * selection by class and area, exact clipping, RFC 7946 output rules, GeoPackage output.
 */
class FeatureQueryTest {
    static final FeatureSchema SCHEMA = FeatureSchema.builtIn();
    @TempDir
    static Path dir;
    static Path store;

    @BeforeAll
    static void load() throws Exception {
        Path osm = Files.writeString(dir.resolve("planted.osm"), SyntheticOsm.forSchema(SCHEMA));
        store = dir.resolve("features.gpkg");
        StoreLoader.load(osm, store, SCHEMA.classes(), ProcessingContext.defaults());
    }

    static double x0(String cls) {
        return 1 + 0.01 * SCHEMA.classes().indexOf(SCHEMA.get(cls));
    }

    static String box(double w, double s, double e, double n) {
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", w, s, e, n);
    }

    @Test
    void selectsByClassAndAreaAndWritesRfc7946() throws Exception {
        double x = x0("hospital");
        Path out = dir.resolve("h.geojson");
        FeatureQuery.Result r = FeatureQuery.run(new FeatureQuery.Request(store, List.of("hospital", "road"),
                QueryArea.parse(box(x - 0.001, 41.999, x + 0.009, 42.009)), false, out));
        assertEquals(3L, r.counts().get("hospital"), "node, closed way and multipolygon");
        assertEquals(0L, r.counts().get("road"), "the road lies in another cell");
        JsonNode fc = new ObjectMapper().readTree(out.toFile());
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertFalse(fc.has("crs"), "RFC 7946 has no crs member");
        int rings = 0;
        for (JsonNode f : fc.get("features")) {
            assertEquals("hospital", f.get("properties").get("class").asText());
            assertEquals("N&M", f.get("properties").get("name").asText());
            assertTrue(f.get("properties").get("osm_id").isNumber());
            JsonNode g = f.get("geometry");
            if (g.get("type").asText().equals("MultiPolygon")) {
                for (JsonNode poly : g.get("coordinates")) {
                    for (int i = 0; i < poly.size(); i++) {
                        double a = signedArea(poly.get(i));
                        assertTrue(i == 0 ? a > 0 : a < 0, "ring " + i + " by the right-hand rule: " + a);
                        rings++;
                    }
                }
            }
        }
        assertEquals(3, rings, "two shells and one hole (planted counter-clockwise, written clockwise)");
    }

    /** Shoelace area, positive for counter-clockwise rings. */
    static double signedArea(JsonNode ring) {
        double s = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            s += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        return s / 2;
    }

    @Test
    void clipsExactlyToTheArea() throws Exception {
        // the built_up closed way spans [x+0.003, x+0.004] x [42, 42.001]; cut it at x+0.0035
        double x = x0("built_up");
        Path out = dir.resolve("clip.geojson");
        String wkt = String.format(Locale.ROOT, "POLYGON ((%1$.7f 41.9995, %2$.7f 41.9995, %2$.7f 42.0005, %1$.7f 42.0005, "
                + "%1$.7f 41.9995))", x + 0.0035, x + 0.0045);
        FeatureQuery.run(new FeatureQuery.Request(store, List.of("built_up"), QueryArea.parse(wkt), true, out));
        JsonNode f = new ObjectMapper().readTree(out.toFile()).get("features");
        assertEquals(1, f.size(), "only the closed way reaches the box");
        JsonNode ring = f.get(0).get("geometry").get("coordinates").get(0).get(0);
        assertEquals(0.0005 * 0.0005, signedArea(ring), 1e-13, "a quarter of the square: 0.0005 x 0.0005");
        for (JsonNode p : ring) {
            assertTrue(p.get(0).asDouble() >= x + 0.0035 - 1e-9 && p.get(1).asDouble() <= 42.0005 + 1e-9, p.toString());
        }
        // a line cut in half: road from x to x+0.002 through (x+0.001, 42.0003)
        double xr = x0("road");
        FeatureQuery.run(new FeatureQuery.Request(store, List.of("road"), QueryArea.parse(box(xr - 0.001, 41.999,
                xr + 0.001, 42.001)), true, out));
        JsonNode line = new ObjectMapper().readTree(out.toFile()).get("features").get(0).get("geometry");
        assertEquals("LineString", line.get("type").asText());
        JsonNode end = line.get("coordinates").get(line.get("coordinates").size() - 1);
        assertEquals(xr + 0.001, end.get(0).asDouble(), 1e-9);
        assertEquals(42.0003, end.get(1).asDouble(), 1e-9);
        // unclipped, the same query returns the whole line
        FeatureQuery.run(new FeatureQuery.Request(store, List.of("road"), QueryArea.parse(box(xr - 0.001, 41.999,
                xr + 0.001, 42.001)), false, out));
        assertEquals(3, new ObjectMapper().readTree(out.toFile()).get("features").get(0).get("geometry")
                .get("coordinates").size());
    }

    @Test
    void writesAGeoPackageThatGdalReads() throws Exception {
        Path out = dir.resolve("q.gpkg");
        FeatureQuery.Result r = FeatureQuery.run(new FeatureQuery.Request(store, List.of("airport", "power_line"),
                null, false, out));
        String info = Tools.run(List.of("ogrinfo", "-ro", "-so", "-al", out.toString()));
        assertTrue(info.contains("Layer name: airport") && info.contains("Feature Count: " + r.counts().get("airport")),
                info);
        assertTrue(info.contains("Layer name: power_line") && info.contains("voltage_kv: Real"), info);
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() {
        Path out = dir.resolve("never.geojson");
        Ai4cException e = assertThrows(Ai4cException.class, () -> FeatureQuery.run(new FeatureQuery.Request(store,
                List.of("spaceport"), null, false, out)));
        assertTrue(e.getMessage().contains("Unknown feature class \"spaceport\""), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> QueryArea.parse("POINT (1 42)"));
        assertTrue(e.isUsageError(), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> QueryArea.parse("2,42,1,43"));
        assertTrue(e.getMessage().contains("west < east"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
