package eu.ai4c.vector.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.vector.Tools;
import eu.ai4c.vector.query.FeatureQuery;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.store.DatasetLoader;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.StoredFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * The energy datasets into the store: a JRC-PPDB-OPEN units file and EMODnet wind farm layers
 * (GeoJSON as written here, and a Shapefile made from it by GDAL's {@code ogr2ogr}, an
 * independent writer), queried like the OSM classes; GDAL's {@code ogrinfo} reads the store.
 * The samples are invented records in the sources' layouts.
 */
class EnergyLoadTest {
    @TempDir
    Path tmp;

    /** Four invented units in the JRC_OPEN_UNITS.csv layout (semicolon, as release 1.0). */
    static final String JRC = """
            eic_p;eic_g;name_p;name_g;capacity_p;capacity_g;type_g;lat;lon;country;NUTS2;status_g;year_commissioned;year_decommissioned;water_type;cooling_type;water_withdrawal;water_consumption
            48WTEST0000000P1;48WTEST0000000G1;Harbour Gas;Harbour Gas 1;800.0;400.0;Fossil Gas;53.21;6.52;Netherlands;NL11;COMMISSIONED;2001.0;;Fresh;Once-through;12.5;0.4
            48WTEST0000000P1;48WTEST0000000G2;Harbour Gas;Harbour Gas 2;800.0;400.0;Fossil Gas;53.21;6.53;Netherlands;NL11;COMMISSIONED;2003.0;;Fresh;Once-through;12.5;0.4
            48WTEST0000000P2;48WTEST0000000G3;"Valley Hydro; Upper";;120.5;120.5;Hydro Water Reservoir;46.60;8.10;Switzerland;CH07;COMMISSIONED;1968;;;;;
            48WTEST0000000P3;48WTEST0000000G4;Old Lignite;Old Lignite A;300;300;Fossil Brown coal/Lignite;51.40;14.20;Germany;DE40;DECOMMISSIONED;1975;2019;Fresh;Tower;NaN;NaN
            """;

    @Test
    void jrcUnitsLoadAndQueryWithTheirAttributes() throws Exception {
        Path csv = tmp.resolve("JRC_OPEN_UNITS.csv");
        Files.writeString(csv, JRC);
        Path store = tmp.resolve("energy.gpkg");
        DatasetLoader.Result r = EnergyDataset.JRC_PPDB.load(csv, store);
        assertEquals(4, r.read());
        assertEquals(4, r.added());
        DatasetLoader.Result again = EnergyDataset.JRC_PPDB.load(csv, store);
        assertEquals(0, again.added(), "loading the same file twice adds nothing");
        assertEquals(4, again.stored());

        List<StoredFeature> found = new ArrayList<>();
        try (FeatureStore s = FeatureStore.open(store, 1)) {
            assertEquals("POINT", s.select(List.of("jrc_power_plant")).get(0).geometry());
            s.query("jrc_power_plant", QueryArea.parse("6,53,7,54"), false, f -> found.add(f));
        }
        assertEquals(2, found.size(), "the two Dutch units lie in the box");
        StoredFeature g1 = found.get(0);
        assertEquals("48WTEST0000000P1/48WTEST0000000G1", g1.properties().get("source_id"));
        assertEquals("Harbour Gas 1", g1.properties().get("name"));
        assertEquals(400.0, g1.properties().get("capacity_g"));
        assertEquals("Fossil Gas", g1.properties().get("type_g"));
        assertEquals(2001L, g1.properties().get("year_commissioned"));
        assertNull(g1.properties().get("year_decommissioned"));
        assertEquals(6.52, ((Point) g1.geometry()).getX(), 0);
        assertEquals(53.21, ((Point) g1.geometry()).getY(), 0);

        // GDAL reads the class as a point layer with the JRC column names
        String info = Tools.run(List.of("ogrinfo", "-so", store.toString(), "jrc_power_plant"));
        assertTrue(info.contains("Feature Count: 4"), info);
        assertTrue(info.contains("Geometry: Point"), info);
        for (String col : List.of("eic_p", "capacity_g", "type_g", "year_commissioned", "NUTS2", "water_consumption")) {
            assertTrue(info.contains(col + ":"), col + " in " + info);
        }
        String hydro = Tools.run(List.of("ogrinfo", "-q", store.toString(), "-where", "eic_g = '48WTEST0000000G3'",
                "jrc_power_plant"));
        assertTrue(hydro.contains("name_p (String) = Valley Hydro; Upper"), hydro);
        assertTrue(hydro.contains("POINT (8.1 46.6)"), hydro);

        // through humanfeatures-query: GeoJSON ids are class/source_id
        Path out = tmp.resolve("plants.geojson");
        FeatureQuery.run(new FeatureQuery.Request(store, List.of("jrc_power_plant"), null, false, out));
        JsonNode fc = new ObjectMapper().readTree(out.toFile());
        assertEquals(4, fc.get("features").size());
        assertEquals("jrc_power_plant/48WTEST0000000P3/48WTEST0000000G4", fc.get("features").get(3).get("id").asText());
        assertEquals(2019, fc.get("features").get(3).get("properties").get("year_decommissioned").asInt());
    }

    @Test
    void jrcBadInputNamesFileLineAndFixAndWritesNothing() throws Exception {
        Path store = tmp.resolve("s.gpkg");
        String[][] cases = {
            {"eic_p;eic_g;name_p;capacity_g;type_g;lat;year_commissioned\nP;G;x;1;Hydro;45;2000\n", "lacks the column(s) lon"},
            {JRC.replace("53.21;6.53", "153.21;6.53"), "line 3, has the coordinates lat 153.21"},
            {JRC.replace(";300;300;", ";300;three hundred;"), "line 5, column capacity_g, holds \"three hundred\""},
            {JRC.replace(";1968;", ";1968.5;"), "line 4, column year_commissioned"},
            {JRC.replace("48WTEST0000000G2", "48WTEST0000000G1"), "repeats the unit"},
            {JRC.replace("COMMISSIONED;2003.0;", "COMMISSIONED;2003.0;;extra;"), "line 3, has 20 fields"},
        };
        for (String[] c : cases) {
            Path csv = tmp.resolve("units.csv");
            Files.writeString(csv, c[0]);
            Ai4cException e = assertThrows(Ai4cException.class, () -> EnergyDataset.JRC_PPDB.load(csv, store), c[1]);
            assertTrue(e.isUsageError());
            assertTrue(e.getMessage().contains("units.csv") && e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(Files.exists(store), "nothing written for: " + c[1]);
        }
    }

    /** Invented wind farms in EMODnet's layout: two polygons (one with a hole), one point. */
    private Path emodnetGeoJson(String name, boolean lowerCase) throws Exception {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"OBJECTID":1,"COUNTRY":"Belgium","NAME":"Test Bank","N_TURBINES":44,
                   "POWER_MW":369.6,"STATUS":"Production","YEAR":2018,"COAST_DIST_M":19797.7,"AREA_SQKM":38.4,"NOTES":null},
                  "geometry":{"type":"Polygon","coordinates":[[[2.90,51.60],[3.00,51.60],[3.00,51.70],[2.90,51.70],[2.90,51.60]],
                    [[2.94,51.64],[2.94,51.66],[2.96,51.66],[2.96,51.64],[2.94,51.64]]]}},
                 {"type":"Feature","properties":{"OBJECTID":2,"COUNTRY":"Denmark","NAME":"Plan Area North","N_TURBINES":null,
                   "POWER_MW":null,"STATUS":"Planned","YEAR":null,"COAST_DIST_M":0,"AREA_SQKM":12.0,"NOTES":"zone"},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[7.00,55.00],[7.10,55.00],[7.10,55.10],[7.00,55.00]]]]}}
                ]}""";
        if (lowerCase) json = json.replace("\"OBJECTID\"", "\"objectid\"").replace("\"STATUS\"", "\"status\"")
                .replace("\"POWER_MW\"", "\"power_mw\"").replace("\"COAST_DIST_M\"", "\"dist_coast\"");
        Path f = tmp.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    void emodnetShapefileAndGeoJsonLoadWithEmodnetFields() throws Exception {
        Path geojson = emodnetGeoJson("windfarms_pg.geojson", false);
        Path shp = tmp.resolve("EMODnet_HA_WindFarms_pg_test.shp");
        Tools.run(List.of("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.toString(), geojson.toString()));
        Path points = tmp.resolve("points.geojson");
        Files.writeString(points, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"objectid":1,"country":"France","name":"Fécamp","n_turbines":83,
                   "power_mw":498,"status":"Construction","year":null,"dist_coast":11246.6,"area_sqkm":87.9},
                  "geometry":{"type":"Point","coordinates":[0.22,49.87]}}]}""");
        Path store = tmp.resolve("energy.gpkg");
        assertEquals(2, EnergyDataset.EMODNET_WINDFARMS.load(shp, store).added());
        assertEquals(1, EnergyDataset.EMODNET_WINDFARMS.load(points, store).added(), "pt/1 differs from pg/1");
        assertEquals(0, EnergyDataset.EMODNET_WINDFARMS.load(shp, store).added());

        List<StoredFeature> all = new ArrayList<>();
        try (FeatureStore s = FeatureStore.open(store, 1)) {
            s.query("offshore_wind_farm", null, false, f -> all.add(f));
        }
        assertEquals(3, all.size());
        StoredFeature bank = all.get(0);
        assertEquals("pg/1", bank.properties().get("source_id"));
        assertEquals("Test Bank", bank.properties().get("name"));
        assertEquals(369.6, bank.properties().get("POWER_MW"));
        assertEquals("Production", bank.properties().get("STATUS"));
        assertEquals(44L, bank.properties().get("N_TURBINES"));
        assertTrue(bank.geometry() instanceof MultiPolygon);
        assertEquals(0.1 * 0.1 - 0.02 * 0.02, bank.geometry().getArea(), 1e-12, "the hole is kept");
        StoredFeature fecamp = all.get(2);
        assertEquals("pt/1", fecamp.properties().get("source_id"));
        assertEquals("Fécamp", fecamp.properties().get("name"));
        assertEquals(11246.6, fecamp.properties().get("COAST_DIST_M"), "older field name DIST_COAST mapped");
        assertTrue(fecamp.geometry() instanceof Point);

        String info = Tools.run(List.of("ogrinfo", "-so", store.toString(), "offshore_wind_farm"));
        assertTrue(info.contains("Feature Count: 3"), info);
        for (String col : List.of("COUNTRY", "N_TURBINES", "POWER_MW", "STATUS", "YEAR", "COAST_DIST_M", "AREA_SQKM")) {
            assertTrue(info.contains(col + ":"), col + " in " + info);
        }
    }

    @Test
    void emodnetBadInputNamesFileAndProblem() throws Exception {
        Path store = tmp.resolve("s.gpkg");
        Path noStatus = tmp.resolve("nostatus.geojson");
        Files.writeString(noStatus, Files.readString(emodnetGeoJson("a.geojson", false)).replace("\"STATUS\"", "\"STATE\""));
        Ai4cException e = assertThrows(Ai4cException.class, () -> EnergyDataset.EMODNET_WINDFARMS.load(noStatus, store));
        assertTrue(e.getMessage().contains("nostatus.geojson") && e.getMessage().contains("lacks the field(s) STATUS"),
                e.getMessage());
        Path badCoord = tmp.resolve("bad.geojson");
        Files.writeString(badCoord, Files.readString(emodnetGeoJson("b.geojson", false)).replace("[7.10,55.10]", "[712000,5510000]"));
        e = assertThrows(Ai4cException.class, () -> EnergyDataset.EMODNET_WINDFARMS.load(badCoord, store));
        assertTrue(e.getMessage().contains("bad.geojson, record #2") && e.getMessage().contains("outside ±90°/±180°"),
                e.getMessage());
        // a projected shapefile is refused with the conversion command
        Path projected = tmp.resolve("projected.shp");
        Tools.run(List.of("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:3035", projected.toString(),
                emodnetGeoJson("c.geojson", false).toString()));
        e = assertThrows(Ai4cException.class, () -> EnergyDataset.EMODNET_WINDFARMS.load(projected, store));
        assertTrue(e.getMessage().contains("not WGS84") && e.getMessage().contains("ogr2ogr -t_srs EPSG:4326"), e.getMessage());
        Path csv = tmp.resolve("farms.csv");
        Files.writeString(csv, "a;b\n");
        e = assertThrows(Ai4cException.class, () -> EnergyDataset.EMODNET_WINDFARMS.load(csv, store));
        assertTrue(e.getMessage().contains("neither a Shapefile"), e.getMessage());
        assertFalse(Files.exists(store));
        // lower-case field names as EMODnet's WFS writes them
        assertEquals(2, EnergyDataset.EMODNET_WINDFARMS.read(emodnetGeoJson("wfs.geojson", true)).size());
    }
}
