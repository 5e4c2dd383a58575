package eu.ai4c.desktop.products;

import eu.ai4c.kit.raster.Metadata;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;

/**
 * The content of the Products window, as SNAP's Product Explorer: a tree of the
 * {@link OpenProducts} (product → "Bands" → one node per band, "Metadata" → the product's
 * metadata elements and attributes), the properties of the selected node below it, and the buttons
 * "Open Product…" and "Close". A double-click on a band asks the band opener to show it; files
 * dropped on the window go to the file opener. Follows the list: products opened elsewhere (a
 * run's output) appear and are selected, closed ones disappear.
 *
 * <p>Component names for UI automation: {@code products.tree}, {@code products.properties},
 * {@code products.open}, {@code products.close}.</p>
 *
 * <p>Needs no window (built in headless tests). Event thread only; list changes on other threads
 * are applied on the event thread.</p>
 */
public final class ProductsPanel extends JPanel {
    /** Text of the "Bands" folder node. */
    public static final String BANDS = "Bands";
    /** Text of the "Metadata" folder node. */
    public static final String METADATA = "Metadata";

    /** What the properties area says while no product is open. */
    static final String EMPTY_HINT = "No product open. Open one with File > Open Product..., the button above, "
            + "or drop SAFE folders, zips or GeoTIFFs here. The outputs of runs appear here too.";

    private final transient OpenProducts products;
    private final DefaultMutableTreeNode root = new DefaultMutableTreeNode("Products");
    private final DefaultTreeModel treeModel = new DefaultTreeModel(root);
    private final JTree tree = new JTree(treeModel);
    private final JTextArea properties = new JTextArea(6, 24);
    private final JButton close = new JButton("Close");
    private final transient OpenProducts.Listener listener;
    private final List<Runnable> changeListeners = new ArrayList<>();
    private static final java.util.logging.Logger TRACE =
            java.util.logging.Logger.getLogger(eu.ai4c.desktop.form.ui.OperatorDialog.TRACE_LOGGER);
    /** The services offered in the context menu's "Run" (none until {@link #setRunMenu}). */
    private transient java.util.function.Supplier<List<eu.ai4c.kit.op.OperatorDescriptor>> services = List::of;
    private transient BiConsumer<OpenProduct, String> runService = (p, alias) -> { };

    /**
     * @param products   the list shown
     * @param openFiles  opens files chosen or dropped (the window reads them in the background)
     * @param choose     lets the user choose files to open ("Open Product…")
     * @param openBand   shows a band (double-click)
     */
    public ProductsPanel(OpenProducts products, Consumer<List<Path>> openFiles, Runnable choose,
                         BiConsumer<OpenProduct, BandInfo> openBand) {
        super(new BorderLayout());
        this.products = products;
        setName("products");
        tree.setName("products.tree");
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        tree.addTreeSelectionListener(e -> selectionChanged());
        tree.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() != 2 || !SwingUtilities.isLeftMouseButton(e)) return;
                TreePath path = tree.getPathForLocation(e.getX(), e.getY());
                if (path == null) return;
                Object node = ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
                if (node instanceof BandInfo band) openBand.accept(productOf(path), band);
            }

            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }

            /** The context menu of the product under the mouse (selected first, as a left click would). */
            private void popup(MouseEvent e) {
                if (!e.isPopupTrigger()) return;
                TreePath path = tree.getPathForLocation(e.getX(), e.getY());
                if (path == null) return;
                tree.setSelectionPath(path);
                OpenProduct p = productOf(path);
                if (p != null) popupMenu(p).show(tree, e.getX(), e.getY());
            }
        });
        properties.setName("products.properties");
        properties.setEditable(false);
        properties.setLineWrap(true);
        properties.setWrapStyleWord(true);
        properties.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));

        JButton open = new JButton("Open Product...");
        open.setName("products.open");
        open.addActionListener(e -> choose.run());
        close.setName("products.close");
        close.setEnabled(false);
        close.addActionListener(e -> {
            OpenProduct p = selectedProduct();
            if (p != null) products.close(p);
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEADING, 4, 2));
        buttons.add(open);
        buttons.add(close);

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(tree), new JScrollPane(properties));
        split.setResizeWeight(0.75);
        split.setBorder(null);
        add(buttons, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);

        TransferHandler drop = new FileDrop(openFiles);
        setTransferHandler(drop);
        tree.setTransferHandler(drop);
        properties.setTransferHandler(drop);

        listener = new OpenProducts.Listener() {
            @Override
            public void opened(OpenProduct p) {
                onEventThread(() -> added(p));
            }

            @Override
            public void closed(OpenProduct p) {
                onEventThread(() -> removed(p));
            }

            @Override
            public void selected(OpenProduct p) {
                onEventThread(() -> showSelected(p));
            }
        };
        for (OpenProduct p : products.products()) added(p);
        products.addListener(listener);
        selectionChanged();
    }

    /**
     * Gives the context menu of a product a "Run" sub-menu: the services among {@code services}
     * whose source accepts the product ({@link ProductServices#accepting}); choosing one calls
     * {@code run} with the product and the service's alias (the window opens its dialog with the
     * product chosen).
     */
    public void setRunMenu(java.util.function.Supplier<List<eu.ai4c.kit.op.OperatorDescriptor>> services,
                           BiConsumer<OpenProduct, String> run) {
        this.services = services;
        this.runService = run;
    }

    /**
     * The context menu of {@code product}: "Run" (named {@code products.run}) with one entry per
     * service that accepts it ({@code products.run.<alias>}), disabled when none does, "Verify
     * Checksums" ({@code products.popup.verify}, SAFE products only) and "Close"
     * ({@code products.popup.close}). With the component trace on (logger
     * {@value eu.ai4c.desktop.form.ui.OperatorDialog#TRACE_LOGGER} at FINE) the screen bounds of
     * its entries are logged when it shows, and those of the services when "Run" opens:
     * {@code ui products popup <name> x y w h}.
     */
    public javax.swing.JPopupMenu popupMenu(OpenProduct product) {
        javax.swing.JPopupMenu menu = new javax.swing.JPopupMenu();
        menu.setName("products.popup");
        javax.swing.JMenu run = new javax.swing.JMenu("Run");
        run.setName("products.run");
        for (eu.ai4c.kit.op.OperatorDescriptor d : ProductServices.accepting(product, services.get())) {
            javax.swing.JMenuItem item = new javax.swing.JMenuItem(d.label() + " (" + d.alias() + ")...");
            item.setName("products.run." + d.alias());
            item.setToolTipText(d.summary());
            item.addActionListener(e -> runService.accept(product, d.alias()));
            run.add(item);
        }
        run.setEnabled(run.getItemCount() > 0);
        run.setToolTipText(run.getItemCount() > 0 ? "Open the dialog of a service with " + product + " as source"
                : "No AI4C service takes " + product + " as source");
        menu.add(run);
        javax.swing.JMenuItem verify = new javax.swing.JMenuItem("Verify Checksums");
        verify.setName("products.popup.verify");
        verify.setEnabled(ProductChecksums.applies(product));
        verify.setToolTipText(verify.isEnabled() ? "Check every file of " + product + " against its manifest.safe"
                : "Only Sentinel-1 and Sentinel-2 SAFE products carry checksums");
        verify.addActionListener(e -> verifyChecksums(product));
        menu.add(verify);
        javax.swing.JMenuItem close = new javax.swing.JMenuItem("Close Product");
        close.setName("products.popup.close");
        close.addActionListener(e -> products.close(product));
        menu.add(close);
        if (TRACE.isLoggable(java.util.logging.Level.FINE)) {
            menu.addPopupMenuListener(new javax.swing.event.PopupMenuListener() {
                @Override
                public void popupMenuWillBecomeVisible(javax.swing.event.PopupMenuEvent e) {
                    tracePopup(menu, 10);
                }

                @Override
                public void popupMenuWillBecomeInvisible(javax.swing.event.PopupMenuEvent e) {
                }

                @Override
                public void popupMenuCanceled(javax.swing.event.PopupMenuEvent e) {
                }
            });
            run.getPopupMenu().addPopupMenuListener(new javax.swing.event.PopupMenuListener() {
                @Override
                public void popupMenuWillBecomeVisible(javax.swing.event.PopupMenuEvent e) {
                    tracePopup(run.getPopupMenu(), 10);
                }

                @Override
                public void popupMenuWillBecomeInvisible(javax.swing.event.PopupMenuEvent e) {
                }

                @Override
                public void popupMenuCanceled(javax.swing.event.PopupMenuEvent e) {
                }
            });
        }
        return menu;
    }

    /** Where the outcome of "Verify Checksums" goes: a message box, unless a test replaces it. */
    private transient Consumer<ProductChecksums.Outcome> checksumReport = o -> javax.swing.JOptionPane.showMessageDialog(
            this, o.message(), "Verify Checksums", o.whole() ? javax.swing.JOptionPane.INFORMATION_MESSAGE
                    : javax.swing.JOptionPane.ERROR_MESSAGE);

    /** Replaces where the outcome of "Verify Checksums" is shown (called on the event thread). */
    public void setChecksumReport(Consumer<ProductChecksums.Outcome> report) {
        this.checksumReport = report;
    }

    /** Checks {@code product} on a background thread and reports on the event thread. */
    private void verifyChecksums(OpenProduct product) {
        Thread t = new Thread(() -> {
            ProductChecksums.Outcome o = ProductChecksums.check(product.location(),
                    Math.max(1, Runtime.getRuntime().availableProcessors()));
            javax.swing.SwingUtilities.invokeLater(() -> checksumReport.accept(o));
        }, "ai4c-verify-checksums");
        t.setDaemon(true);
        t.start();
    }

    /** Traces the entries once the menu shows (it is placed after "will become visible"), trying {@code attempts} times. */
    private static void tracePopup(javax.swing.JPopupMenu menu, int attempts) {
        if (!menu.isShowing()) {
            if (attempts > 0) {
                javax.swing.Timer t = new javax.swing.Timer(100, e -> tracePopup(menu, attempts - 1));
                t.setRepeats(false);
                t.start();
            }
            return;
        }
        for (java.awt.Component c : menu.getComponents()) {
            if (c.getName() == null || !c.isShowing()) continue;
            java.awt.Point p = c.getLocationOnScreen();
            TRACE.fine("ui products popup " + c.getName() + " " + p.x + " " + p.y + " " + c.getWidth() + " " + c.getHeight());
        }
    }

    /** Stops following the list (when the window closes). */
    public void detach() {
        products.removeListener(listener);
    }

    public JTree tree() {
        return tree;
    }

    /** The properties of the selected node. */
    public String propertiesText() {
        return properties.getText();
    }

    /** Runs {@code r} after the tree changed (a product added or removed), on the event thread. */
    public void addChangeListener(Runnable r) {
        changeListeners.add(r);
    }

    /** The product of the selected node (itself, or the product a band or metadata node belongs to), or null. */
    public OpenProduct selectedProduct() {
        TreePath path = tree.getSelectionPath();
        return path == null ? null : productOf(path);
    }

    /** Selects the node of {@code product}'s band {@code band} (as a click would). */
    public void selectBand(OpenProduct product, String band) {
        DefaultMutableTreeNode p = nodeOf(product);
        if (p == null) throw new IllegalArgumentException(product + " is not shown");
        DefaultMutableTreeNode bands = (DefaultMutableTreeNode) p.getChildAt(0);
        for (int i = 0; i < bands.getChildCount(); i++) {
            DefaultMutableTreeNode b = (DefaultMutableTreeNode) bands.getChildAt(i);
            if (((BandInfo) b.getUserObject()).name().equals(band)) {
                TreePath path = new TreePath(b.getPath());
                tree.setSelectionPath(path);
                tree.scrollPathToVisible(path);
                return;
            }
        }
        throw new IllegalArgumentException(product + " has no band " + band);
    }

    private void added(OpenProduct p) {
        if (nodeOf(p) != null) return;
        DefaultMutableTreeNode node = productNode(p);
        treeModel.insertNodeInto(node, root, root.getChildCount());
        TreePath bands = new TreePath(((DefaultMutableTreeNode) node.getChildAt(0)).getPath());
        tree.expandPath(bands);
        tree.setSelectionPath(new TreePath(node.getPath()));
        tree.scrollPathToVisible(bands);
        changed();
    }

    private void removed(OpenProduct p) {
        DefaultMutableTreeNode node = nodeOf(p);
        if (node != null) treeModel.removeNodeFromParent(node);
        selectionChanged();
        changed();
    }

    private void changed() {
        for (Runnable r : changeListeners) r.run();
    }

    /** A product node: "Bands" (one node per band) and "Metadata" (the metadata tree). */
    static DefaultMutableTreeNode productNode(OpenProduct p) {
        DefaultMutableTreeNode node = new DefaultMutableTreeNode(p);
        DefaultMutableTreeNode bands = new DefaultMutableTreeNode(BANDS);
        for (BandInfo b : p.bands()) bands.add(new DefaultMutableTreeNode(b, false));
        node.add(bands);
        DefaultMutableTreeNode metadata = new DefaultMutableTreeNode(METADATA);
        addMetadata(metadata, p.product().metadata());
        node.add(metadata);
        return node;
    }

    private static void addMetadata(DefaultMutableTreeNode parent, Metadata element) {
        for (Map.Entry<String, String> a : element.attributes().entrySet()) {
            parent.add(new DefaultMutableTreeNode(a.getKey() + " = " + a.getValue(), false));
        }
        for (Metadata child : element.children()) {
            DefaultMutableTreeNode node = new DefaultMutableTreeNode(child.name());
            addMetadata(node, child);
            parent.add(node);
        }
    }

    private DefaultMutableTreeNode nodeOf(OpenProduct p) {
        for (int i = 0; i < root.getChildCount(); i++) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) root.getChildAt(i);
            if (n.getUserObject().equals(p)) return n;
        }
        return null;
    }

    private static OpenProduct productOf(TreePath path) {
        return path.getPathCount() < 2 ? null
                : (OpenProduct) ((DefaultMutableTreeNode) path.getPathComponent(1)).getUserObject();
    }

    /** Selects the node of a product selected elsewhere (its footprint on the World View), unless it is selected. */
    private void showSelected(OpenProduct p) {
        if (p == null || p.equals(selectedProduct())) return;
        DefaultMutableTreeNode node = nodeOf(p);
        if (node == null) return;
        TreePath path = new TreePath(node.getPath());
        tree.setSelectionPath(path);
        tree.scrollPathToVisible(path);
    }

    private void selectionChanged() {
        TreePath path = tree.getSelectionPath();
        OpenProduct p = path == null ? null : productOf(path);
        products.select(p);
        close.setEnabled(p != null);
        if (p == null) {
            properties.setText(root.getChildCount() == 0 ? EMPTY_HINT : "");
            return;
        }
        Object node = ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
        properties.setText(node instanceof BandInfo b ? bandProperties(b) : productProperties(p));
        properties.setCaretPosition(0);
    }

    static String productProperties(OpenProduct p) {
        var r = p.product().raster();
        return "Product: " + p.name() + "\nFormat: " + p.format() + "\nLocation: " + p.location()
                + "\nSize: " + r.width() + " \u00d7 " + r.height() + " pixels\nBands: " + String.join(", ", p.bandNames())
                + (r.geoCoding() == null ? "\nNo geocoding" : "");
    }

    static String bandProperties(BandInfo b) {
        String description = b.band().description() == null || b.band().description().isBlank() ? ""
                : "\nDescription: " + b.band().description();
        return "Band: " + b.name() + "\nSize: " + b.size() + " pixels\nData type: " + b.band().type()
                + "\nNo-data: " + b.noData() + "\nUnit: " + b.unit() + description
                + "\n(double-click to view)";
    }

    private static void onEventThread(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) r.run();
        else SwingUtilities.invokeLater(r);
    }

    /** Accepts files dragged from a file manager. */
    private static final class FileDrop extends TransferHandler {
        private final transient Consumer<List<Path>> openFiles;

        FileDrop(Consumer<List<Path>> openFiles) {
            this.openFiles = openFiles;
        }

        @Override
        public boolean canImport(TransferSupport support) {
            return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
        }

        @Override
        public boolean importData(TransferSupport support) {
            if (!canImport(support)) return false;
            try {
                List<?> files = (List<?>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
                List<Path> paths = new ArrayList<>();
                for (Object f : files) if (f instanceof File file) paths.add(file.toPath());
                if (paths.isEmpty()) return false;
                openFiles.accept(paths);
                return true;
            } catch (UnsupportedFlavorException | IOException e) {
                return false;
            }
        }

        @Override
        public int getSourceActions(JComponent c) {
            return NONE;
        }
    }
}
