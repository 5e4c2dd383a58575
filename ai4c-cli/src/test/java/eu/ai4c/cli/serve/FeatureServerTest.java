package eu.ai4c.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.StoreLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the web service on a store of the Andorra extract, its errors, limits and concurrent clients. */
class FeatureServerTest {
    @TempDir
    static Path dir;
    static FeatureStore store;
    static FeatureServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ANDORRA_LA_VELLA = "1.50,42.49,1.55,42.52";

    @BeforeAll
    static void start() throws Exception {
        Path gpkg = dir.resolve("features.gpkg");
        FeatureSchema schema = FeatureSchema.builtIn();
        StoreLoader.load(Fixtures.file("osm/andorra.osm.pbf"), gpkg, schema.select(List.of("road", "hospital",
                "fuel_station", "built_up", "bridge")), ProcessingContext.defaults());
        store = FeatureStore.open(gpkg, 4);
        server = new FeatureServer(store, new FeatureServer.Settings("127.0.0.1", 0, 500, 4096, 16, null));
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/geo+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> ids(JsonNode fc) {
        Set<String> ids = new HashSet<>();
        for (JsonNode f : fc.get("features")) ids.add(f.get("id").asText());
        return ids;
    }

    @Test
    void classesListTheStoreWithCounts() throws Exception {
        HttpResponse<String> r = get("/api/classes");
        assertEquals(200, r.statusCode());
        JsonNode classes = JSON.readTree(r.body()).get("classes");
        assertEquals(5, classes.size());
        for (JsonNode c : classes) {
            long count = store.classes().stream().filter(s -> s.name().equals(c.get("name").asText())).findFirst()
                    .orElseThrow().count();
            assertEquals(count, c.get("count").asLong(), c.toString());
        }
        JsonNode config = JSON.readTree(get("/api/config").body());
        assertEquals(500, config.get("maxFeatures").asInt());
        assertEquals("built_up", config.get("backgroundClass").asText());
        assertTrue(config.get("extent").get(0).asDouble() > 1.4 && config.get("extent").get(2).asDouble() < 1.8);
    }

    @Test
    void getByBboxPagesThroughTheSameFeaturesAsOneRequest() throws Exception {
        HttpResponse<String> whole = get("/api/features?classes=road,hospital&bbox=" + ANDORRA_LA_VELLA + "&limit=500");
        assertEquals(200, whole.statusCode(), whole.body());
        assertEquals("application/geo+json", whole.headers().firstValue("content-type").orElse(""));
        JsonNode all = JSON.readTree(whole.body());
        int n = all.get("numberReturned").asInt();
        assertTrue(n > 50 && n < 500, "roads and hospitals in Andorra la Vella: " + n);
        Set<String> paged = new HashSet<>();
        String next = "/api/features?classes=road,hospital&bbox=" + ANDORRA_LA_VELLA + "&limit=40";
        int pages = 0;
        while (next != null) {
            JsonNode page = JSON.readTree(get(next).body());
            assertTrue(page.get("features").size() <= 40);
            paged.addAll(ids(page));
            next = page.has("next") ? page.get("next").asText() : null;
            pages++;
        }
        assertEquals(ids(all), paged);
        assertEquals((n + 39) / 40, pages);
    }

    @Test
    void postedAreaEqualsTheBbox() throws Exception {
        String polygon = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[1.50,42.49],[1.55,42.49],[1.55,42.52],[1.50,42.52],[1.50,42.49]]]}}";
        HttpResponse<String> r = post("/api/features?classes=road,hospital&limit=500", polygon);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode viaGet = JSON.readTree(get("/api/features?classes=road,hospital&bbox=" + ANDORRA_LA_VELLA
                + "&limit=500").body());
        assertEquals(ids(viaGet), ids(JSON.readTree(r.body())));
        // clipped: every coordinate inside the box
        JsonNode clipped = JSON.readTree(post("/api/features?classes=road&clip=true&limit=500", polygon).body());
        for (JsonNode f : clipped.get("features")) {
            for (String c : f.get("geometry").get("coordinates").toString().replaceAll("[\\[\\]]", " ").split(",")) {
                if (c.isBlank()) continue;
                double v = Double.parseDouble(c.strip());
                assertTrue(v > 1.4999999 && v < 1.5500001 || v > 42.4899999 && v < 42.5200001, f.get("id") + ": " + v);
            }
        }
    }

    @Test
    void clientErrorsAreJsonWithTheirCodes() throws Exception {
        assertError(get("/api/features?classes=spaceport"), 400, "Unknown feature class \"spaceport\"");
        assertError(get("/api/features?bbox=1,2,3"), 400, "bbox=1,2,3 is not four numbers");
        assertError(get("/api/features?bbox=2,42,1,43"), 400, "west < east");
        assertError(get("/api/features?limit=501"), 400, "limit=501 must be a whole number from 1 to 500");
        assertError(post("/api/features", "{\"type\":\"Point\",\"coordinates\":[1.5,42.5]}"), 400, "Point");
        assertError(post("/api/features", "{not json"), 400, "not valid JSON");
        assertError(post("/api/features", "{\"type\":\"Polygon\",\"coordinates\":[[" + "[1.5,42.5],".repeat(400)
                + "[1.5,42.5]]]}"), 413, "exceeds the limit of 4096 bytes");
        assertError(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/features")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()), 405, "not allowed");
        assertError(get("/api/nothing"), 404, "No such resource");
    }

    private static void assertError(HttpResponse<String> r, int status, String text) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        JsonNode e = JSON.readTree(r.body());
        assertEquals(status, e.get("status").asInt());
        assertTrue(e.get("error").asText().contains(text), e.toString());
    }

    @Test
    void servesOpenApiTheMapPageAndLeaflet() throws Exception {
        JsonNode api = JSON.readTree(get("/api/openapi.json").body());
        assertTrue(api.get("openapi").asText().startsWith("3."));
        assertTrue(api.get("paths").has("/api/features") && api.get("paths").get("/api/features").has("post"));
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/leaflet/leaflet.js"));
        HttpResponse<String> leaflet = get("/leaflet/leaflet.js");
        assertEquals(200, leaflet.statusCode());
        assertTrue(leaflet.body().contains("Leaflet"), "the WebJar's Leaflet");
        assertEquals(200, get("/leaflet/leaflet.css").statusCode());
        int traversal = get("/leaflet/../../../etc/passwd").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "Jetty refuses the ambiguous path, or we do: " + traversal);

    }

    @Test
    void aPortInUseIsRefusedWithAClearMessage() {
        FeatureServer second = new FeatureServer(store, new FeatureServer.Settings("127.0.0.1", server.port(), 500,
                4096, 8, null));
        Ai4cException e = assertThrows(Ai4cException.class, second::start);
        assertTrue(e.isUsageError() && e.getMessage().contains("port is in use") && e.getMessage().contains("--port"),
                e.getMessage());
    }

    /** Bounded load on loopback: 8 clients x 20 requests, no error; p50/p95 printed (not asserted; ai4c bench serve-load measures 50 x 200). */
    @Test
    void concurrentClientsGetNoErrors() throws Exception {
        int clients = 8;
        int requests = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            futures.add(pool.submit(() -> {
                long[] times = new long[requests];
                java.util.Random rnd = new java.util.Random(seed);
                for (int i = 0; i < requests; i++) {
                    double w = 1.45 + rnd.nextDouble() * 0.25;
                    double s = 42.45 + rnd.nextDouble() * 0.15;
                    String bbox = String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", w, s, w + 0.02, s + 0.02);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = get("/api/features?classes=road,built_up&bbox=" + bbox);
                    times[i] = System.nanoTime() - t0;
                    if (r.statusCode() != 200 || !r.body().endsWith("}")) errors.incrementAndGet();
                }
                return times;
            }));
        }
        long[] all = new long[clients * requests];
        int k = 0;
        for (Future<long[]> f : futures) for (long t : f.get()) all[k++] = t;
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "serve load: %d requests, p50 %.1f ms, p95 %.1f ms%n", all.length,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.95)] / 1e6);
        assertEquals(0, errors.get());
    }
}
