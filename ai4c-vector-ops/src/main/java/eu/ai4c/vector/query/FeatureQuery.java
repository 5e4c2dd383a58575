package eu.ai4c.vector.query;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.vector.io.ShapefileExport;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.GeoPackageExport;
import eu.ai4c.vector.store.StoreClass;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code humanfeatures-query}: the features of some classes in an area, from a store, written as
 * RFC 7946 GeoJSON ({@code .geojson}/{@code .json}), a GeoPackage ({@code .gpkg}) or ESRI
 * Shapefiles ({@code .shp}, one per geometry kind: {@link ShapefileExport}), atomically.
 * Features intersecting the area are returned whole, or clipped to it. Stateless.
 */
public final class FeatureQuery {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureQuery.class);

    private FeatureQuery() {
    }

    /**
     * @param store   the GeoPackage store
     * @param classes class names; empty: all
     * @param area    WGS84 lon/lat polygon(s) ({@link QueryArea}); null: everything
     * @param clip    clip to the area instead of returning intersecting features whole
     * @param output  output file; its extension picks the format
     */
    public record Request(Path store, List<String> classes, Geometry area, boolean clip, Path output) {
    }

    /**
     * The output asked for, the features per class, and the files written (the output itself, or
     * for a Shapefile one {@code .shp} per geometry kind, see {@link ShapefileExport}).
     */
    public record Result(Path output, Map<String, Long> counts, List<Path> files) {
    }

    public static Result run(Request r) throws IOException {
        String name = r.output().getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gpkg = name.endsWith(".gpkg");
        boolean shp = name.endsWith(".shp");
        if (!gpkg && !shp && !name.endsWith(".geojson") && !name.endsWith(".json")) {
            throw Ai4cException.usage("The output " + r.output() + " has an unsupported extension; use .geojson "
                    + "(RFC 7946 GeoJSON), .gpkg (GeoPackage) or .shp (ESRI Shapefile).");
        }
        if (Files.isDirectory(r.output())) {
            throw Ai4cException.usage("The output " + r.output() + " is a folder; give a file name ending in .geojson, "
                    + ".gpkg or .shp.");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Path> written;
        try (FeatureStore store = FeatureStore.open(r.store(), 1); AtomicOutput out = AtomicOutput.create()) {
            List<StoreClass> classes = store.select(r.classes());
            List<Path> files = List.of(r.output());
            Path tmp = shp ? null : out.temporaryFor(r.output());
            long t0 = System.nanoTime();
            if (shp) {
                try (ShapefileExport export = new ShapefileExport(r.output(), out)) {
                    for (StoreClass c : classes) {
                        long[] n = {0};
                        store.query(c.name(), r.area(), r.clip(), f -> {
                            export.write(c, f);
                            n[0]++;
                            return true;
                        });
                        counts.put(c.name(), n[0]);
                    }
                    files = export.finish();
                }
            } else if (gpkg) {
                try (GeoPackageExport export = new GeoPackageExport(tmp)) {
                    for (StoreClass c : classes) {
                        long[] n = {0};
                        store.query(c.name(), r.area(), r.clip(), f -> {
                            export.write(c, f);
                            n[0]++;
                            return true;
                        });
                        counts.put(c.name(), n[0]);
                    }
                    export.finish();
                }
            } else {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                     GeoJsonFeatureWriter w = new GeoJsonFeatureWriter(os, Map.of())) {
                    for (StoreClass c : classes) {
                        long[] n = {0};
                        store.query(c.name(), r.area(), r.clip(), f -> {
                            w.write(f);
                            n[0]++;
                            return true;
                        });
                        counts.put(c.name(), n[0]);
                    }
                    w.finish(Map.of());
                }
            }
            out.commit();
            written = files;
            counts.forEach((c, n) -> LOG.info("humanfeatures-query: {} {}", c, n));
            LOG.info("humanfeatures-query: {} features{} into {} in {} ms", counts.values().stream()
                            .mapToLong(Long::longValue).sum(), r.clip() ? " (clipped)" : "", r.output(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return new Result(r.output(), counts, written);
    }
}
