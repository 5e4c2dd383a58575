package eu.ai4c.snap.codegen;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.snap.AdapterNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The module's {@code layer.xml}: one action per operator opening SNAP's generated operator dialog
 * ({@code DefaultOperatorAction}, with the attributes snap-gpf-ui 13.0.2 reads), a menu entry per
 * action in the folder its category maps to, and the JavaHelp help set.
 */
final class SnapLayer {
    /**
     * Positions of the menu folders AI4C declares, chosen against SNAP 13.0.2's own (the test
     * {@code LayerAndHelpTest} checks them against {@code snap-13.0.2-menu-positions.tsv}).
     */
    private static final Map<String, Folder> FOLDERS = Map.of(
            "Radar", new Folder(510, "microwave-toolbox's position (13.0.2), so the menu sits after Optical without it too"),
            "Radar/AI4Copernicus", new Folder(1100, "after SNAP's last Radar sub-menu (SAR Utilities, 1000)"),
            "Optical/AI4Copernicus", new Folder(1100, "after SNAP's last Optical sub-menu (Thematic Water Processing, 400)"),
            "Optical/AI4Copernicus/Agriculture", new Folder(500, null),
            "Raster/AI4Copernicus", new Folder(9000, "after SNAP's Raster sub-menus (Export, 500), before Raster to Vector (10000)"),
            "Raster/AI4Copernicus/Air Quality", new Folder(500, null),
            "Vector/AI4Copernicus", new Folder(9000, "after SNAP's Vector entries (WKT geometry 11 and 19, Import 200, Export 300)"));
    private static final int HELP_SET_POSITION = 4700;

    private record Folder(int position, String why) {
    }

    /** One operator as the layer needs it. */
    record Entry(OperatorDescriptor descriptor, Presentation presentation) {
        String alias() {
            return AdapterNames.snapAlias(descriptor.alias());
        }

        String displayName() {
            return presentation.menuName() + " (AI4C)";
        }
    }

    private SnapLayer() {
    }

    static String xml(List<Entry> entries, String helpSetFile) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE filesystem PUBLIC \"-//NetBeans//DTD Filesystem 1.2//EN\" \"http://www.netbeans.org/dtds/filesystem-1_2.dtd\">\n")
                .append("<!-- Generated from the engine descriptors and src/main/snap/operators.tsv by\n")
                .append("     eu.ai4c.snap.codegen.SnapBindingSources; do not edit. -->\n")
                .append("<filesystem>\n    <folder name=\"Actions\">\n        <folder name=\"Operators\">\n");
        List<Entry> byAlias = new ArrayList<>(entries);
        byAlias.sort(Comparator.comparing(Entry::alias));
        for (Entry e : byAlias) {
            String i = "            ";
            x.append(i).append("<file name=\"").append(esc(e.alias())).append(".instance\">\n");
            attr(x, "instanceCreate", "methodvalue", "org.openide.awt.Actions.alwaysEnabled");
            attr(x, "delegate", "methodvalue", "org.esa.snap.core.gpf.ui.DefaultOperatorAction.create");
            attr(x, "operatorName", "stringvalue", e.alias());
            attr(x, "displayName", "stringvalue", e.displayName());
            attr(x, "dialogTitle", "stringvalue", e.displayName());
            attr(x, "targetProductNameSuffix", "stringvalue", e.presentation().targetSuffix());
            attr(x, "helpId", "stringvalue", AdapterNames.helpId(e.descriptor().alias()));
            attr(x, "ShortDescription", "stringvalue", e.descriptor().summary());
            x.append(i).append("</file>\n");
        }
        x.append("        </folder>\n    </folder>\n    <folder name=\"Menu\">\n");
        menus(x, tree(entries), "", 2);
        x.append("    </folder>\n    <folder name=\"Services\">\n        <folder name=\"JavaHelp\">\n")
                .append("            <file name=\"").append(helpSetFile).append("\" url=\"helpset.xml\">\n")
                .append("                <attr name=\"position\" intvalue=\"").append(HELP_SET_POSITION).append("\"/>\n")
                .append("            </file>\n        </folder>\n    </folder>\n</filesystem>\n");
        return x.toString();
    }

    /** Menu folders by name (sorted), each with its sub-folders and its entries. */
    private static final class Node {
        final TreeMap<String, Node> folders = new TreeMap<>();
        final List<Entry> entries = new ArrayList<>();
    }

    private static Node tree(List<Entry> entries) {
        Node root = new Node();
        for (Entry e : entries) {
            Node n = root;
            for (String part : AdapterNames.snapCategory(e.descriptor().category()).split("/")) {
                n = n.folders.computeIfAbsent(part, k -> new Node());
            }
            n.entries.add(e);
        }
        return root;
    }

    private static void menus(StringBuilder x, Node node, String path, int depth) {
        String i = "    ".repeat(depth);
        for (Map.Entry<String, Node> f : node.folders.entrySet()) {
            String p = path.isEmpty() ? f.getKey() : path + "/" + f.getKey();
            x.append(i).append("<folder name=\"").append(esc(f.getKey())).append("\">\n");
            Folder declared = FOLDERS.get(p);
            if (declared != null) {
                if (declared.why() != null) x.append(i).append("    <!-- ").append(declared.why()).append(" -->\n");
                x.append(i).append("    <attr name=\"position\" intvalue=\"").append(declared.position()).append("\"/>\n");
            }
            List<Entry> files = new ArrayList<>(f.getValue().entries);
            files.sort(Comparator.comparingInt((Entry e) -> e.presentation().position()).thenComparing(Entry::alias));
            for (Entry e : files) {
                x.append(i).append("    <file name=\"").append(esc(e.alias())).append(".shadow\">\n");
                x.append(i).append("        <attr name=\"originalFile\" stringvalue=\"Actions/Operators/")
                        .append(esc(e.alias())).append(".instance\"/>\n");
                x.append(i).append("        <attr name=\"position\" intvalue=\"").append(e.presentation().position()).append("\"/>\n");
                x.append(i).append("    </file>\n");
            }
            menus(x, f.getValue(), p, depth + 1);
            x.append(i).append("</folder>\n");
        }
    }

    private static void attr(StringBuilder x, String name, String kind, String value) {
        x.append("                <attr name=\"").append(name).append("\" ").append(kind).append("=\"")
                .append(esc(value)).append("\"/>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
