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

    /** The layer XML for {@code operators}. */
    public static String xml(List<Operator> operators) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DOCTYPE).append('\n');
        x.append("<filesystem>\n <folder name=\"Actions\">\n  <folder name=\"AI4C\">\n");
        Map<String, List<OperatorDescriptor>> byMenu = new TreeMap<>();
        for (Operator op : operators) {
            OperatorDescriptor d = op.descriptor();
            x.append("   <file name=\"").append(esc(d.alias())).append(".instance\">\n");
            attr(x, "instanceCreate", "methodvalue", OperatorAction.class.getName() + ".create");
            attr(x, "instanceOf", "stringvalue", "javax.swing.Action");
            attr(x, "alias", "stringvalue", d.alias());
            attr(x, "displayName", "stringvalue", OperatorAction.menuText(d));
            attr(x, "ShortDescription", "stringvalue", d.summary());
            x.append("   </file>\n");
            byMenu.computeIfAbsent(MenuPaths.forCategory(d.category()), k -> new ArrayList<>()).add(d);
        }
        x.append("  </folder>\n </folder>\n <folder name=\"Menu\">\n");
        for (Map.Entry<String, List<OperatorDescriptor>> e : byMenu.entrySet()) {
            String[] folders = e.getKey().split("/");
            String indent = "  ";
            for (String f : folders) {
                x.append(indent).append("<folder name=\"").append(esc(f)).append("\">\n");
                indent += " ";
            }
            int position = 100;
            for (OperatorDescriptor d : e.getValue()) {
                x.append(indent).append("<file name=\"AI4C-").append(esc(d.alias())).append(".shadow\">\n");
                attr(x, "originalFile", "stringvalue", ACTIONS_FOLDER + "/" + d.alias() + ".instance");
                attr(x, "position", "intvalue", Integer.toString(position));
                x.append(indent).append("</file>\n");
                position += 100;
            }
            for (int i = folders.length - 1; i >= 0; i--) {
                indent = indent.substring(1);
                x.append(indent).append("</folder>\n");
            }
        }
        return x.append(" </folder>\n</filesystem>\n").toString();
    }

    private static void attr(StringBuilder x, String name, String kind, String value) {
        x.append("    <attr name=\"").append(name).append("\" ").append(kind).append("=\"").append(esc(value))
                .append("\"/>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
