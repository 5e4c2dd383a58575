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
import eu.ai4c.vector.io.DbfFieldNames;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.StoreLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapefile output of {@code humanfeatures-query}, read back by GDAL ({@code ogrinfo} and
 * {@code ogr2ogr} to GeoJSON) and compared feature by feature with the GeoJSON output of the
 * same query: counts per geometry kind, attribute values under their 10-character names, and
 * geometries (areas and lengths).
 */
class ShapefileOutputTest {
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

    /** GDAL's reading of a shapefile as GeoJSON features. */
    static JsonNode gdalFeatures(Path shp) throws Exception {
        return new ObjectMapper().readTree(Tools.run(List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", shp.toString())))
                .get("features");
    }

    @Test
    void oneShapefilePerGeometryKindMatchingTheGeoJsonOutput() throws Exception {
        List<String> classes = List.of("hospital", "road", "power_plant", "wind_turbine");
        Path geojson = dir.resolve("q.geojson");
        FeatureQuery.run(new FeatureQuery.Request(store, classes, null, false, geojson));
        Path shp = dir.resolve("q.shp");
        FeatureQuery.Result r = FeatureQuery.run(new FeatureQuery.Request(store, classes, null, false, shp));
        assertEquals(List.of(dir.resolve("q_point.shp"), dir.resolve("q_line.shp"), dir.resolve("q_polygon.shp")), r.files());
        assertFalse(Files.exists(shp), "several kinds: no q.shp");
        for (Path p : r.files()) {
            String stem = p.getFileName().toString().replace(".shp", "");
            for (String ext : List.of(".shx", ".dbf", ".prj", ".cpg")) assertTrue(Files.exists(dir.resolve(stem + ext)), stem + ext);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("partial")), "no temporaries left");
        }

        // expected: the GeoJSON features, by kind and by (class, osm_type, osm_id)
        Map<String, JsonNode> expected = new HashMap<>();
        Map<String, Integer> perKind = new HashMap<>();
        for (JsonNode f : new ObjectMapper().readTree(geojson.toFile()).get("features")) {
            String type = f.get("geometry").get("type").asText();
            String kind = type.contains("Point") ? "point" : type.contains("LineString") ? "line" : "polygon";
            perKind.merge(kind, 1, Integer::sum);
            expected.put(f.get("id").asText(), f);
        }
        int seen = 0;
        for (String kind : List.of("point", "line", "polygon")) {
            Path file = dir.resolve("q_" + kind + ".shp");
            String info = Tools.run(List.of("ogrinfo", "-ro", "-so", "-al", file.toString()));
            assertTrue(info.contains("Feature Count: " + perKind.get(kind)), kind + ": " + info);
            assertTrue(info.contains("GEOGCRS[\"WGS 84\"") || info.contains("GEOGCS[\"WGS 84\""), info);
            assertTrue(info.contains("osm_versio: Integer"), "osm_version cut to 10 characters: " + info);
            for (JsonNode g : gdalFeatures(file)) {
                JsonNode p = g.get("properties");
                String id = p.get("class").asText() + "/" + p.get("osm_type").asText() + "/" + p.get("osm_id").asText();
                JsonNode e = expected.get(id);
                assertTrue(e != null, "unexpected feature " + id);
                assertEquals(e.get("properties").get("name").asText(), p.get("name").asText(), id);
                if (p.get("class").asText().equals("power_plant")) {
                    JsonNode cap = e.get("properties").get("capacity_mw");
                    assertEquals(cap.isNull() ? null : cap.asDouble(), p.get("capacity_m").isNull() ? null
                            : p.get("capacity_m").asDouble(), "capacity_mw as capacity_m");
                }
                assertEquals(measure(e.get("geometry")), measure(g.get("geometry")), 1e-12, id);
                seen++;
            }
        }
        assertEquals(expected.size(), seen);
    }

    /** Area of polygons, length of lines, x + y of points: the same geometry gives the same number. */
    static double measure(JsonNode g) {
        String type = g.get("type").asText();
        JsonNode c = g.get("coordinates");
        return switch (type) {
            case "Point" -> c.get(0).asDouble() + c.get(1).asDouble();
            case "LineString" -> length(c);
            case "MultiLineString" -> { double s = 0; for (JsonNode l : c) s += length(l); yield s; }
            case "Polygon" -> polygonArea(c);
            case "MultiPolygon" -> { double s = 0; for (JsonNode p : c) s += polygonArea(p); yield s; }
            default -> Double.NaN;
        };
    }

    static double length(JsonNode line) {
        double s = 0;
        for (int i = 0; i + 1 < line.size(); i++) {
            s += Math.hypot(line.get(i + 1).get(0).asDouble() - line.get(i).get(0).asDouble(),
                    line.get(i + 1).get(1).asDouble() - line.get(i).get(1).asDouble());
        }
        return s;
    }

    static double polygonArea(JsonNode rings) {
        double s = 0;
        for (int i = 0; i < rings.size(); i++) s += (i == 0 ? 1 : -1) * Math.abs(FeatureQueryTest.signedArea(rings.get(i)));
        return s;
    }

    @Test
    void oneKindIsOneShapefileAndFieldNamesAreUnique() throws Exception {
        Path shp = dir.resolve("lines.shp");
        FeatureQuery.Result r = FeatureQuery.run(new FeatureQuery.Request(store, List.of("power_line", "pipeline"), null,
                false, shp));
        assertEquals(List.of(shp), r.files());
        String info = Tools.run(List.of("ogrinfo", "-ro", "-so", "-al", shp.toString()));
        long n = r.counts().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(n > 0 && info.contains("Feature Count: " + n), info);
        assertTrue(info.contains("Geometry: Line String"), info);
        assertTrue(info.contains("voltage_kv: Real") && info.contains("diameter_m: Real")
                && info.contains("operator: String") && info.contains("cables: Integer"), info);

        DbfFieldNames names = new DbfFieldNames();
        assertEquals("capacity_m", names.add("capacity_mw"));
        assertEquals("capacity_1", names.add("capacity_mwh"));
        assertEquals("CAPACITY_2", names.add("CAPACITY_M"), "unique without regard to case");
        assertEquals("year_commi", names.add("year_commissioned"));
        assertEquals("year_com_1", names.add("year_commissioning"));
        assertEquals("name_en", names.add("name:en".replace(':', '_')));
        assertEquals("n_me", names.add("nüme"), "ASCII only");
    }

    @Test
    void anEmptyResultAndABadClassWriteAsTheyShould() throws Exception {
        Path shp = dir.resolve("none.shp");
        FeatureQuery.Result r = FeatureQuery.run(new FeatureQuery.Request(store, List.of("airport"),
                QueryArea.parse("10,10,10.1,10.1"), false, shp));
        assertEquals(List.of(shp), r.files());
        String info = Tools.run(List.of("ogrinfo", "-ro", "-so", "-al", shp.toString()));
        assertTrue(info.contains("Feature Count: 0"), info);

        Path never = dir.resolve("never.shp");
        assertThrows(Ai4cException.class, () -> FeatureQuery.run(new FeatureQuery.Request(store, List.of("spaceport"),
                null, false, never)));
        List<String> left = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith("never") || p.getFileName().toString().contains("partial"))
                    .forEach(p -> left.add(p.getFileName().toString()));
        }
        assertEquals(List.of(), left, "nothing written");
    }
}
