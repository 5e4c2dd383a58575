package eu.ai4c.cli.bench;

import eu.ai4c.cli.serve.FeatureServer;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.StoreLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code serve-load}: the web service under load on loopback: C clients ({@code -Pclients=50})
 * each sending R requests ({@code -Prequests=200}) for the roads, fuel stations and hospitals of a
 * random 0.01° box of the Andorra extract (the demo's data). Reports throughput, p50 and p95 and
 * fails on any error; no peer.
 */
public final class ServeLoadBenchmark extends DeclaredBenchmark {

    public ServeLoadBenchmark() {
        super("serve-load", "ai4c serve under load on loopback: -Pclients 50 x -Prequests 200 bbox requests on the "
                + "Andorra store; throughput, p50, p95, errors.", "clients", "requests");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int clients = context.intOption("clients", 50, 1);
        int requests = context.intOption("requests", 200, 1);
        Files.createDirectories(context.workDir());
        Path pbf = context.workDir().resolve("andorra.osm.pbf");
        try (InputStream in = ServeLoadBenchmark.class.getResourceAsStream("/eu/ai4c/cli/demo/osm/andorra.osm.pbf")) {
            if (in == null) throw new IOException("the Andorra extract is missing from the ai4c-cli jar");
            Files.copy(in, pbf, StandardCopyOption.REPLACE_EXISTING);
        }
        Path store = context.workDir().resolve("andorra_serve.gpkg");
        Files.deleteIfExists(store);
        StoreLoader.load(pbf, store, FeatureSchema.builtIn().classes(), context.processing().withProgress(Progress.silent()));
        double[] ms = new double[clients * requests];
        AtomicInteger errors = new AtomicInteger();
        try (FeatureStore fs = FeatureStore.open(store, 8);
             FeatureServer server = new FeatureServer(fs, new FeatureServer.Settings("127.0.0.1", 0, 5000, 1 << 20,
                     Math.max(16, clients / 2), null))) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/api/features?classes=road,fuel_station,hospital&bbox=";
            Envelope e = fs.extent();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            BenchContext.Measured m = context.measure(() -> {
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                try {
                    List<Future<?>> done = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        int client = c;
                        done.add(pool.submit(() -> {
                            Random rnd = new Random(client);
                            for (int i = 0; i < requests; i++) {
                                double w = e.getMinX() + rnd.nextDouble() * (e.getWidth() - 0.01);
                                double s = e.getMinY() + rnd.nextDouble() * (e.getHeight() - 0.01);
                                String url = base + String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", w, s, w + 0.01, s + 0.01);
                                long t0 = System.nanoTime();
                                try {
                                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                            HttpResponse.BodyHandlers.ofString());
                                    if (r.statusCode() != 200) errors.incrementAndGet();
                                } catch (IOException | InterruptedException ex) {
                                    errors.incrementAndGet();
                                }
                                ms[client * requests + i] = (System.nanoTime() - t0) / 1e6;
                            }
                        }));
                    }
                    for (Future<?> f : done) f.get();
                } catch (Exception ex) {
                    throw new IOException(ex);
                } finally {
                    pool.shutdown();
                }
            });
            if (errors.get() > 0) {
                throw new Ai4cException("serve-load: " + errors.get() + " of " + ms.length + " requests failed.");
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("clients", clients);
            extra.put("requests", ms.length);
            extra.put("errors", errors.get());
            extra.put("requests_per_s", Math.round(ms.length / m.seconds()));
            extra.put("p50_ms", Math.round(sorted[ms.length / 2] * 10) / 10.0);
            extra.put("p95_ms", Math.round(sorted[Math.min(ms.length - 1, (int) (ms.length * 0.95))] * 10) / 10.0);
            return List.of(BenchResult.of(name(), clients + " clients x " + requests + " requests, Andorra store", m,
                    null, Double.NaN, extra));
        }
    }
}
