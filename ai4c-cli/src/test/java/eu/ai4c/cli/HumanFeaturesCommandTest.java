package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** humanfeatures-load and humanfeatures-query from the command line, on the Andorra extract. */
class HumanFeaturesCommandTest {
    @TempDir
    Path dir;

    @Test
    void loadThenQueryPrintsTheOutputsAndRefusesBadInput() throws Exception {
        Path store = dir.resolve("features.gpkg");
        Cli load = Cli.run("humanfeatures-load", "--input", Fixtures.file("osm/andorra.osm.pbf").toString(),
                "--store", store.toString(), "--classes", "road,hospital,fuel_station", "--quiet");
        assertEquals(0, load.exit(), load.toString());
        assertEquals(store.toString(), load.out().strip());
        Path out = dir.resolve("out.geojson");
        Cli query = Cli.run("humanfeatures-query", "--store", store.toString(), "--classes", "hospital,fuel_station",
                "--AoI", "1.40,42.42,1.79,42.66", "--output_path", out.toString(), "--quiet");
        assertEquals(0, query.exit(), query.toString());
        JsonNode fc = new ObjectMapper().readTree(out.toFile());
        assertEquals(7 + 19, fc.get("features").size(), "Andorra's 7 hospitals and 19 fuel stations");

        // as the desktop dialog writes it: the footprint of a product as the area, GeoPackage into a folder
        Path scene = dir.resolve("andorra.tif");
        eu.ai4c.kit.geo.MapGeoCoding grid = eu.ai4c.kit.geo.MapGeoCoding.northUp(eu.ai4c.kit.geo.Projections.wgs84(),
                1.40, 42.66, 0.01, 0.01);
        eu.ai4c.kit.io.ProductIO.writer("GeoTIFF").write(eu.ai4c.kit.raster.Product.of("andorra",
                eu.ai4c.kit.raster.MemoryRaster.ofFloats("b", 39, 24, new float[39 * 24], grid)), scene,
                eu.ai4c.kit.progress.ProcessingContext.defaults());
        Path folder = dir.resolve("dialog");
        Cli dialog = Cli.run("humanfeatures-query", "--input", scene.toString(), "--store", store.toString(),
                "--classes=hospital,fuel_station", "--clip=false", "--format=GeoPackage", "--output_dir", folder.toString(),
                "--quiet");
        assertEquals(0, dialog.exit(), dialog.toString());
        Path gpkg = folder.resolve("andorra_humanfeatures.gpkg");
        assertEquals(gpkg.toString(), dialog.out().strip());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM hospital), (SELECT count(*) FROM fuel_station)")) {
            assertEquals(7, rs.getInt(1), "the footprint covers the box of the query above");
            assertEquals(19, rs.getInt(2));
        }

        Cli unknown = Cli.run("humanfeatures-query", "--store", store.toString(), "--classes", "spaceport",
                "--output_path", dir.resolve("x.geojson").toString());
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("Unknown feature class \"spaceport\""), unknown.toString());
        Cli point = Cli.run("humanfeatures-query", "--store", store.toString(), "--AoI", "POINT (1.5 42.5)",
                "--output_path", dir.resolve("x.geojson").toString());
        assertEquals(2, point.exit(), point.toString());
        assertFalse(Files.exists(dir.resolve("x.geojson")));
        Path text = Files.writeString(dir.resolve("text.gpkg"), "not sqlite");
        Cli notStore = Cli.run("humanfeatures-query", "--store", text.toString(), "--output_path",
                dir.resolve("x.geojson").toString());
        assertEquals(2, notStore.exit(), notStore.toString());
        assertTrue(notStore.err().contains("is not a GeoPackage"), notStore.toString());
    }

    @Test
    void demoStepLoadsQueriesAndDrawsTheAndorraExtract() throws Exception {
        Path out = dir.resolve("demo");
        long t0 = System.nanoTime();
        Cli c = Cli.run("demo", "--output", out.toString(), "--step", "humanfeatures", "-q");
        System.out.printf(java.util.Locale.ROOT, "humanfeatures demo step: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(0, c.exit(), c.toString());
        Path step = out.resolve("humanfeatures");
        JsonNode fc = new ObjectMapper().readTree(step.resolve("andorra_la_vella.geojson").toFile());
        assertTrue(fc.get("features").size() > 100, "roads, bridges, hospitals and fuel stations of Andorra la Vella");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(step.resolve("andorra_features.png").toFile());
        assertEquals(900, png.getWidth());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("OpenStreetMap contributors, ODbL"), html);
    }

    @Test
    void committedBinHasTheServiceLaunchers() {
        for (String s : new String[] {"humanfeatures-load", "humanfeatures-query"}) {
            assertTrue(Files.isExecutable(Path.of("..", "bin", s)), "bin/" + s + " (run: bin/ai4c aliases --dir bin)");
            assertTrue(Files.isRegularFile(Path.of("..", "bin", s + ".cmd")), "bin/" + s + ".cmd");
        }
    }

    @Test
    void listAndHelpShowTheServices() {
        Cli list = Cli.run("list");
        assertTrue(list.out().contains("humanfeatures-load") && list.out().contains("humanfeatures-query"), list.out());
        Cli help = Cli.run("humanfeatures-query", "--help");
        assertTrue(help.out().contains("wind_turbine: Wind turbines (power=generator and generator:source=wind)"),
                help.out());
        Cli root = Cli.run("--help");
        String services = root.out().substring(root.out().indexOf("Services:"));
        assertTrue(services.contains("humanfeatures-query"), root.out());
    }
}
