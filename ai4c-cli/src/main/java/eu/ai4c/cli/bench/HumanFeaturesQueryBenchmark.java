package eu.ai4c.cli.bench;

import eu.ai4c.kit.progress.Progress;
import eu.ai4c.vector.query.GeoJsonFeatureWriter;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.StoreClass;
import eu.ai4c.vector.store.StoreLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code humanfeatures-aoi}: latency of area-of-interest queries on a store of a synthetic town of
 * N nodes (default 20 M; the store is made once and kept in the work folder): Q random city-size
 * boxes ({@code -Pbox=0.05}° a side, about 5 km; {@code -Pqueries=200}) of the hospital, fuel
 * station and road classes, each answered as GeoJSON (encoded, not kept), on one thread. Reports
 * p50 and p95 of the per-query time; no peer.
 */
public final class HumanFeaturesQueryBenchmark extends DeclaredBenchmark {

    public HumanFeaturesQueryBenchmark() {
        super("humanfeatures-aoi", "AOI query latency p50/p95: random city-size boxes (-Pbox 0.05 deg, -Pqueries 200) "
                + "of hospitals, fuel stations and roads from a store of a synthetic town of N nodes (default 20000000).",
                "box", "queries", "input");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        long nodes = context.size(20_000_000);
        int queries = context.intOption("queries", 200, 1);
        double side = Double.parseDouble(context.option("box", "0.05"));
        Path pbf = HumanFeaturesEtlBenchmark.input(context, nodes);
        Path store = context.workDir().resolve(pbf.getFileName().toString().replace(".osm.pbf", "") + "_store.gpkg");
        if (!Files.exists(store)) {
            StoreLoader.load(pbf, store, FeatureSchema.builtIn().classes(), context.processing().withProgress(Progress.silent()));
        }
        double[] ms = new double[queries];
        long[] features = {0};
        List<String> classes = List.of("hospital", "fuel_station", "road");
        try (FeatureStore fs = FeatureStore.open(store, 1)) {
            Envelope e = fs.extent();
            BenchContext.Measured m = context.measure(() -> {
                Random rnd = new Random(7);
                features[0] = 0;
                for (int q = 0; q < queries; q++) {
                    double w = e.getMinX() + rnd.nextDouble() * Math.max(0, e.getWidth() - side);
                    double s = e.getMinY() + rnd.nextDouble() * Math.max(0, e.getHeight() - side);
                    var area = QueryArea.bbox(String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", w, s, w + side, s + side));
                    long t0 = System.nanoTime();
                    try (GeoJsonFeatureWriter out = new GeoJsonFeatureWriter(OutputStream.nullOutputStream(), Map.of())) {
                        for (StoreClass c : fs.select(classes)) {
                            fs.query(c.name(), area, false, f -> {
                                out.write(f);
                                features[0]++;
                                return true;
                            });
                        }
                        out.finish(Map.of());
                    }
                    ms[q] = (System.nanoTime() - t0) / 1e6;
                }
            });
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("queries", queries);
            extra.put("box_deg", side);
            extra.put("features_per_query", features[0] / queries);
            extra.put("p50_ms", Math.round(sorted[queries / 2] * 10) / 10.0);
            extra.put("p95_ms", Math.round(sorted[Math.min(queries - 1, (int) (queries * 0.95))] * 10) / 10.0);
            return List.of(BenchResult.of(name(), store.getFileName() + ", " + queries + " boxes of " + side + " deg",
                    m, null, Double.NaN, extra));
        }
    }
}
