package eu.ai4c.desktop.actions;

import eu.ai4c.desktop.form.ui.OperatorDialog;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.windows.OnShowing;

/**
 * With the component trace on (logger {@value OperatorDialog#TRACE_LOGGER} at FINE), logs where
 * each operator sits in the menu bar once the main window shows, as the keyboard reaches it: one
 * line per operator, {@code ui menu <alias> <i>.<j>.<k>} with the 0-based index of the top-level
 * menu and of each item below it (separators not counted, as the keyboard skips them). The
 * desktop end-to-end test opens every dialog from the menu with these. The module's other menu
 * entries (named {@code AI4C-Action-<name>}, e.g. File → Open Product…) are logged as
 * {@code ui action <name> <i>.<j>}. Does nothing otherwise.
 */
@OnShowing
public final class MenuTrace implements Runnable {
    private static final Logger TRACE = Logger.getLogger(OperatorDialog.TRACE_LOGGER);
    /** Prefix of the menu entries {@link OperatorLayer} writes for operators. */
    private static final String OPERATOR_ENTRY = "AI4C-";
    /** Prefix of the menu entries of the module's other actions (File → Open Product…): {@code ui action <name> <indices>}. */
    private static final String ACTION_ENTRY = "AI4C-Action-";

    @Override
    public void run() {
        if (!TRACE.isLoggable(Level.FINE)) return;
        FileObject menu = FileUtil.getConfigFile("Menu");
        if (menu != null) walk(menu, "");
    }

    private static void walk(FileObject folder, String path) {
        List<FileObject> children = FileUtil.getOrder(Arrays.asList(folder.getChildren()), false);
        int index = 0;
        for (FileObject child : children) {
            if (isSeparator(child)) continue;
            String at = path.isEmpty() ? Integer.toString(index) : path + "." + index;
            if (child.isFolder()) {
                walk(child, at);
            } else {
                // the operator entries OperatorLayer generates: AI4C-<alias>.shadow
                if (child.getNameExt().startsWith(ACTION_ENTRY) && child.getExt().equals("shadow")) {
                    TRACE.fine("ui action " + child.getName().substring(ACTION_ENTRY.length()) + " " + at);
                } else if (child.getNameExt().startsWith(OPERATOR_ENTRY) && child.getExt().equals("shadow")) {
                    String alias = child.getName().substring(OPERATOR_ENTRY.length());
                    TRACE.fine("ui menu " + alias + " " + at + " " + FileUtil.getRelativePath(FileUtil.getConfigRoot(), child));
                }
            }
            index++;
        }
    }

    private static boolean isSeparator(FileObject f) {
        if (f.isFolder()) return false;
        Object type = f.getAttribute("instanceClass");
        return f.getName().contains("Separator") || (type != null && type.toString().endsWith("Separator"));
    }
}
