package eu.ai4c.kit.graph;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses SNAP graph XML ({@code gpt} format) into a {@link Graph}:
 * <pre>
 * &lt;graph id="g"&gt;&lt;version&gt;1.0&lt;/version&gt;
 *   &lt;node id="read"&gt;&lt;operator&gt;Read&lt;/operator&gt;&lt;parameters&gt;&lt;file&gt;${input}&lt;/file&gt;&lt;/parameters&gt;&lt;/node&gt;
 *   &lt;node id="op"&gt;&lt;operator&gt;Warp&lt;/operator&gt;&lt;sources&gt;&lt;sourceProduct refid="read"/&gt;&lt;/sources&gt;...
 * </pre>
 * Sources are {@code <sourceProduct refid=…/>}, numbered {@code <sourceProduct.2 refid=…/>},
 * named ({@code <input1 refid=…/>}), the old text form {@code <sourceProduct>read</sourceProduct>} or
 * a comma-separated {@code <sourceProducts>a,b</sourceProducts>}. A parameter element with child
 * elements gives the comma-joined texts of its children. {@code <applicationData>} is ignored.
 *
 * <h2>Variables</h2>
 * {@code ${name}} in parameter values, operator names and source references is replaced by the
 * value given for {@code name} (gpt's {@code -Pname=value}); {@code ${name:-default}} falls back
 * to {@code default}. A variable without value or default is a usage error naming it.
 *
 * <p>Stateless and thread-safe.</p>
 */
public final class GraphReader {

    private GraphReader() {
    }

    /** Reads a graph file, substituting {@code variables}. */
    public static Graph read(Path file, Map<String, String> variables) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), variables);
        } catch (NoSuchFileException e) {
            throw Ai4cException.usage("Graph file " + file + " does not exist: check the path.");
        }
    }

    /** Parses a graph from XML text; {@code origin} names it in messages. */
    public static Graph parse(String xml, String origin, Map<String, String> variables) {
        try {
            return parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    origin, variables);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Graph parse(InputStream in, String origin, Map<String, String> variables) throws IOException {
        Document doc;
        try {
            doc = newBuilder().parse(in);
        } catch (SAXException | java.io.CharConversionException | java.io.UnsupportedEncodingException e) {
            // the last two: bytes or a declared encoding the parser cannot decode, a content error too
            throw Ai4cException.usage("Graph " + origin + " is not well-formed XML: " + e.getMessage()
                    + ". Fix the XML or export the graph again from SNAP's Graph Builder.");
        }
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("graph")) {
            throw Ai4cException.usage("Graph " + origin + ": the root element is <" + root.getTagName()
                    + ">, expected <graph>. Is this a SNAP graph XML file?");
        }
        Substitution subst = new Substitution(origin, variables);
        String version = "";
        List<Graph.Node> nodes = new ArrayList<>();
        for (Element e : children(root)) {
            switch (e.getTagName()) {
                case "version" -> version = e.getTextContent().trim();
                case "node" -> nodes.add(node(e, origin, subst));
                default -> { } // applicationData and unknown elements carry no processing
            }
        }
        if (nodes.isEmpty()) {
            throw Ai4cException.usage("Graph " + origin + " has no <node> elements.");
        }
        return new Graph(root.getAttribute("id"), version, nodes);
    }

    private static Graph.Node node(Element e, String origin, Substitution subst) {
        String id = e.getAttribute("id");
        if (id.isEmpty()) throw Ai4cException.usage("Graph " + origin + ": a <node> has no id attribute.");
        String operator = null;
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        for (Element c : children(e)) {
            switch (c.getTagName()) {
                case "operator" -> operator = subst.apply(c.getTextContent().trim(), id);
                case "sources" -> sources(c, id, subst, sources);
                case "parameters" -> {
                    for (Element p : children(c)) {
                        String value = parameterText(p);
                        if (!value.isEmpty()) params.put(p.getTagName(), subst.apply(value, id));
                    }
                }
                default -> { }
            }
        }
        if (operator == null || operator.isEmpty()) {
            throw Ai4cException.usage("Graph " + origin + ": node \"" + id + "\" has no <operator>.");
        }
        return new Graph.Node(id, operator, sources, params);
    }

    private static void sources(Element sourcesElement, String nodeId, Substitution subst, Map<String, String> out) {
        for (Element s : children(sourcesElement)) {
            String name = s.getTagName();
            String ref = s.hasAttribute("refid") ? s.getAttribute("refid") : s.getTextContent().trim();
            if (ref.isEmpty()) continue;
            ref = subst.apply(ref, nodeId);
            if (name.equals("sourceProducts")) {
                // several products in one element: number them like sourceProduct.N
                String[] refs = ref.split(",");
                for (int i = 0; i < refs.length; i++) {
                    if (!refs[i].isBlank()) out.put("sourceProduct." + (out.size() + 1), refs[i].trim());
                }
            } else {
                out.put(name, ref);
            }
        }
    }

    private static String parameterText(Element p) {
        List<Element> kids = children(p);
        if (kids.isEmpty()) return p.getTextContent().trim();
        List<String> parts = new ArrayList<>();
        for (Element k : kids) {
            String t = k.getTextContent().trim();
            if (!t.isEmpty()) parts.add(t);
        }
        return String.join(",", parts);
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) out.add(el);
        }
        return out;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // graphs come from users: no external entities or DTDs
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e; // reported by the caller, not printed by the parser
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No usable XML parser", e);
        }
    }

    /** {@code ${name}} and {@code ${name:-default}} replacement. */
    private record Substitution(String origin, Map<String, String> variables) {

        String apply(String text, String nodeId) {
            int start = text.indexOf("${");
            if (start < 0) return text;
            StringBuilder sb = new StringBuilder(text.length());
            int pos = 0;
            while (start >= 0) {
                int end = text.indexOf('}', start);
                if (end < 0) {
                    throw Ai4cException.usage("Graph " + origin + ", node \"" + nodeId + "\": unclosed ${ in \""
                            + text + "\".");
                }
                sb.append(text, pos, start);
                String expr = text.substring(start + 2, end);
                int dflt = expr.indexOf(":-");
                String name = (dflt < 0 ? expr : expr.substring(0, dflt)).trim();
                String value = variables.get(name);
                if (value == null) {
                    if (dflt < 0) {
                        throw Ai4cException.usage("Graph " + origin + ", node \"" + nodeId + "\" uses the variable ${"
                                + name + "}, which has no value. Give it with -P" + name + "=VALUE.");
                    }
                    value = expr.substring(dflt + 2);
                }
                sb.append(value);
                pos = end + 1;
                start = text.indexOf("${", pos);
            }
            sb.append(text, pos, text.length());
            return sb.toString();
        }
    }
}
