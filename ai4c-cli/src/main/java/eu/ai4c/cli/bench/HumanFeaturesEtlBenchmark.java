package eu.ai4c.cli.bench;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.StoreLoader;
import eu.ai4c.vector.synthetic.SyntheticTownPbf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code humanfeatures-etl}: {@code humanfeatures-load} of an OSM PBF into a new GeoPackage store
 * (all classes of the built-in schema: classification, multipolygons, cleansing, R-trees) against
 * GDAL's {@code ogr2ogr -f GPKG} of the same file (its OSM driver's five layers, no classification).
 * The input is {@code -Pinput=FILE.osm.pbf}, or a synthetic town of N nodes (default 20 M, about
 * 0.5 GB; made once in the work folder and kept).
 */
public final class HumanFeaturesEtlBenchmark extends DeclaredBenchmark {

    public HumanFeaturesEtlBenchmark() {
        super("humanfeatures-etl", "OSM PBF -> GeoPackage store (all classes) vs ogr2ogr -f GPKG (synthetic town of N "
                + "nodes, default 20000000, or -Pinput=FILE.osm.pbf).", "input");
    }

    /** The input PBF: given, or a synthetic town of {@code nodes} nodes kept in the work folder. */
    static Path input(BenchContext context, long nodes) throws IOException {
        String given = context.option("input", null);
        if (given != null) return Path.of(given);
        Path pbf = context.workDir().resolve("town_" + nodes + ".osm.pbf");
        if (!Files.exists(pbf)) {
            Path tmp = context.workDir().resolve(".town_" + nodes + ".osm.pbf.partial");
            Files.createDirectories(context.workDir());
            SyntheticTownPbf.write(tmp, nodes);
            Files.move(tmp, pbf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return pbf;
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        long nodes = context.size(20_000_000);
        Path pbf = input(context, nodes);
        Path ours = context.workDir().resolve("etl_ours.gpkg");
        Path peer = context.workDir().resolve("etl_ogr2ogr.gpkg");
        ProcessingContext pc = context.processing().withProgress(Progress.silent());
        long[] stored = {0};
        BenchContext.Measured measured = context.measure(() -> {
            Files.deleteIfExists(ours);
            StoreLoader.Result r = StoreLoader.load(pbf, ours, FeatureSchema.builtIn().classes(), pc);
            stored[0] = r.stored().values().stream().mapToLong(Long::longValue).sum();
        });
        double peerSeconds = context.medianSeconds(() -> {
            Files.deleteIfExists(peer);
            PeerProcess.run(List.of("ogr2ogr", "-f", "GPKG", peer.toString(), pbf.toString()));
        });
        // ogr2ogr exits 0 even when its OSM driver gives up on a file: count what it wrote
        long peerFeatures = 0;
        for (String line : PeerProcess.run(List.of("ogrinfo", "-ro", "-so", "-al", peer.toString())).split("\n")) {
            if (line.startsWith("Feature Count: ")) peerFeatures += Long.parseLong(line.substring(15).strip());
        }
        if (peerFeatures == 0) {
            throw new eu.ai4c.kit.Ai4cException("humanfeatures-etl: ogr2ogr wrote no feature from " + pbf
                    + "; GDAL could not read the file, so there is nothing to compare with.");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", pc.threads());
        extra.put("pbf_mb", Math.round(Files.size(pbf) / 1e5) / 10.0);
        extra.put("features", stored[0]);
        extra.put("peer_features", peerFeatures);
        extra.put("store_mb", Math.round(Files.size(ours) / 1e5) / 10.0);
        return List.of(BenchResult.of(name(), pbf.getFileName() + " (" + nodes + " nodes requested)", measured,
                "ogr2ogr -f GPKG", peerSeconds, extra));
    }
}
