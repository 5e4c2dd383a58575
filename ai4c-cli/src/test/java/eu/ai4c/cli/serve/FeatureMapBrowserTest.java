package eu.ai4c.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.vector.query.FeatureQuery;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.StoreLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map page of {@code ai4c serve} in a real browser: Selenium WebDriver drives headless
 * Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by {@code .ci/run})
 * as a user would — it waits for the classes of the store, presses "Draw a box" and drags a box
 * over the map with the mouse, ticks hospitals and fuel stations, shows the features, clicks one
 * to open its popup and downloads the GeoJSON. The features shown and downloaded must be exactly
 * those the engine's own query ({@link FeatureQuery}) finds in the drawn box.
 *
 * <p>Skipped, saying why, only when Chromium or its WebDriver is not installed.</p>
 */
class FeatureMapBrowserTest {
    private static final List<String> CLASSES = List.of("hospital", "fuel_station");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void drawsABoxWithTheMouseTicksClassesShowsPopupsAndDownloadsTheFeatures() throws Exception {
        Path chromium = executable("chromium", "chromium-browser");
        Path driverExe = executable("chromedriver");
        Assumptions.assumeTrue(chromium != null && driverExe != null, "Chromium and its WebDriver are needed for the "
                + "web map's browser test: apt-get install chromium chromium-driver (.ci/run installs them)");

        Path gpkg = dir.resolve("features.gpkg");
        StoreLoader.load(Fixtures.file("osm/andorra.osm.pbf"), gpkg, FeatureSchema.builtIn().select(
                List.of("hospital", "fuel_station", "built_up")), ProcessingContext.defaults());
        Path downloads = Files.createDirectories(dir.resolve("downloads"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1200,800", "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverExe.toFile())
                .usingAnyFreePort().withLogFile(dir.resolve("chromedriver.log").toFile()).build();

        try (FeatureStore store = FeatureStore.open(gpkg, 2);
             FeatureServer server = new FeatureServer(store, new FeatureServer.Settings("127.0.0.1", 0, 5000, 1 << 20,
                     8, null))) {
            server.start();
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                browser.get("http://127.0.0.1:" + server.port() + "/");
                wait.until(d -> status(browser).contains("classes."));
                assertTrue(browser.findElements(By.cssSelector("#classes input[value='built_up']")).size() == 1,
                        "the classes of the store are listed");
                assertTrue(browser.findElements(By.cssSelector("#map.leaflet-container")).size() == 1, "Leaflet ran");

                // draw the box with the mouse: press the button, then drag over the western half of the map
                browser.findElement(By.id("draw")).click();
                WebElement map = browser.findElement(By.id("map"));
                int w = map.getRect().getWidth(), h = map.getRect().getHeight();
                int dragWidth = w / 2 - 60, dragHeight = h - 100;
                new Actions(browser).moveToElement(map, -w / 2 + 60, -h / 2 + 50).clickAndHold()
                        .moveByOffset(dragWidth / 2, dragHeight / 2).moveByOffset(dragWidth - dragWidth / 2,
                                dragHeight - dragHeight / 2).release().perform();
                wait.until(d -> status(browser).startsWith("Box drawn"));
                @SuppressWarnings("unchecked")
                List<Number> box = (List<Number>) browser.executeScript("const b = aoiBox.getBounds();"
                        + " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];");
                @SuppressWarnings("unchecked")
                List<Number> view = (List<Number>) browser.executeScript("const b = map.getBounds();"
                        + " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];");
                double viewWidth = view.get(2).doubleValue() - view.get(0).doubleValue();
                double boxWidth = box.get(2).doubleValue() - box.get(0).doubleValue();
                assertEquals((double) dragWidth / w, boxWidth / viewWidth, 2.0 / w, "the box spans the mouse drag: " + box);

                for (String c : CLASSES) browser.findElement(By.cssSelector("#classes input[value='" + c + "']")).click();
                browser.findElement(By.id("search")).click();
                wait.until(d -> status(browser).matches("\\d+ features.*|Error.*"));

                // the engine's answer for the same box, independently of the page and the web service
                String bbox = box.stream().map(v -> String.format(java.util.Locale.ROOT, "%.7f", v.doubleValue()))
                        .reduce((a, b) -> a + "," + b).orElseThrow();
                Path expectedFile = dir.resolve("expected.geojson");
                FeatureQuery.run(new FeatureQuery.Request(gpkg, CLASSES, QueryArea.parse(bbox), false, expectedFile));
                JsonNode expected = new ObjectMapper().readTree(expectedFile.toFile());
                Map<String, Integer> perClass = perClass(expected);
                int n = expected.get("features").size();
                assertTrue(perClass.getOrDefault("hospital", 0) > 0 && perClass.getOrDefault("fuel_station", 0) > 0
                        && n < 7 + 19, "the drawn box " + bbox + " should hold some of Andorra's 7 hospitals and 19 "
                        + "fuel stations: " + perClass);
                String shown = status(browser);
                assertTrue(shown.startsWith(n + " features: "), shown);
                for (Map.Entry<String, Integer> e : perClass.entrySet()) {
                    assertTrue(shown.contains(e.getKey() + " " + e.getValue()), "count of " + e.getKey() + " in " + shown);
                }
                assertEquals(String.valueOf(n), body(browser, "features"), "features received");
                assertEquals(String.valueOf(n), body(browser, "drawn"), "every feature drawn on the map");
                assertEquals(String.valueOf(n), body(browser, "popups"), "every feature has a popup");

                // click a hospital drawn as a point: its popup shows the class, name and OSM id
                JsonNode hospital = null;
                for (JsonNode f : expected.get("features")) {
                    if (f.at("/properties/class").asText().equals("hospital") && f.at("/geometry/type").asText().equals("Point")) {
                        hospital = f;
                        break;
                    }
                }
                assertTrue(hospital != null, "a hospital mapped as a point in the box");
                @SuppressWarnings("unchecked")
                List<Number> px = (List<Number>) browser.executeScript(
                        "const p = map.latLngToContainerPoint([arguments[1], arguments[0]]); return [p.x, p.y];",
                        hospital.at("/geometry/coordinates/0").asDouble(), hospital.at("/geometry/coordinates/1").asDouble());
                new Actions(browser).moveToElement(map, (int) Math.round(px.get(0).doubleValue()) - w / 2,
                        (int) Math.round(px.get(1).doubleValue()) - h / 2).click().perform();
                WebElement popup = wait.until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                        .findFirst().orElse(null));
                String popupText = popup.getText();
                assertTrue(popupText.contains("hospital"), popupText);
                assertTrue(popupText.contains(hospital.at("/properties/osm_id").asText()), "OSM id in " + popupText);
                if (hospital.at("/properties/name").isTextual()) {
                    assertTrue(popupText.contains(hospital.at("/properties/name").asText()), "name in " + popupText);
                }

                // the download: the same features, as GeoJSON
                browser.findElement(By.id("download")).click();
                Path file = downloads.resolve("features.geojson");
                wait.until(d -> Files.isRegularFile(file) && noPartialDownload(downloads));
                JsonNode downloaded = new ObjectMapper().readTree(file.toFile());
                assertEquals("FeatureCollection", downloaded.get("type").asText());
                assertEquals(osmIds(expected), osmIds(downloaded), "the downloaded features");
                assertEquals(perClass, perClass(downloaded));
            } finally {
                browser.quit();
            }
        }
    }

    private static String status(ChromeDriver browser) {
        return browser.findElement(By.id("status")).getText();
    }

    private static String body(ChromeDriver browser, String key) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.body.dataset." + key + ";"));
    }

    private static boolean noPartialDownload(Path downloads) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.noneMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static TreeSet<String> osmIds(JsonNode fc) {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode f : fc.get("features")) {
            ids.add(f.at("/properties/osm_type").asText() + "/" + f.at("/properties/osm_id").asText());
        }
        return ids;
    }

    private static Map<String, Integer> perClass(JsonNode fc) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode f : fc.get("features")) counts.merge(f.at("/properties/class").asText(), 1, Integer::sum);
        return counts;
    }

    /** The first of {@code names} found on the PATH (or in /usr/bin), or null. */
    private static Path executable(String... names) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin";
        for (String name : names) {
            for (String d : path.split(":")) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) return Path.of(d, name);
            }
        }
        return null;
    }
}
