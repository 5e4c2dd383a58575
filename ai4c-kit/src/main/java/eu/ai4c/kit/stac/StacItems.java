package eu.ai4c.kit.stac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes the STAC 1.0 Item of one run: {@code <name>.json} beside the main output
 * ({@code out/scene.tif} → {@code out/scene.json}), with
 * <ul>
 * <li>{@code geometry}/{@code bbox}: the {@link Footprint} of the main output's map grid (or of the
 *     first GeoTIFF a file-writing service wrote); {@code null} geometry when no output is on a map grid;</li>
 * <li>{@code datetime}: the {@link AcquisitionTime} of the input (one input), or
 *     {@code start_datetime}/{@code end_datetime} across several inputs with {@code datetime} null; when
 *     no input tells its time (folders of composites, training sets), the processing time;</li>
 * <li>the projection extension v2.0.0 ({@code proj:code} "EPSG:n", else {@code proj:wkt2}; {@code proj:shape}
 *     [rows, columns]; {@code proj:transform}, the affine row-major as in rasterio);</li>
 * <li>the processing extension v1.2.0 ({@code processing:software} {"AI4C": version},
 *     {@code processing:lineage}, {@code processing:datetime}, and {@code processing:expression} with format
 *     {@code ai4c} holding service, inputs and every parameter value); {@code ai4c:parameters_sha256}
 *     is the {@link ParameterHash} a batch compares to decide that a job is done;</li>
 * <li>one asset per file written (relative {@code href}), with media type and roles ({@code data}, PNG
 *     quick-looks {@code thumbnail}, JSON/CSV side files {@code metadata}).</li>
 * </ul>
 * Stateless; the item is written atomically.
 */
public final class StacItems {
    public static final String STAC_VERSION = "1.0.0";
    public static final String PROJECTION_EXTENSION = "https://stac-extensions.github.io/projection/v2.0.0/schema.json";
    public static final String PROCESSING_EXTENSION = "https://stac-extensions.github.io/processing/v1.2.0/schema.json";
    /** The property holding the {@link ParameterHash} of the run. */
    public static final String PARAMETERS_HASH = "ai4c:parameters_sha256";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StacItems() {
    }

    /** What a run produced and from what. */
    public record Run(String service, Map<String, Path> inputs, Map<String, Product> sources, ParameterValues params,
                      List<Path> files, Product target, boolean cloudOptimized, Instant processed) {
    }

    /** {@code dir/name.ext} → {@code dir/name.json}. */
    public static Path itemFile(Path mainOutput) {
        String n = mainOutput.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return mainOutput.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".json");
    }

    /** Writes the item beside {@code run.files().get(0)} and returns its path. */
    public static Path write(Run run) throws IOException {
        Path file = itemFile(run.files().get(0));
        ObjectNode item = item(run);
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(file);
            JSON.writeValue(tmp.toFile(), item);
            out.commit();
        }
        return file;
    }

    /** The item as JSON. */
    public static ObjectNode item(Run run) throws IOException {
        Path main = run.files().get(0);
        ObjectNode item = JSON.createObjectNode();
        item.put("type", "Feature");
        item.put("stac_version", STAC_VERSION);
        ArrayNode ext = item.putArray("stac_extensions");
        item.put("id", stem(main.getFileName().toString()));

        Optional<Grid> grid = grid(run);
        if (grid.isPresent()) {
            Footprint f = Footprint.of(grid.get().coding(), grid.get().width(), grid.get().height());
            ObjectNode g = item.putObject("geometry");
            g.put("type", "Polygon");
            ArrayNode ring = g.putArray("coordinates").addArray();
            for (int i = 0; i < f.ring().length; i += 2) ring.addArray().add(round(f.ring()[i])).add(round(f.ring()[i + 1]));
            ArrayNode bbox = item.putArray("bbox");
            for (double v : f.bbox()) bbox.add(round(v));
        } else {
            item.putNull("geometry");
        }

        ObjectNode props = item.putObject("properties");
        Instant processed = run.processed().truncatedTo(ChronoUnit.SECONDS);
        Optional<AcquisitionTime> acquired = Optional.empty();
        for (Map.Entry<String, Product> s : run.sources().entrySet()) {
            Product p = s.getValue();
            Optional<AcquisitionTime> t = AcquisitionTime.of(p.metadata(), p.location().orElse(null), p.name());
            if (t.isPresent()) acquired = Optional.of(acquired.map(a -> a.union(t.get())).orElse(t.get()));
        }
        if (acquired.isEmpty()) {
            props.put("datetime", processed.toString());
        } else if (run.sources().size() > 1 && !acquired.get().start().equals(acquired.get().end())) {
            props.putNull("datetime");
            props.put("start_datetime", acquired.get().start().toString());
            props.put("end_datetime", acquired.get().end().toString());
        } else {
            props.put("datetime", acquired.get().start().toString());
            if (!acquired.get().start().equals(acquired.get().end())) {
                props.put("start_datetime", acquired.get().start().toString());
                props.put("end_datetime", acquired.get().end().toString());
            }
        }
        props.put("created", processed.toString());

        if (grid.isPresent()) {
            ext.add(PROJECTION_EXTENSION);
            MapGeoCoding c = grid.get().coding();
            OptionalInt epsg = c.crsEpsgCode();
            if (epsg.isPresent()) {
                props.put("proj:code", "EPSG:" + epsg.getAsInt());
            } else {
                props.putNull("proj:code");
                props.put("proj:wkt2", wkt2(c));
            }
            props.putArray("proj:shape").add(grid.get().height()).add(grid.get().width());
            double[] gt = c.geoTransform();
            props.putArray("proj:transform").add(gt[1]).add(gt[2]).add(gt[0]).add(gt[4]).add(gt[5]).add(gt[3]);
        }

        ext.add(PROCESSING_EXTENSION);
        props.putObject("processing:software").put("AI4C", version());
        props.put("processing:lineage", "AI4C " + run.service()
                + (run.inputs().isEmpty() ? "" : " of " + String.join(", ", run.inputs().values().stream()
                .map(p -> String.valueOf(p.getFileName())).toList())));
        props.put("processing:datetime", processed.toString());
        ObjectNode expr = props.putObject("processing:expression");
        expr.put("format", "ai4c");
        ObjectNode e = expr.putObject("expression");
        e.put("service", run.service());
        ObjectNode in = e.putObject("inputs");
        run.inputs().forEach((k, v) -> in.put(k, v.toAbsolutePath().normalize().toString()));
        ObjectNode par = e.putObject("parameters");
        ParameterHash.texts(run.params()).forEach(par::put);
        props.put(PARAMETERS_HASH, ParameterHash.of(run.service(), run.inputs(), run.params()));

        item.putArray("links");
        ObjectNode assets = item.putObject("assets");
        for (int i = 0; i < run.files().size(); i++) {
            Path f = run.files().get(i);
            String name = f.getFileName().toString();
            Path rel = main.toAbsolutePath().getParent().relativize(f.toAbsolutePath());
            ObjectNode a = assets.putObject(name);
            a.put("href", "./" + rel.toString().replace('\\', '/'));
            a.put("type", mediaType(name, i == 0 && run.cloudOptimized()));
            a.put("title", name);
            a.putArray("roles").add(role(name, i == 0));
        }
        return item;
    }

    /**
     * An item in {@code location} (the output file, or a folder of outputs) that records
     * {@code parametersHash} and whose assets all exist: the evidence that a job is done.
     */
    public static Optional<Path> findDone(Path location, String parametersHash) throws IOException {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(location, "*.json")) {
                for (Path p : ds) candidates.add(p);
            }
        } else {
            candidates.add(itemFile(location));
        }
        for (Path c : candidates) {
            if (!Files.isRegularFile(c)) continue;
            JsonNode item;
            try {
                item = JSON.readTree(c.toFile());
            } catch (IOException notJson) {
                continue;
            }
            if (!"Feature".equals(item.path("type").asText())
                    || !parametersHash.equals(item.path("properties").path(PARAMETERS_HASH).asText())) {
                continue;
            }
            boolean whole = item.path("assets").size() > 0;
            for (JsonNode a : item.path("assets")) {
                whole &= Files.isRegularFile(c.resolveSibling(a.path("href").asText()).normalize());
            }
            if (whole) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The media type of a file by its extension, as the STAC best practices name them. */
    public static String mediaType(String fileName, boolean cloudOptimized) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return cloudOptimized ? "image/tiff; application=geotiff; profile=cloud-optimized" : "image/tiff; application=geotiff";
        }
        if (n.endsWith(".nc")) return "application/netcdf";
        if (n.endsWith(".geojson")) return "application/geo+json";
        if (n.endsWith(".json")) return "application/json";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".csv")) return "text/csv";
        if (n.endsWith(".gpkg")) return "application/geopackage+sqlite3";
        if (n.endsWith(".h5")) return "application/x-hdf5";
        if (n.endsWith(".dim") || n.endsWith(".xml")) return "application/xml";
        return "application/octet-stream";
    }

    static String role(String fileName, boolean main) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) return "thumbnail";
        if (main) return "data";
        if (n.endsWith(".json") && !n.endsWith(".geojson") || n.endsWith(".csv")) return "metadata";
        return "data";
    }

    /** The AI4C version from the jar manifest, or "development" when run from classes. */
    public static String version() {
        String v = StacItems.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private record Grid(MapGeoCoding coding, int width, int height) {
    }

    private static Optional<Grid> grid(Run run) throws IOException {
        if (run.target() != null) return grid(run.target().raster());
        for (Path f : run.files()) {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".tif") || n.endsWith(".tiff")) {
                Optional<Grid> g = grid(ProductIO.read(f).raster());
                if (g.isPresent()) return g;
            }
        }
        return Optional.empty();
    }

    private static Optional<Grid> grid(Raster r) {
        return r.geoCoding() instanceof MapGeoCoding m ? Optional.of(new Grid(m, r.width(), r.height())) : Optional.empty();
    }

    private static String wkt2(MapGeoCoding c) {
        org.apache.sis.io.wkt.WKTFormat f = new org.apache.sis.io.wkt.WKTFormat(Locale.ROOT, (java.time.ZoneId) null);
        f.setConvention(org.apache.sis.io.wkt.Convention.WKT2);
        f.setIndentation(org.apache.sis.io.wkt.WKTFormat.SINGLE_LINE);
        return f.format(Projections.eastingFirst(c.crs()));
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Nine decimals of a degree (0.1 mm): enough, and stable text. */
    private static double round(double deg) {
        return Math.round(deg * 1e9) / 1e9;
    }
}
