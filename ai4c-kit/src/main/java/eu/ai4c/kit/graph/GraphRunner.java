package eu.ai4c.kit.graph;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Graph} with the AI4C engine. Nodes run in topological order: {@code Read}
 * (parameter {@code file}; {@code formatName} is ignored, the reader is found by probing) opens a
 * product, AI4C operators (by alias, parameters validated by their descriptor) build lazy products,
 * and {@code Write} (parameters {@code file}, {@code formatName}; SNAP's {@code GeoTIFF},
 * {@code GeoTIFF-BigTIFF} and {@code BEAM-DIMAP} map to the AI4C writers) pulls the tiles and writes
 * them. As in gpt, a Write without {@code formatName} writes BEAM-DIMAP.
 *
 * <p>Not thread-safe; one instance per run is cheap.</p>
 */
public final class GraphRunner {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");
    private static final Set<String> READ_PARAMETERS_IGNORED =
            Set.of("formatName", "copyMetadata", "useAdvancedOptions");
    private static final Set<String> WRITE_PARAMETERS_IGNORED =
            Set.of("formatName", "clearCacheAfterRowWrite", "deleteOutputOnFailure", "writeEntireTileRows");

    private final OperatorRegistry registry;

    /** A runner over the operators registered on the class path. */
    public GraphRunner() {
        this(OperatorRegistry.load());
    }

    public GraphRunner(OperatorRegistry registry) {
        this.registry = registry;
    }

    /**
     * Checks every node (known operator, parameters valid, sources complete) without reading or
     * writing anything, so a typo fails before hours of processing.
     *
     * @throws Ai4cException (usage error) naming the node and the problem
     */
    public void check(Graph graph) {
        for (Graph.Node node : graph.topologicalOrder()) {
            switch (kind(node)) {
                case "Read" -> requireFile(graph, node);
                case "Write" -> {
                    requireFile(graph, node);
                    ProductIO.writer(writerFormat(node));
                    if (node.sources().size() != 1) {
                        throw Ai4cException.usage(where(graph, node) + "Write needs exactly one source, got "
                                + node.sources().size() + ".");
                    }
                }
                default -> {
                    Operator op = operator(node);
                    op.descriptor().validate(node.parameters());
                    bindSources(graph, node, op.descriptor(), null);
                }
            }
        }
    }

    /**
     * Runs the graph.
     *
     * @return the files written, in the order of the Write nodes
     */
    public List<Path> run(Graph graph, ProcessingContext context) throws IOException {
        check(graph);
        Map<String, Product> products = new HashMap<>();
        List<Path> written = new ArrayList<>();
        for (Graph.Node node : graph.topologicalOrder()) {
            switch (kind(node)) {
                case "Read" -> {
                    Path file = Path.of(node.parameters().get("file"));
                    warnIgnored(graph, node, READ_PARAMETERS_IGNORED, context);
                    Product p = ProductIO.read(file);
                    LOG.info("{}: read {} ({}x{}, {} bands)", node.id(), file, p.raster().width(),
                            p.raster().height(), p.raster().bands().size());
                    products.put(node.id(), p);
                }
                case "Write" -> {
                    warnIgnored(graph, node, WRITE_PARAMETERS_IGNORED, context);
                    Product p = products.get(node.sources().values().iterator().next());
                    ProductWriter writer = ProductIO.writer(writerFormat(node));
                    Path target = ProductIO.outputFile(Path.of(node.parameters().get("file")), p.name(), writer);
                    long t0 = System.nanoTime();
                    LOG.info("{}: writing {} as {}", node.id(), target, writer.formatNames().get(0));
                    Path out = writer.write(p, target, context);
                    LOG.info("{}: wrote {} in {} s", node.id(), out,
                            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
                    written.add(out);
                }
                default -> {
                    Operator op = operator(node);
                    ParameterValues params = op.descriptor().validate(node.parameters());
                    Map<String, Product> sources = bindSources(graph, node, op.descriptor(), products);
                    long t0 = System.nanoTime();
                    products.put(node.id(), op.apply(sources, params, context));
                    LOG.info("{}: {} prepared in {} s", node.id(), op.descriptor().alias(),
                            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
                }
            }
        }
        return written;
    }

    private static String kind(Graph.Node node) {
        if (node.operator().equalsIgnoreCase("Read")) return "Read";
        if (node.operator().equalsIgnoreCase("Write")) return "Write";
        return "Operator";
    }

    private Operator operator(Graph.Node node) {
        return registry.find(node.operator()).orElseThrow(() -> Ai4cException.usage("Node \"" + node.id()
                + "\": unknown operator \"" + node.operator() + "\". Known operators: Read, Write, "
                + String.join(", ", registry.all().stream().map(o -> o.descriptor().alias()).toList()) + "."));
    }

    private static void requireFile(Graph graph, Graph.Node node) {
        String file = node.parameters().get("file");
        if (file == null || file.isBlank()) {
            throw Ai4cException.usage(where(graph, node) + node.operator() + " needs the parameter <file>.");
        }
    }

    /** SNAP's format names to AI4C writer names; anything else is looked up as it is. */
    static String writerFormat(Graph.Node node) {
        String f = node.parameters().getOrDefault("formatName", "BEAM-DIMAP").trim();
        return switch (f.toUpperCase(Locale.ROOT)) {
            case "GEOTIFF", "GEOTIFF-BIGTIFF" -> "GeoTIFF"; // the AI4C writer switches to BigTIFF by itself
            case "BEAM-DIMAP" -> "BEAM-DIMAP";
            default -> f;
        };
    }

    /**
     * Maps the node's sources to the operator's source names: named ones ({@code input2}) by
     * name, SNAP's positional {@code sourceProduct}, {@code sourceProduct.N} in order onto the
     * remaining sources. With {@code products == null} only checks.
     */
    private static Map<String, Product> bindSources(Graph graph, Graph.Node node, OperatorDescriptor d,
                                                    Map<String, Product> products) {
        Map<String, String> bound = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (Map.Entry<String, String> s : node.sources().entrySet()) {
            SourceDescriptor named = d.sources().stream().filter(sd -> sd.name().equalsIgnoreCase(s.getKey()))
                    .findFirst().orElse(null);
            if (named != null) {
                bound.put(named.name(), s.getValue());
            } else if (s.getKey().startsWith("sourceProduct")) {
                positional.add(s.getValue());
            } else {
                throw Ai4cException.usage(where(graph, node) + d.alias() + " has no source \"" + s.getKey()
                        + "\". Its sources: " + d.sources().stream().map(SourceDescriptor::name).toList() + ".");
            }
        }
        for (SourceDescriptor sd : d.sources()) {
            if (!bound.containsKey(sd.name()) && !positional.isEmpty()) bound.put(sd.name(), positional.remove(0));
        }
        if (!positional.isEmpty()) {
            throw Ai4cException.usage(where(graph, node) + d.alias() + " takes " + d.sources().size()
                    + " source product(s), but more are given.");
        }
        for (SourceDescriptor sd : d.sources()) {
            if (!sd.optional() && !bound.containsKey(sd.name())) {
                throw Ai4cException.usage(where(graph, node) + d.alias() + " needs the source " + sd.name()
                        + " (" + sd.description() + ").");
            }
        }
        if (products == null) return Map.of();
        Map<String, Product> out = new LinkedHashMap<>();
        bound.forEach((name, ref) -> out.put(name, products.get(ref)));
        return out;
    }

    private static void warnIgnored(Graph graph, Graph.Node node, Set<String> ignoredQuietly, ProcessingContext ctx) {
        for (String p : node.parameters().keySet()) {
            if (!p.equals("file") && !ignoredQuietly.contains(p)) {
                ctx.warnings().warning(where(graph, node) + node.operator() + " parameter <" + p
                        + "> is not supported by AI4C and is ignored.");
            }
        }
    }

    private static String where(Graph graph, Graph.Node node) {
        return "Graph " + (graph.id().isEmpty() ? "" : graph.id() + ", ") + "node \"" + node.id() + "\": ";
    }
}
