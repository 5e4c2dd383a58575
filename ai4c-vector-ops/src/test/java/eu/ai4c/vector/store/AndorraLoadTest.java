package eu.ai4c.vector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.vector.Tools;
import eu.ai4c.vector.etl.CleanseReason;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.schema.GeometryKind;
import eu.ai4c.vector.schema.TagCondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Loads the real Andorra extract and checks the store against independent tools: counts per
 * class against {@code osmium tags-filter} + {@code osmium export} with the same rules, the
 * GeoPackage against GDAL's {@code ogrinfo}, multipolygon areas against GDAL's OSM driver.
 */
class AndorraLoadTest {
    static final Path PBF = Fixtures.file("osm/andorra.osm.pbf");
    @TempDir
    static Path dir;
    static Path store;
    static StoreLoader.Result first;
    static final FeatureSchema SCHEMA = FeatureSchema.builtIn();

    @BeforeAll
    static void load() throws Exception {
        store = dir.resolve("features.gpkg");
        first = StoreLoader.load(PBF, store, SCHEMA.classes(), ProcessingContext.defaults());
    }

    @Test
    void countsPerClassEqualOsmiumTagsFilterAndExport() throws Exception {
        long total = first.stored().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(total > 1000, "Andorra has thousands of roads, buildings areas, ...: " + first.stored());
        Map<String, String> mismatches = new TreeMap<>();
        int nonEmpty = 0;
        for (FeatureClass c : SCHEMA.classes()) {
            long osmium = eu.ai4c.vector.OsmiumCount.of(PBF, c, dir);
            long ours = first.stored().get(c.name());
            long repaired = first.cleanse().count(c.name(), CleanseReason.REPAIRED_INVALID);
            // osmium drops the invalid polygons that we repair and keep
            if (ours != osmium + repaired) mismatches.put(c.name(), "ours " + ours + ", osmium " + osmium
                    + ", repaired " + repaired);
            if (ours > 0) nonEmpty++;
        }
        assertTrue(mismatches.isEmpty(), "counts differ: " + mismatches);
        assertTrue(nonEmpty >= 12, "a dozen classes occur in the (2012) Andorra extract: " + first.stored());
    }

    @Test
    void ogrinfoOpensTheStoreWithTheSameCounts() {
        String info = Tools.run(List.of("ogrinfo", "-ro", "-so", "-al", store.toString()));
        for (Map.Entry<String, Long> e : first.stored().entrySet()) {
            String block = info.substring(info.indexOf("Layer name: " + e.getKey() + "\n"));
            String count = block.substring(block.indexOf("Feature Count: ") + 15, block.indexOf('\n',
                    block.indexOf("Feature Count: ")));
            assertEquals(e.getValue().longValue(), Long.parseLong(count.strip()), e.getKey());
        }
        assertTrue(info.contains("Geometry: Multi Polygon") && info.contains("Geometry: Line String"), info);
        // GDAL uses the R-tree for a spatial filter: ask for Andorra la Vella's centre
        String filtered = Tools.run(List.of("ogrinfo", "-ro", "-so", "-spat", "1.51", "42.50", "1.53", "42.52",
                store.toString(), "road"));
        assertTrue(filtered.contains("Feature Count: "), filtered);
    }

    @Test
    void everyRtreeIsConsistent() throws Exception {
        try (Connection c = GeoPackageFile.connect(store, true); Statement s = c.createStatement()) {
            for (String table : first.stored().keySet()) {
                try (ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_" + table + "_geom'), (SELECT count(*) FROM "
                        + "rtree_" + table + "_geom)")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1), table);
                    assertEquals(first.stored().get(table).longValue(), rs.getLong(2), table);
                }
            }
        }
    }

    @Test
    void loadingTheSameFileAgainAddsNothing() throws Exception {
        Path copy = dir.resolve("twice.gpkg");
        StoreLoader.load(PBF, copy, List.of(SCHEMA.get("road"), SCHEMA.get("hospital")), ProcessingContext.defaults());
        StoreLoader.Result again = StoreLoader.load(PBF, copy, List.of(SCHEMA.get("road"), SCHEMA.get("hospital")),
                ProcessingContext.defaults());
        assertEquals(0L, again.inserted().get("road"));
        assertEquals(first.stored().get("road"), again.stored().get("road"));
        assertEquals(first.stored().get("hospital"), again.stored().get("hospital"));
        try (Connection c = GeoPackageFile.connect(copy, true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM rtree_road_geom")) {
            rs.next();
            assertEquals(first.stored().get("road").longValue(), rs.getLong(1), "one R-tree entry per road");
        }
    }

    /**
     * Every multipolygon and boundary relation of the file (a test class taking them all, as
     * GDAL's multipolygons layer does): valid, and of the area GDAL's OSM driver gives.
     */
    @Test
    void multipolygonsAreValidAndTheirAreasMatchGdalsOsmDriver() throws Exception {
        String csv = Tools.run(List.of("ogr2ogr", "-f", "CSV", "/vsistdout/", PBF.toString(), "multipolygons",
                "-select", "osm_id", "-where", "osm_id IS NOT NULL", "-lco", "GEOMETRY=AS_WKT"));
        Map<Long, Double> gdalArea = new HashMap<>();
        WKTReader wkt = new WKTReader();
        for (String line : csv.split("\n")) {
            if (!line.startsWith("\"MULTIPOLYGON")) continue;
            int q = line.indexOf('"', 1);
            Geometry g = wkt.read(line.substring(1, q));
            gdalArea.put(Long.parseLong(line.substring(q + 2).replace("\"", "").strip()), g.getArea());
        }
        assertTrue(gdalArea.size() >= 10, "GDAL made multipolygons: " + gdalArea.size());
        FeatureClass all = new FeatureClass("any_area", "every multipolygon", Set.of(GeometryKind.POLYGON),
                List.of(List.of(TagCondition.parse("type", "multipolygon|boundary"))), List.of());
        Map<Long, Geometry> ours = new HashMap<>();
        eu.ai4c.vector.etl.FeatureExtractor x = new eu.ai4c.vector.etl.FeatureExtractor(List.of(all));
        x.extract(PBF, f -> {
            if (f.osmType().equals("relation")) ours.put(f.osmId(), f.geometry());
        }, ProcessingContext.defaults());
        int withHoles = 0;
        for (Map.Entry<Long, Double> e : gdalArea.entrySet()) {
            Geometry g = ours.get(e.getKey());
            assertTrue(g != null, "relation " + e.getKey() + " assembled by GDAL but not by us; cleanse log "
                    + x.cleanseLog().byClass());
            assertTrue(g.isValid(), "relation " + e.getKey() + " is not valid");
            assertEquals(e.getValue(), g.getArea(), e.getValue() * 1e-3, "relation " + e.getKey() + " area vs GDAL");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (((org.locationtech.jts.geom.Polygon) g.getGeometryN(i)).getNumInteriorRing() > 0) {
                    withHoles++;
                    break;
                }
            }
        }
        assertTrue(withHoles >= 1, "some multipolygons have holes");
    }
}
