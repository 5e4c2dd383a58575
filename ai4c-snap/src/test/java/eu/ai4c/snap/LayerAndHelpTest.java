package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * layer.xml registers a SNAP operator action and a menu entry for every adapter, in the menu
 * of its category, and the help set has a page for every action's help id.
 */
class LayerAndHelpTest {
    static final String LAYER = "eu/ai4c/snap/layer.xml";
    /** The help set as packed: src/main/javahelp plus the pages generated from the descriptors. */
    static final Path HELP = Path.of("target/generated-javahelp/eu/ai4c/ai4c/snap/docs");

    static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new InputSource(in));
    }

    static Document resource(String name) throws Exception {
        try (InputStream in = LayerAndHelpTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " missing");
            return parse(in);
        }
    }

    /** The element at a layer path such as {@code Menu/Raster/Geometric/x.shadow}, or null. */
    static Element at(Document layer, String path) {
        Element cur = layer.getDocumentElement();
        for (String part : path.split("/")) {
            Element next = null;
            for (Node n = cur.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && (e.getTagName().equals("folder") || e.getTagName().equals("file"))
                        && e.getAttribute("name").equals(part)) next = e;
            }
            if (next == null) return null;
            cur = next;
        }
        return cur;
    }

    static Map<String, String> attrs(Element file) {
        Map<String, String> m = new HashMap<>();
        for (Node n = file.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("attr")) {
                String v = e.hasAttribute("stringvalue") ? e.getAttribute("stringvalue")
                        : e.hasAttribute("methodvalue") ? e.getAttribute("methodvalue") : e.getAttribute("intvalue");
                m.put(e.getAttribute("name"), v);
            }
        }
        return m;
    }

    /** SNAP 13.0.2 menu folder → entry name → the positions SNAP's modules give it. */
    static Map<String, Map<String, java.util.Set<Integer>>> snapMenuPositions() throws Exception {
        Map<String, Map<String, java.util.Set<Integer>>> m = new HashMap<>();
        try (InputStream in = LayerAndHelpTest.class.getClassLoader().getResourceAsStream("snap-13.0.2-menu-positions.tsv")) {
            assertNotNull(in, "snap-13.0.2-menu-positions.tsv missing");
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                m.computeIfAbsent(f[0], k -> new HashMap<>()).computeIfAbsent(f[1], k -> new java.util.TreeSet<>())
                        .add(Integer.parseInt(f[2]));
            }
        }
        return m;
    }

    /**
     * Every menu folder and entry of the layer has a position, so NetBeans orders it without
     * warnings whichever toolboxes are installed. A folder SNAP also declares takes SNAP's
     * position (Menu/Radar: microwave-toolbox's 510, also when that toolbox is absent) or none;
     * an AI4C entry takes a position no SNAP 13.0.2 entry of the same folder has.
     */
    @Test
    void menuPositionsAreSetAndDoNotCollideWithSnap() throws Exception {
        Map<String, Map<String, java.util.Set<Integer>>> snap = snapMenuPositions();
        assertTrue(snap.getOrDefault("Menu/Radar", Map.of()).containsKey("SAR Utilities"), "positions read");
        Document layer = resource(LAYER);
        java.util.List<String> problems = new java.util.ArrayList<>();
        checkPositions(at(layer, "Menu"), "Menu", snap, problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals("510", attrs(at(layer, "Menu/Radar")).get("position"), "Menu/Radar position");
    }

    private static void checkPositions(Element folder, String path, Map<String, Map<String, java.util.Set<Integer>>> snap,
                                       java.util.List<String> problems) {
        Map<String, java.util.Set<Integer>> siblings = snap.getOrDefault(path, Map.of());
        for (Node n = folder.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !(e.getTagName().equals("folder") || e.getTagName().equals("file"))) continue;
            String name = e.getAttribute("name");
            String child = path + "/" + name;
            String position = attrs(e).get("position");
            java.util.Set<Integer> snapOwn = siblings.get(name);
            if (snapOwn != null) {
                // a SNAP folder: keep SNAP's position, and give one where its owner may be absent
                if (position != null && !snapOwn.contains(Integer.parseInt(position))) {
                    problems.add(child + ": position " + position + " differs from SNAP 13.0.2's " + snapOwn);
                }
            } else if (position == null) {
                problems.add(child + ": no position (NetBeans warns and orders it arbitrarily)");
            } else {
                for (Map.Entry<String, java.util.Set<Integer>> s : siblings.entrySet()) {
                    if (s.getValue().contains(Integer.parseInt(position))) {
                        problems.add(child + ": position " + position + " is also SNAP's " + path + "/" + s.getKey());
                    }
                }
            }
            if (e.getTagName().equals("folder")) checkPositions(e, child, snap, problems);
        }
    }

    @Test
    void everyAdapterHasAnActionAndAMenuEntry() throws Exception {
        Document layer = resource(LAYER);
        for (Class<? extends EngineOperatorAdapter> c : Adapters.compiled()) {
            String alias = Adapters.alias(c);
            OperatorDescriptor d = EngineOperatorAdapter.engineOperator(c).descriptor();
            Element action = at(layer, "Actions/Operators/" + alias + ".instance");
            assertNotNull(action, "layer.xml: no Actions/Operators/" + alias + ".instance");
            Map<String, String> a = attrs(action);
            assertEquals("org.openide.awt.Actions.alwaysEnabled", a.get("instanceCreate"));
            assertEquals("org.esa.snap.core.gpf.ui.DefaultOperatorAction.create", a.get("delegate"));
            assertEquals(alias, a.get("operatorName"));
            assertEquals(AdapterNames.helpId(d.alias()), a.get("helpId"));
            for (String key : new String[] {"displayName", "dialogTitle", "targetProductNameSuffix", "ShortDescription"}) {
                assertFalse(a.getOrDefault(key, "").isBlank(), alias + ": attribute " + key);
            }
            assertTrue(a.get("targetProductNameSuffix").startsWith("_"), alias);
            String menu = "Menu/" + AdapterNames.snapCategory(d.category()) + "/" + alias + ".shadow";
            Element shadow = at(layer, menu);
            assertNotNull(shadow, "layer.xml: no " + menu);
            assertEquals("Actions/Operators/" + alias + ".instance", attrs(shadow).get("originalFile"));
            Integer.parseInt(attrs(shadow).get("position"));
        }
    }

    @Test
    void menusAreOnlyUnderTheAi4cFolders() throws Exception {
        Document layer = resource(LAYER);
        Element menu = at(layer, "Menu");
        for (Node top = menu.getFirstChild(); top != null; top = top.getNextSibling()) {
            if (!(top instanceof Element t)) continue;
            String name = t.getAttribute("name");
            assertTrue(name.equals("Radar") || name.equals("Optical") || name.equals("Raster") || name.equals("Vector"), name);
            for (Node sub = t.getFirstChild(); sub != null; sub = sub.getNextSibling()) {
                if (!(sub instanceof Element s) || s.getTagName().equals("attr")) continue;
                String path = name + "/" + s.getAttribute("name");
                assertTrue(path.matches("(Radar|Optical|Raster|Vector)/AI4Copernicus|Raster/(Change Detection|Geometric)"), path);
            }
        }
    }

    @Test
    void helpSetIsRegisteredAndHasAPagePerOperator() throws Exception {
        Document layer = resource(LAYER);
        Element hs = at(layer, "Services/JavaHelp/eu-ai4c-ai4c-snap-helpset.xml");
        assertNotNull(hs, "Services/JavaHelp entry");
        assertEquals("helpset.xml", hs.getAttribute("url"));
        Document ref = resource("eu/ai4c/snap/helpset.xml");
        assertEquals("nbdocs:/eu/ai4c/ai4c/snap/docs/help.hs", ref.getDocumentElement().getAttribute("url"));
        assertTrue(Files.isRegularFile(HELP.resolve("help.hs")));
        Document map;
        try (InputStream in = Files.newInputStream(HELP.resolve("map.jhm"))) {
            map = parse(in);
        }
        try (InputStream in = Files.newInputStream(HELP.resolve("toc.xml"))) {
            parse(in);
        }
        Map<String, String> ids = new HashMap<>();
        var list = map.getElementsByTagName("mapID");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            ids.put(e.getAttribute("target"), e.getAttribute("url"));
        }
        for (String url : ids.values()) assertTrue(Files.isRegularFile(HELP.resolve(url)), url);
        for (Class<? extends EngineOperatorAdapter> c : Adapters.compiled()) {
            OperatorDescriptor d = EngineOperatorAdapter.engineOperator(c).descriptor();
            String page = ids.get(AdapterNames.helpId(d.alias()));
            assertNotNull(page, "map.jhm has no mapID " + AdapterNames.helpId(d.alias()));
            String html = Files.readString(HELP.resolve(page));
            assertTrue(html.contains(Adapters.alias(c)), page);
            for (ParameterDescriptor p : d.parameters()) {
                assertTrue(html.contains("<code>" + p.name() + "</code>"), page + " does not describe " + p.name());
            }
            assertTrue(html.contains("<h2>Example</h2>") && html.contains("<h2>Output</h2>"), page);
        }
    }
}
