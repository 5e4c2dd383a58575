package eu.ai4c.desktop.actions;

import eu.ai4c.kit.op.MenuPaths;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the NetBeans layer (XML filesystem) with one action per operator: the action under
 * {@code Actions/AI4C/<alias>.instance} (created by {@link OperatorAction#create}) and a shadow of
 * it in the menu folder {@link MenuPaths#forCategory} gives for the operator's category, ordered by
 * alias. Generated at run time from the registered operators, so new operators appear without new
 * UI code. Stateless.
 */
public final class OperatorLayer {
    /** Folder of the generated actions in the system filesystem. */
    public static final String ACTIONS_FOLDER = "Actions/AI4C";
    private static final String DOCTYPE = "<!DOCTYPE filesystem PUBLIC \"-//NetBeans//DTD Filesystem 1.2//EN\" "
            + "\"http://www.netbeans.org/dtds/filesystem-1_2.dtd\">";

    private OperatorLayer() {
    }

    /** Positions of the top-level menus in the standalone application, in SNAP's order (after Navigate). */
    private static final Map<String, Integer> TOP_LEVEL = Map.of("Vector", 440, "Raster", 450, "Optical", 460, "Radar", 470);

    /** The layer XML for {@code operators}, without top-level menu positions (inside SNAP its own apply). */
    public static String xml(List<Operator> operators) {
        return xml(operators, false);
    }

    /**
     * The layer XML for {@code operators}: one action each, and one shadow in the menu folder its
     * category maps to; menu paths sharing folders are merged into one folder tree.
     *
     * @param topLevelPositions give Raster, Optical and Radar their places in the menu bar (standalone
     *                          application; SNAP positions its own menus); also adds File → Open
     *                          Product…, Window → Products and Window → World View
     */
    public static String xml(List<Operator> operators, boolean topLevelPositions) {
        return xml(operators, topLevelPositions, topLevelPositions);
    }

    /**
     * The layer XML for {@code operators} as {@link #xml(List, boolean)}, with File → Open Product…
     * and Window → Products when {@code productWorkspace} (the standalone application: neither SNAP
     * Desktop nor the AI4C SNAP plugin, which bring SNAP's own Open Product and Product Explorer).
     */
    public static String xml(List<Operator> operators, boolean topLevelPositions, boolean productWorkspace) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DOCTYPE).append('\n');
        x.append("<filesystem>\n <folder name=\"Actions\">\n  <folder name=\"AI4C\">\n");
        MenuFolder menu = new MenuFolder();
        for (Operator op : operators) {
            OperatorDescriptor d = op.descriptor();
            x.append("   <file name=\"").append(esc(d.alias())).append(".instance\">\n");
            attr(x, "instanceCreate", "methodvalue", OperatorAction.class.getName() + ".create");
            attr(x, "instanceOf", "stringvalue", "javax.swing.Action");
            attr(x, "alias", "stringvalue", d.alias());
            attr(x, "displayName", "stringvalue", OperatorAction.menuText(d));
            attr(x, "ShortDescription", "stringvalue", d.summary());
            x.append("   </file>\n");
            MenuFolder f = menu;
            for (String name : MenuPaths.forCategory(d.category()).split("/")) {
                f = f.children.computeIfAbsent(name, k -> new MenuFolder());
            }
            f.actions.add(d);
        }
        x.append("  </folder>\n </folder>\n <folder name=\"Menu\">\n");
        for (Map.Entry<String, MenuFolder> e : menu.children.entrySet()) {
            Integer position = topLevelPositions ? TOP_LEVEL.get(e.getKey()) : null;
            e.getValue().write(x, e.getKey(), "  ", position);
        }
        if (productWorkspace) {
            // the standalone application's product workspace; inside SNAP, SNAP's own entries
            shadows(x, "File", new String[][] {
                {"AI4C-Action-OpenProduct", eu.ai4c.desktop.products.ProductsActions.OPEN_PRODUCT},
                {"AI4C-Action-OpenRecentProduct", eu.ai4c.desktop.products.ProductsActions.OPEN_RECENT_PRODUCT},
                {"AI4C-Action-OpenDemoData", eu.ai4c.desktop.products.ProductsActions.OPEN_DEMO_DATA}});
            shadows(x, "Window", new String[][] {
                {"AI4C-Action-Products", eu.ai4c.desktop.products.ProductsActions.SHOW_PRODUCTS},
                {"AI4C-Action-WorldView", eu.ai4c.desktop.world.WorldViewWindow.SHOW_WORLD_VIEW}});
        }
        return x.append(" </folder>\n</filesystem>\n").toString();
    }

    /** A menu folder: sub-folders by name and the operators whose actions it shows. */
    private static final class MenuFolder {
        final Map<String, MenuFolder> children = new TreeMap<>();
        final List<OperatorDescriptor> actions = new ArrayList<>();

        void write(StringBuilder x, String name, String indent, Integer position) {
            x.append(indent).append("<folder name=\"").append(esc(name)).append("\">\n");
            if (position != null) attr(x, "position", "intvalue", Integer.toString(position));
            int p = 100;
            for (OperatorDescriptor d : actions) {
                x.append(indent).append(" <file name=\"AI4C-").append(esc(d.alias())).append(".shadow\">\n");
                attr(x, "originalFile", "stringvalue", ACTIONS_FOLDER + "/" + d.alias() + ".instance");
                attr(x, "position", "intvalue", Integer.toString(p));
                x.append(indent).append(" </file>\n");
                p += 100;
            }
            for (Map.Entry<String, MenuFolder> e : children.entrySet()) { // sub-menus after the actions
                e.getValue().write(x, e.getKey(), indent + " ", p);
                p += 100;
            }
            x.append(indent).append("</folder>\n");
        }
    }

    /** Menu entries {name, original} of actions registered elsewhere, first in their menu and in this order. */
    private static void shadows(StringBuilder x, String menu, String[][] entries) {
        x.append("  <folder name=\"").append(menu).append("\">\n");
        int position = 5;
        for (String[] e : entries) {
            x.append("   <file name=\"").append(e[0]).append(".shadow\">\n");
            attr(x, "originalFile", "stringvalue", e[1]);
            attr(x, "position", "intvalue", Integer.toString(position++));
            x.append("   </file>\n");
        }
        x.append("  </folder>\n");
    }

    private static void attr(StringBuilder x, String name, String kind, String value) {
        x.append("    <attr name=\"").append(name).append("\" ").append(kind).append("=\"").append(esc(value))
                .append("\"/>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
