package eu.ai4c.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.StoreLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map page in a real browser (headless Chromium, Debian's {@code chromium}) against a running
 * server: Leaflet from the WebJar loads, the classes come from the store, and a link that ticks
 * hospitals and fuel stations, draws a box over Andorra, searches and downloads shows every
 * feature on the map with a popup and offers them for download.
 */
class FeatureMapBrowserTest {
    @TempDir
    Path dir;

    @Test
    void ticksClassesDrawsABoxAndShowsAndDownloadsTheFeatures() throws Exception {
        Path gpkg = dir.resolve("features.gpkg");
        StoreLoader.load(Fixtures.file("osm/andorra.osm.pbf"), gpkg, FeatureSchema.builtIn().select(
                List.of("hospital", "fuel_station", "built_up")), ProcessingContext.defaults());
        try (FeatureStore store = FeatureStore.open(gpkg, 2);
             FeatureServer server = new FeatureServer(store, new FeatureServer.Settings("127.0.0.1", 0, 5000, 1 << 20,
                     8, null))) {
            server.start();
            String url = "http://127.0.0.1:" + server.port()
                    + "/#classes=hospital,fuel_station&bbox=1.40,42.42,1.79,42.66&search&download";
            String dom = chromium(url);
            assertEquals("true", attribute(dom, "data-ready"), "the page finished its work:\n" + dom);
            assertEquals("26", attribute(dom, "data-features"), "Andorra's 7 hospitals and 19 fuel stations");
            assertEquals("26", attribute(dom, "data-drawn"), "every feature drawn on the map");
            assertEquals("26", attribute(dom, "data-popups"), "every feature has a popup");
            assertTrue(Integer.parseInt(attribute(dom, "data-download-bytes")) > 2000, "the GeoJSON offered for download");
            assertTrue(dom.contains("26 features: hospital 7, fuel_station 19"), dom);
            assertTrue(dom.contains("leaflet-container"), "Leaflet ran");
            assertTrue(dom.contains("value=\"built_up\""), "the classes of the store are listed");
        }
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : "(missing)";
    }

    /** Loads {@code url} in headless Chromium and returns the DOM after the scripts ran. */
    private String chromium(String url) throws Exception {
        String exe = null;
        for (String c : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(d, c))) {
                    exe = Path.of(d, c).toString();
                    break;
                }
            }
            if (exe != null) break;
        }
        if (exe == null) fail("Chromium is needed for this test: apt-get install chromium (.ci/run installs it)");
        Path profile = Files.createTempDirectory(dir, "profile");
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(exe, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                "--window-size=1200,800", "--virtual-time-budget=15000", "--dump-dom", url)
                .redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "Chromium timed out");
        assertEquals(0, p.exitValue(), "Chromium failed:\n" + Files.readString(log));
        return new String(out, StandardCharsets.UTF_8);
    }
}
