package eu.ai4c.vector.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.vector.SyntheticOsm;
import eu.ai4c.vector.query.FeatureQuery;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.StoreLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The declarative {@code humanfeatures-query} that the desktop dialog and SNAP run, on a store of
 * planted features (class i in the 0.01° cell at lon 1 + 0.01·i, lat 42): the area from the AoI,
 * from a source product's footprint, or everywhere, the classes as a check-box value set, GeoJSON
 * and GeoPackage output, and the refusals.
 */
class HumanFeaturesQueryOperatorTest {
    static final FeatureSchema SCHEMA = FeatureSchema.builtIn();
    static final HumanFeaturesQueryOperator OP = new HumanFeaturesQueryOperator();
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

    private static ParameterValues params(String... keyValues) {
        Map<String, String> raw = new HashMap<>();
        raw.put("store", store.toString());
        for (int i = 0; i < keyValues.length; i += 2) raw.put(keyValues[i], keyValues[i + 1]);
        return OP.descriptor().validate(raw);
    }

    private static TreeSet<String> ids(Path geojson) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode f : new ObjectMapper().readTree(geojson.toFile()).get("features")) ids.add(f.get("id").asText());
        return ids;
    }

    /** The engine query for a box, as the command line runs it: the reference of the operator's answers. */
    private static TreeSet<String> reference(List<String> classes, String bbox, String name) throws Exception {
        Path out = dir.resolve(name);
        FeatureQuery.run(new FeatureQuery.Request(store, classes, bbox == null ? null : QueryArea.parse(bbox), false, out));
        return ids(out);
    }

    @Test
    void registeredWithTheClassesAsCheckBoxes() {
        assertTrue(OperatorRegistry.load().get("humanfeatures-query") instanceof HumanFeaturesQueryOperator);
        ParameterDescriptor classes = OP.descriptor().parameter("classes").orElseThrow();
        assertEquals(SCHEMA.classes().stream().map(FeatureClass::name).toList(), classes.valueSet(),
                "one check box per class of the built-in schema");
        assertEquals("Human features (OSM)", OP.descriptor().label());
        assertTrue(OP.descriptor().sources().get(0).optional());
    }

    @Test
    void aoiBoxSelectsTheFeaturesOfTheTickedClasses() throws Exception {
        double x = x0("hospital");
        String bbox = String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", x - 0.001, 41.999, x + 0.009, 42.009);
        Path outDir = dir.resolve("aoi");
        List<Path> files = OP.write(Map.of(), params("classes", "hospital,road", "aoi", bbox), outDir,
                ProcessingContext.defaults());
        assertEquals(List.of(outDir.resolve("humanfeatures.geojson")), files);
        TreeSet<String> got = ids(files.get(0));
        assertEquals(3, got.size(), "node, closed way and multipolygon hospital: " + got);
        assertEquals(reference(List.of("hospital", "road"), bbox, "ref-aoi.geojson"), got);
    }

    @Test
    void sourceFootprintIsTheAreaWhenNoAoiIsGiven() throws Exception {
        double x = x0("fuel_station");
        // a 0.001° grid over the fuel station's cell: its footprint is that cell
        GeoCoding gc = MapGeoCoding.northUp(Projections.wgs84(), x - 0.001, 42.009, 0.001, 0.001);
        Product scene = Product.of("scene", MemoryRaster.ofFloats("b", 10, 10, new float[100], gc));
        Path outDir = dir.resolve("footprint");
        List<Path> files = OP.write(Map.of("input", scene), params(), outDir, ProcessingContext.defaults());
        assertEquals(List.of(outDir.resolve("scene_humanfeatures.geojson")), files, "named after the product");
        TreeSet<String> got = ids(files.get(0));
        String bbox = String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", x - 0.001, 41.999, x + 0.009, 42.009);
        assertEquals(reference(List.of(), bbox, "ref-footprint.geojson"), got);
        assertFalse(got.isEmpty());
        assertTrue(got.stream().allMatch(id -> id.startsWith("fuel_station/")), got.toString());

        // an AoI wins over the footprint
        String hospital = String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", x0("hospital") - 0.001, 41.999,
                x0("hospital") + 0.009, 42.009);
        Path aoiWins = OP.write(Map.of("input", scene), params("aoi", hospital), dir.resolve("both"),
                ProcessingContext.defaults()).get(0);
        assertTrue(ids(aoiWins).stream().allMatch(id -> id.startsWith("hospital/")), ids(aoiWins).toString());
    }

    @Test
    void projectedFootprintIsTheGridOutlineInDegrees() {
        // 30 km x 30 km of UTM 31N over Andorra, corners (370000..400000, 4690000..4720000)
        MapGeoCoding utm = MapGeoCoding.northUp(Projections.parse("EPSG:32631", 1.5, 42.5), 370000, 4720000, 100, 100);
        Product scene = Product.of("utm", MemoryRaster.ofFloats("b", 300, 300, new float[300 * 300], utm));
        Geometry fp = ProductFootprint.lonLat(scene);
        assertTrue(fp.isValid());
        // the corners by gdaltransform -s_srs EPSG:32631 -t_srs EPSG:4326 (PROJ), to 1e-6 degrees (~0.1 m)
        double[][] corners = {{1.41478460952915, 42.6214789104543}, {1.78051076736872, 42.625956407711},
            {1.78574753981739, 42.3558406368871}, {1.42159048680767, 42.3514050371175}};
        for (double[] c : corners) {
            double nearest = Double.MAX_VALUE;
            for (org.locationtech.jts.geom.Coordinate v : fp.getCoordinates()) {
                nearest = Math.min(nearest, Math.hypot(v.x - c[0], v.y - c[1]));
            }
            assertEquals(0, nearest, 1e-6, "corner " + c[0] + " " + c[1]);
        }
        // PROJ for the middle of the northern edge (385000, 4720000): 1.5976373 42.6238635; the edge in degrees
        // passes through it (a straight line between the corners would miss it by ~1.5e-4 degrees)
        org.locationtech.jts.geom.Point mid = fp.getFactory().createPoint(
                new org.locationtech.jts.geom.Coordinate(1.59763725, 42.62386355));
        assertEquals(0, fp.getBoundary().distance(mid), 2e-6, "curved northern edge");
    }

    @Test
    void everywhereAsGeoPackage() throws Exception {
        Path out = OP.write(Map.of(), params("classes", "airport,port", "format", "GeoPackage"), dir.resolve("gpkg"),
                ProcessingContext.defaults()).get(0);
        assertEquals("humanfeatures.gpkg", out.getFileName().toString());
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out);
             ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM airport) + (SELECT count(*) FROM port)")) {
            rows = rs.getInt(1);
        }
        assertEquals(reference(List.of("airport", "port"), null, "ref-all.geojson").size(), rows);
        assertTrue(rows > 0);
    }

    /**
     * Shapefile output (what SNAP 13 imports as vector data): one {@code .shp} per geometry kind
     * named after the product, and GDAL reads from them exactly the features of the GeoJSON query.
     */
    @Test
    void shapefilesPerGeometryKindHoldTheQueryFeatures() throws Exception {
        double x = x0("hospital");
        GeoCoding gc = MapGeoCoding.northUp(Projections.wgs84(), x - 0.001, 42.009, 0.001, 0.001);
        Product scene = Product.of("scene", MemoryRaster.ofFloats("b", 10, 10, new float[100], gc));
        Path outDir = dir.resolve("shp");
        List<Path> files = OP.write(Map.of("input", scene), params("classes", "hospital", "format", "Shapefile"),
                outDir, ProcessingContext.defaults());
        assertEquals(List.of(outDir.resolve("scene_humanfeatures_point.shp"),
                outDir.resolve("scene_humanfeatures_polygon.shp")), files.stream().sorted().toList());
        TreeSet<String> got = new TreeSet<>();
        for (Path shp : files) {
            JsonNode fc = new ObjectMapper().readTree(eu.ai4c.vector.Tools.run(
                    List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", shp.toString())));
            for (JsonNode f : fc.get("features")) {
                JsonNode p = f.get("properties");
                got.add(p.get("class").asText() + "/" + p.get("osm_type").asText() + "/" + p.get("osm_id").asText());
            }
        }
        String bbox = String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", x - 0.001, 41.999, x + 0.009, 42.009);
        TreeSet<String> expected = reference(List.of("hospital"), bbox, "ref-shp.geojson");
        assertEquals(3, expected.size(), expected.toString());
        assertEquals(expected, got);
    }

    @Test
    void badInputIsRefusedWithTheFixAndNothingWritten() {
        Path outDir = dir.resolve("bad");
        Ai4cException unknown = assertThrows(Ai4cException.class, () -> params("classes", "castle"));
        assertTrue(unknown.getMessage().contains("castle"), unknown.getMessage());
        Ai4cException box = assertThrows(Ai4cException.class, () -> OP.write(Map.of(), params("aoi", "2,42,1,43"),
                outDir, ProcessingContext.defaults()));
        assertTrue(box.getMessage().contains("west < east"), box.getMessage());
        Product radar = Product.of("grd", MemoryRaster.ofFloats("b", 4, 4, new float[16], null));
        Ai4cException noMap = assertThrows(Ai4cException.class, () -> OP.write(Map.of("input", radar), params(),
                outDir, ProcessingContext.defaults()));
        assertTrue(noMap.getMessage().contains("grd") && noMap.getMessage().contains("Give an AoI"), noMap.getMessage());
        Map<String, String> missing = Map.of("store", dir.resolve("nowhere.gpkg").toString());
        Ai4cException noStore = assertThrows(Ai4cException.class, () -> OP.write(Map.of(), OP.descriptor().validate(missing),
                outDir, ProcessingContext.defaults()));
        assertTrue(noStore.getMessage().contains("humanfeatures-load"), noStore.getMessage());
        assertFalse(Files.exists(outDir.resolve("humanfeatures.geojson")));
    }

    /** Classes of a user schema are asked for by name beside the built-in check boxes, on every front end. */
    @Test
    void classesOfAUserSchema() throws Exception {
        Path schemaFile = Files.writeString(dir.resolve("user.yaml"), String.join("\n", "classes:",
                "  - name: bakery", "    title: Bakeries", "    geometry: [point]", "    match: [{shop: bakery}]",
                "  - name: hospital", "    title: Hospitals", "    geometry: [point, polygon]",
                "    match: [{amenity: hospital}]", ""));
        FeatureSchema user = FeatureSchema.load(schemaFile);
        Path osm = Files.writeString(dir.resolve("user.osm"), SyntheticOsm.forSchema(user));
        Path userStore = dir.resolve("user.gpkg");
        StoreLoader.load(osm, userStore, user.classes(), ProcessingContext.defaults());
        Map<String, String> raw = new HashMap<>();
        raw.put("store", userStore.toString());
        raw.put("classes", "hospital");
        raw.put("otherClasses", "bakery");
        Path out = Files.createDirectories(dir.resolve("user-out"));
        List<Path> written = OP.write(Map.of(), OP.descriptor().validate(raw), out, ProcessingContext.defaults());
        TreeSet<String> classes = new TreeSet<>();
        for (JsonNode f : new ObjectMapper().readTree(written.get(0).toFile()).get("features")) {
            classes.add(f.get("properties").get("class").asText());
        }
        assertEquals(new TreeSet<>(List.of("bakery", "hospital")), classes);
        assertThrows(Ai4cException.class, () -> OP.descriptor().validate(Map.of("store", userStore.toString(),
                "classes", "bakery")), "the check boxes stay the built-in classes");
    }
}
