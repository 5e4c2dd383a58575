package eu.ai4c.desktop.products;

import eu.ai4c.desktop.form.ui.OperatorDialog;
import java.awt.Component;
import java.awt.Point;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.AncestorEvent;
import javax.swing.event.AncestorListener;
import javax.swing.filechooser.FileFilter;

/**
 * A file chooser for products: shows folders and the files AI4C reads (GeoTIFF/COG, zips,
 * {@code manifest.safe}, {@code MTD_*.xml}), and treats a product folder (a {@code .SAFE}, any folder
 * a reader accepts) as one file, so a double-click opens it instead of entering it. The file name
 * field has the keyboard when the chooser shows, so a path can be typed at once. Event thread only.
 */
public final class ProductChooser extends JFileChooser {
    private static final Logger TRACE = Logger.getLogger(OperatorDialog.TRACE_LOGGER);

    /** The filter of the files a product can be opened from, by name (folders always pass). */
    public static final FileFilter PRODUCTS = new FileFilter() {
        @Override
        public boolean accept(File f) {
            return f.isDirectory() || looksLikeProductFile(f.getName());
        }

        @Override
        public String getDescription() {
            return "Products (SAFE folders and zips, manifest.safe, MTD_*.xml, GeoTIFF/COG)";
        }
    };

    public ProductChooser() {
        setDialogTitle("Open Product");
        setFileSelectionMode(FILES_AND_DIRECTORIES);
        setMultiSelectionEnabled(true);
        addChoosableFileFilter(PRODUCTS);
        setFileFilter(PRODUCTS);
        setApproveButtonText("Open Product");
        addAncestorListener(new AncestorListener() {
            @Override
            public void ancestorAdded(AncestorEvent e) {
                SwingUtilities.invokeLater(() -> {
                    JTextField name = firstTextField(ProductChooser.this);
                    if (name != null) name.requestFocusInWindow();
                });
            }

            @Override
            public void ancestorRemoved(AncestorEvent e) {
            }

            @Override
            public void ancestorMoved(AncestorEvent e) {
            }
        });
    }

    /**
     * The dialog; with the component trace on (logger {@value OperatorDialog#TRACE_LOGGER} at FINE) it
     * logs the screen bounds of the file name field when it opens, {@code ui chooser filename x y w h},
     * so the desktop end-to-end test can click into it and type a path.
     */
    @Override
    protected JDialog createDialog(Component parent) {
        JDialog dialog = super.createDialog(parent);
        if (TRACE.isLoggable(Level.FINE)) {
            dialog.addWindowListener(new WindowAdapter() {
                @Override
                public void windowOpened(WindowEvent e) {
                    SwingUtilities.invokeLater(() -> {
                        JTextField name = firstTextField(ProductChooser.this);
                        if (name == null || !name.isShowing()) return;
                        Point p = name.getLocationOnScreen();
                        TRACE.fine("ui chooser filename " + p.x + " " + p.y + " " + name.getWidth() + " " + name.getHeight());
                    });
                }
            });
        }
        return dialog;
    }

    /** A product folder is chosen like a file, not entered. */
    @Override
    public boolean isTraversable(File f) {
        return super.isTraversable(f) && !(f.isDirectory() && isProductFolder(f.toPath()));
    }

    /** Lets the user choose; the chosen files and folders, or an empty list when cancelled. */
    public List<Path> choose(Component parent) {
        if (showOpenDialog(parent) != APPROVE_OPTION) return List.of();
        File[] chosen = getSelectedFiles();
        if (chosen == null || chosen.length == 0) chosen = new File[] {getSelectedFile()};
        return Arrays.stream(chosen).filter(f -> f != null).map(File::toPath).toList();
    }

    /** Whether a file name is one a product is opened from. */
    static boolean looksLikeProductFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".tif") || n.endsWith(".tiff") || n.endsWith(".zip") || n.equals("manifest.safe")
                || (n.startsWith("mtd_") && n.endsWith(".xml"));
    }

    /** A folder a reader accepts as a whole product: a {@code .SAFE}, a Sentinel-2 band folder. */
    static boolean isProductFolder(Path folder) {
        return folder.getFileName() != null && (folder.getFileName().toString().toUpperCase(Locale.ROOT).endsWith(".SAFE")
                || OpenProducts.isProduct(folder));
    }

    private static JTextField firstTextField(java.awt.Container c) {
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof JTextField t && t.isEditable()) return t;
            if (k instanceof java.awt.Container inner) {
                JTextField t = firstTextField(inner);
                if (t != null) return t;
            }
        }
        return null;
    }
}
