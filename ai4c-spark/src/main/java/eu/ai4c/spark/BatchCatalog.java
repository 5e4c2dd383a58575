package eu.ai4c.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.stac.StacItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The STAC Catalog and Collection of a batch, written beside its results table:
 * {@code <name>_catalog.json} (links to the collection) and {@code <name>_collection.json} (the
 * spatial extent and time span of the items, and an {@code item} link to each STAC item of a job
 * that succeeded or was skipped). Links are relative where the files share a root. Stateless.
 */
public final class BatchCatalog {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BatchCatalog() {
    }

    /** Writes catalog and collection for {@code results}, all at local paths, beside {@code table}. */
    public static Path write(List<JobResult> results, Path table, String id) throws IOException {
        return write(results, table, id, Map.of());
    }

    /**
     * Writes catalog and collection for {@code results} beside {@code table}; items at Hadoop
     * FileSystem URIs are read through Hadoop ({@code spark.hadoop.*} of {@code sparkConf}) and
     * linked by their absolute URI.
     *
     * @param id the batch's name (the manifest's file name without extension)
     * @return the catalog file
     */
    public static Path write(List<JobResult> results, Path table, String id, Map<String, String> sparkConf) throws IOException {
        Path dir = table.toAbsolutePath().getParent();
        String stem = stem(table.getFileName().toString());
        Path catalogFile = dir.resolve(stem + "_catalog.json"), collectionFile = dir.resolve(stem + "_collection.json");
        Map<String, JsonNode> items = new LinkedHashMap<>();
        for (JobResult r : results) {
            if (r.status() == JobResult.Status.FAILED || r.output().isEmpty()) continue;
            if (HadoopOutput.isHadoopUri(r.output())) {
                HadoopOutput.item(r.output(), sparkConf).ifPresent(e -> items.put(e.getKey(), e.getValue()));
                continue;
            }
            Path item = StacItems.itemFile(Path.of(r.output()).toAbsolutePath());
            if (Files.isRegularFile(item)) items.put(href(dir, item), JSON.readTree(item.toFile()));
        }
        double[] bbox = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        String start = null, end = null;
        for (JsonNode it : items.values()) {
            JsonNode b = it.path("bbox");
            if (b.size() == 4) {
                bbox[0] = Math.min(bbox[0], b.get(0).asDouble());
                bbox[1] = Math.min(bbox[1], b.get(1).asDouble());
                bbox[2] = Math.max(bbox[2], b.get(2).asDouble());
                bbox[3] = Math.max(bbox[3], b.get(3).asDouble());
            }
            JsonNode p = it.path("properties");
            for (String key : List.of("datetime", "start_datetime", "end_datetime")) {
                String t = p.path(key).isTextual() ? p.path(key).asText() : null;
                if (t == null) continue;
                // ISO 8601 instants in UTC with Z compare as text
                if (start == null || t.compareTo(start) < 0) start = t;
                if (end == null || t.compareTo(end) > 0) end = t;
            }
        }

        ObjectNode collection = JSON.createObjectNode();
        collection.put("type", "Collection");
        collection.put("stac_version", StacItems.STAC_VERSION);
        collection.putArray("stac_extensions");
        collection.put("id", id);
        collection.put("description", "Outputs of the AI4C batch " + id + ": " + items.size() + " items.");
        // each output inherits the terms of its inputs (Copernicus Sentinel data: free and open)
        collection.put("license", "various");
        ObjectNode extent = collection.putObject("extent");
        ArrayNode sb = extent.putObject("spatial").putArray("bbox").addArray();
        if (bbox[0] <= bbox[2]) {
            for (double v : bbox) sb.add(v);
        } else {
            sb.add(-180).add(-90).add(180).add(90);
        }
        ArrayNode interval = extent.putObject("temporal").putArray("interval").addArray();
        if (start == null) interval.addNull().addNull();
        else interval.add(start).add(end);
        ArrayNode links = collection.putArray("links");
        link(links, "root", dir, catalogFile, "application/json");
        link(links, "parent", dir, catalogFile, "application/json");
        for (String item : items.keySet()) links.addObject().put("rel", "item").put("href", item).put("type", "application/geo+json");

        ObjectNode catalog = JSON.createObjectNode();
        catalog.put("type", "Catalog");
        catalog.put("stac_version", StacItems.STAC_VERSION);
        catalog.put("id", id + "-catalog");
        catalog.put("description", "The AI4C batch " + id + ".");
        ArrayNode clinks = catalog.putArray("links");
        link(clinks, "root", dir, catalogFile, "application/json");
        link(clinks, "child", dir, collectionFile, "application/json");

        try (AtomicOutput out = AtomicOutput.create()) {
            JSON.writeValue(out.temporaryFor(collectionFile).toFile(), collection);
            JSON.writeValue(out.temporaryFor(catalogFile).toFile(), catalog);
            out.commit();
        }
        return catalogFile;
    }

    private static void link(ArrayNode links, String rel, Path dir, Path target, String type) {
        links.addObject().put("rel", rel).put("href", href(dir, target)).put("type", type);
    }

    private static String href(Path dir, Path target) {
        try {
            return "./" + dir.relativize(target.toAbsolutePath()).toString().replace('\\', '/');
        } catch (IllegalArgumentException otherRoot) {
            return target.toAbsolutePath().toUri().toString();
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
