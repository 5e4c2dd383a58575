package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.SourceDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The gpt graphs shipped with the module parse; each node's operator is an AI4C adapter alias or
 * a SNAP/toolbox operator of SNAP-API.md, each parameter a parameter of that operator, each
 * source a node of the graph; the three pre-processing pipelines have the specification's chain.
 */
class GraphXmlTest {
    static final Path GRAPHS = Path.of("src/main/resources/eu/ai4c/snap/graphs");

    /** SNAP operator alias → graph-XML parameter names (test resource from SNAP-API.md). */
    static Map<String, Set<String>> snapOperators() throws IOException {
        Map<String, Set<String>> ops = new HashMap<>();
        try (InputStream in = GraphXmlTest.class.getClassLoader().getResourceAsStream("snap-operators.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int colon = line.indexOf(':');
                Set<String> names = new HashSet<>();
                for (String n : line.substring(colon + 1).split(",")) if (!n.isBlank()) names.add(n.trim());
                ops.put(line.substring(0, colon).trim(), names);
            }
        }
        return ops;
    }

    /** AI4C alias → engine descriptor. */
    static Map<String, OperatorDescriptor> ai4cOperators() throws Exception {
        Map<String, OperatorDescriptor> m = new HashMap<>();
        for (Class<? extends EngineOperatorAdapter> c : Adapters.compiled()) {
            m.put(Adapters.alias(c), EngineOperatorAdapter.engineOperator(c).descriptor());
        }
        return m;
    }

    static List<Path> graphs() throws IOException {
        try (Stream<Path> s = Files.list(GRAPHS)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (tag == null || c.getTagName().equals(tag))) out.add(c);
        }
        return out;
    }

    static String text(Element node, String tag) {
        List<Element> c = children(node, tag);
        return c.isEmpty() ? null : c.get(0).getTextContent().trim();
    }

    /** node id → operator alias, in document order. */
    static Map<String, String> chain(Document g) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Element n : children(g.getDocumentElement(), "node")) m.put(n.getAttribute("id"), text(n, "operator"));
        return m;
    }

    @Test
    void everyGraphUsesKnownOperatorsParametersAndSources() throws Exception {
        Map<String, Set<String>> snap = snapOperators();
        Map<String, OperatorDescriptor> ai4c = ai4cOperators();
        List<Path> graphs = graphs();
        assertTrue(graphs.size() >= 5, "graphs: " + graphs);
        for (Path file : graphs) {
            Document g;
            try (InputStream in = Files.newInputStream(file)) {
                g = LayerAndHelpTest.parse(in);
            }
            Element root = g.getDocumentElement();
            assertEquals("graph", root.getTagName(), file.toString());
            assertEquals("1.0", text(root, "version"), file + " version");
            Set<String> ids = chain(g).keySet();
            String xml = Files.readString(file);
            assertTrue(xml.contains("${input}") && xml.contains("${output}"), file + " must read ${input}, write ${output}");
            for (Element node : children(root, "node")) {
                String id = node.getAttribute("id");
                String where = file.getFileName() + " node " + id;
                String op = text(node, "operator");
                Set<String> known;
                Set<String> sourceNames = new HashSet<>(Set.of("sourceProduct", "sourceProducts"));
                if (ai4c.containsKey(op)) {
                    OperatorDescriptor d = ai4c.get(op);
                    known = new HashSet<>(d.parameters().stream().map(ParameterDescriptor::name).toList());
                    for (SourceDescriptor s : d.sources()) sourceNames.add(s.name());
                    for (ParameterDescriptor p : d.parameters()) {
                        String v = children(node, "parameters").isEmpty() ? null : text(children(node, "parameters").get(0), p.name());
                        if (v != null && !v.contains("${")) d.validate(Map.of(p.name(), v)); // the engine accepts the value
                    }
                } else {
                    known = snap.get(op);
                    assertNotNull(known, where + ": operator " + op + " is neither an AI4C alias " + ai4c.keySet()
                            + " nor a SNAP operator of SNAP-API.md");
                }
                for (Element params : children(node, "parameters")) {
                    for (Element p : children(params, null)) {
                        assertTrue(known.contains(p.getTagName()), where + ": " + op + " has no parameter " + p.getTagName());
                    }
                }
                for (Element sources : children(node, "sources")) {
                    for (Element s : children(sources, null)) {
                        String name = s.getTagName().replaceAll("\\.\\d+$", "");
                        assertTrue(sourceNames.contains(name), where + ": source " + s.getTagName() + " not one of " + sourceNames);
                        assertTrue(ids.contains(s.getAttribute("refid")), where + ": refid " + s.getAttribute("refid"));
                    }
                }
            }
        }
    }

    @Test
    void preprocessingPipelinesFollowTheSpecification() throws Exception {
        assertChain("S1-GRD-Preprocess.xml", "Read", "Apply-Orbit-File", "ThermalNoiseRemoval", "Remove-GRD-Border-Noise",
                "Calibration", "Speckle-Filter", "Terrain-Correction", "Write");
        assertChain("S1-GRD-Preprocess-dB.xml", "Read", "Apply-Orbit-File", "ThermalNoiseRemoval", "Remove-GRD-Border-Noise",
                "Calibration", "Speckle-Filter", "Terrain-Correction", "LinearToFromdB", "Write");
        assertChain("S1-SLC-IW-Preprocess.xml", "Read", "Apply-Orbit-File", "ThermalNoiseRemoval", "Calibration",
                "TOPSAR-Deburst", "Speckle-Filter", "Terrain-Correction", "Write");
        assertChain("S2-Preprocess.xml", "Read", "S2Resampling", "Land-Sea-Mask", "BandMaths", "Subset", "Reproject", "Write");
        // the specification's defaults: VV, sigma0, Lee Sigma, 10 m, WGS84
        String grd = Files.readString(GRAPHS.resolve("S1-GRD-Preprocess.xml"));
        for (String s : new String[] {"<selectedPolarisations>VV<", "<outputSigmaBand>true<", "<filter>Lee Sigma<",
                "<pixelSpacingInMeter>10.0<", "<mapProjection>WGS84(DD)<", "<borderLimit>500<", "<trimThreshold>0.5<"}) {
            assertTrue(grd.contains(s), "S1-GRD-Preprocess.xml lacks " + s);
        }
        assertTrue(Files.readString(GRAPHS.resolve("S2-Preprocess.xml")).contains("<resolution>10<"));
    }

    @Test
    void someGraphsChainAi4cWithSnapOperators() throws Exception {
        Map<String, OperatorDescriptor> ai4c = ai4cOperators();
        Map<String, Set<String>> snap = snapOperators();
        int mixed = 0;
        for (Path file : graphs()) {
            Document g;
            try (InputStream in = Files.newInputStream(file)) {
                g = LayerAndHelpTest.parse(in);
            }
            var ops = chain(g).values();
            boolean hasAi4c = ops.stream().anyMatch(ai4c::containsKey);
            boolean hasSnapProcessing = ops.stream().anyMatch(o -> snap.containsKey(o) && !o.equals("Read") && !o.equals("Write"));
            if (hasAi4c && hasSnapProcessing) mixed++;
        }
        assertTrue(mixed >= 2, "graphs mixing AI4C and SNAP operators: " + mixed);
    }

    private static void assertChain(String file, String... operators) throws Exception {
        Document g;
        try (InputStream in = Files.newInputStream(GRAPHS.resolve(file))) {
            g = LayerAndHelpTest.parse(in);
        }
        assertEquals(List.of(operators), new ArrayList<>(chain(g).values()), file);
        // a linear chain: each node reads the one before
        List<Element> nodes = children(g.getDocumentElement(), "node");
        for (int i = 1; i < nodes.size(); i++) {
            Element src = children(children(nodes.get(i), "sources").get(0), null).get(0);
            assertEquals(nodes.get(i - 1).getAttribute("id"), src.getAttribute("refid"), file + " node " + i);
        }
    }
}
