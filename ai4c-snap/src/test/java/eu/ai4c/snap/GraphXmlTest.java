package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * a SNAP/toolbox operator of SNAP 13.0.2 ({@value #SNAP_13}), each parameter a parameter of that
 * operator in 13.0.2 with a value from its value set, each source a node of the graph; the three pre-processing pipelines have the specification's chain.
 */
class GraphXmlTest {
    static final Path GRAPHS = Path.of("src/main/resources/eu/ai4c/snap/graphs");

    /** The checked-in extraction of the SNAP 13.0.2 sources (see the header of the resource). */
    static final String SNAP_13 = "snap-13.0.2-operators.tsv";

    /** One @Parameter of a SNAP operator: its graph-XML name, default and value set (empty: free). */
    record SnapParameter(String name, String defaultValue, Set<String> valueSet) {}

    /** A SNAP/toolbox operator of 13.0.2: alias, where it was read, its parameters by XML name. */
    record SnapOperator(String alias, String source, Map<String, SnapParameter> parameters) {}

    /** The SNAP 13.0.2 operators and DEM names of {@link #SNAP_13}. */
    record Snap13(Map<String, SnapOperator> operators, Set<String> demNames) {}

    static Snap13 snap13() throws IOException {
        Map<String, SnapOperator> ops = new LinkedHashMap<>();
        Set<String> dems = new HashSet<>();
        try (InputStream in = GraphXmlTest.class.getClassLoader().getResourceAsStream(SNAP_13)) {
            assertNotNull(in, SNAP_13 + " is missing from the test resources");
            int lineNo = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                String where = SNAP_13 + " line " + lineNo + ": ";
                switch (f[0]) {
                    case "operator" -> ops.put(f[1], new SnapOperator(f[1], f[2] + ":" + f[3], new LinkedHashMap<>()));
                    case "parameter" -> {
                        SnapOperator op = ops.get(f[1]);
                        assertNotNull(op, where + "parameter of " + f[1] + " before its operator row");
                        Set<String> values = f[4].isEmpty() ? Set.of() : Set.of(f[4].split("\\|"));
                        op.parameters().put(f[2], new SnapParameter(f[2], f[3], values));
                    }
                    case "dem" -> dems.add(f[1]);
                    default -> throw new AssertionError(where + "unknown row kind " + f[0]);
                }
            }
        }
        return new Snap13(ops, dems);
    }

    /** SNAP operator alias → graph-XML parameter names in 13.0.2. */
    static Map<String, Set<String>> snapOperators() throws IOException {
        Map<String, Set<String>> ops = new HashMap<>();
        for (SnapOperator op : snap13().operators().values()) ops.put(op.alias(), op.parameters().keySet());
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
        Snap13 snap = snap13();
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
                    SnapOperator snapOp = snap.operators().get(op);
                    assertNotNull(snapOp, where + ": operator " + op + " is neither an AI4C alias " + ai4c.keySet()
                            + " nor a SNAP 13.0.2 operator of " + SNAP_13);
                    known = snapOp.parameters().keySet();
                    for (Element params : children(node, "parameters")) {
                        for (Element p : children(params, null)) checkSnapValue(where, snapOp, p, snap.demNames());
                    }
                }
                for (Element params : children(node, "parameters")) {
                    for (Element p : children(params, null)) {
                        assertTrue(known.contains(p.getTagName()), where + ": " + op + " has no parameter " + p.getTagName()
                                + " in SNAP 13.0.2 (gpt 13 rejects it as an unknown element); its parameters: " + known);
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

    /** A literal value of a SNAP parameter lies in its 13.0.2 value set; a DEM name is a registered DEM. */
    private static void checkSnapValue(String where, SnapOperator op, Element p, Set<String> demNames) {
        SnapParameter param = op.parameters().get(p.getTagName());
        String value = p.getTextContent().trim();
        if (param == null || value.contains("${")) return;
        if (!param.valueSet().isEmpty()) {
            assertTrue(param.valueSet().contains(value), where + ": " + op.alias() + " " + param.name() + "=" + value
                    + " is not one of SNAP 13.0.2's values " + param.valueSet() + " (" + op.source() + ")");
        }
        if (param.name().equals("demName") || param.name().equals("elevationModelName")) {
            assertTrue(demNames.contains(value) || value.equals("External DEM"), where + ": " + op.alias() + " "
                    + param.name() + "=" + value + " is not a DEM of SNAP 13.0.2 " + demNames);
        }
    }

    /**
     * The extraction holds what 13.0.2 has, not 14.0.0: the parameters that first appear in 14.0.0
     * (SNAP-API.md correction note) are absent, and the 13.0.2 defaults differ from 14.0.0's.
     */
    @Test
    void extractionIsOfSnap13NotSnap14() throws Exception {
        Map<String, SnapOperator> ops = snap13().operators();
        assertTrue(ops.size() >= 25, "operators read: " + ops.keySet());
        Map<String, String> newIn14 = Map.of("Terrain-Correction", "applyAPDCorrection",
                "ThermalNoiseRemoval", "clipNegativeValues", "Terrain-Flattening", "applyAPDCorrection");
        newIn14.forEach((op, param) -> assertFalse(ops.get(op).parameters().containsKey(param), op + " " + param));
        assertFalse(ops.get("Speckle-Filter").parameters().get("filter").valueSet().contains("MuLoG"));
        assertEquals("SRTM 3Sec", ops.get("Terrain-Correction").parameters().get("demName").defaultValue());
        assertEquals("10", ops.get("Coherence").parameters().get("cohWinAz").defaultValue());
        for (String op : List.of("Read", "Write", "Terrain-Correction", "Speckle-Filter", "Calibration", "S2Resampling")) {
            assertFalse(ops.get(op).parameters().isEmpty(), op + " has no parameters in " + SNAP_13);
        }
        assertTrue(snap13().demNames().containsAll(Set.of("SRTM 3Sec", "Copernicus 30m Global DEM")));
    }

    @Test
    void preprocessingPipelinesFollowTheSpecification() throws Exception {
        assertChain("S1-GRD-Preprocess.xml", "Read", "Apply-Orbit-File", "ThermalNoiseRemoval", "Remove-GRD-Border-Noise",
                "Calibration", "Speckle-Filter", "Terrain-Correction", "Write");
        assertChain("S1-GRD-Preprocess-dB.xml", "Read", "Apply-Orbit-File", "ThermalNoiseRemoval", "Remove-GRD-Border-Noise",
                "Calibration", "Speckle-Filter", "Terrain-Correction", "LinearToFromdB", "Write");
        assertChain("S1-SLC-IW-Preprocess.xml", "Read", "Apply-Orbit-File", "ThermalNoiseRemoval", "TOPSAR-Deburst",
                "Calibration", "Speckle-Filter", "Terrain-Correction", "Write");
        assertChain("S2-Preprocess.xml", "Read", "S2Resampling", "Land-Sea-Mask", "BandMaths", "Subset", "Reproject", "Write");
        // the specification's defaults: VV, sigma0, Lee Sigma, 10 m, WGS84
        String grd = Files.readString(GRAPHS.resolve("S1-GRD-Preprocess.xml"));
        for (String s : new String[] {"<selectedPolarisations>VV<", "<outputSigmaBand>true<", "<filter>Lee Sigma<",
                "<pixelSpacingInMeter>10.0<", "<mapProjection>WGS84(DD)<", "<borderLimit>500<", "<trimThreshold>0.5<"}) {
            assertTrue(grd.contains(s), "S1-GRD-Preprocess.xml lacks " + s);
        }
        String slc = Files.readString(GRAPHS.resolve("S1-SLC-IW-Preprocess.xml"));
        for (String s : new String[] {"<selectedPolarisations>VV<", "<outputSigmaBand>true<", "<filter>Lee Sigma<",
                "<pixelSpacingInMeter>10.0<", "<mapProjection>WGS84(DD)<", "<outputImageInComplex>false<"}) {
            assertTrue(slc.contains(s), "S1-SLC-IW-Preprocess.xml lacks " + s);
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
