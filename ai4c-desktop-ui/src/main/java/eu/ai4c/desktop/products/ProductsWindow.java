package eu.ai4c.desktop.products;

import eu.ai4c.desktop.form.ui.OperatorDialog;
import eu.ai4c.desktop.view.QuickLookWindow;
import eu.ai4c.kit.Ai4cException;
import java.awt.BorderLayout;
import java.awt.Point;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.RequestProcessor;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The Products window, in the "explorer" mode at the left of the workspace like SNAP's Product
 * Explorer: a {@link ProductsPanel} over {@link OpenProducts#getDefault()}. Products are read in
 * the background; problems are shown in a message naming the file. A double-click on a band opens
 * it in the quick-look viewer. One instance; {@link #display()} shows it.
 *
 * <p>The context menu of a product has "Run": the services that accept it as source
 * ({@link ProductServices}), whose dialog opens with the product chosen. Products opened here are
 * remembered as recent products ({@link RecentProducts}).</p>
 *
 * <p>With the component trace on (logger {@value OperatorDialog#TRACE_LOGGER} at FINE) it logs each
 * product opened, here or as a run's output ({@code ui products opened <name> bands <n> <band,band,…>}),
 * the entries of the context menu ({@code ui products popup <name> x y w h}) and, after every change,
 * the screen bounds of the visible tree rows ({@code ui products row.<i> x y w h <text>}); the
 * desktop end-to-end test reads them.</p>
 *
 * <p>Event thread only, except {@link #display()} and {@link #open(List)}.</p>
 */
public final class ProductsWindow extends TopComponent {
    private static final Logger TRACE = Logger.getLogger(OperatorDialog.TRACE_LOGGER);
    private static final RequestProcessor READER = new RequestProcessor("AI4C product reader", 1);
    private static ProductsWindow instance;
    private final ProductsPanel panel;

    private ProductsWindow() {
        setName("Products");
        setToolTipText("The open products: bands and metadata");
        setLayout(new BorderLayout());
        panel = new ProductsPanel(OpenProducts.getDefault(), ProductsWindow::open, this::choose,
                (product, band) -> QuickLookWindow.open(product.location(), band.index()));
        panel.setRunMenu(() -> eu.ai4c.desktop.run.OperatorCatalog.load().all().stream()
                        .map(eu.ai4c.kit.op.Operator::descriptor).toList(),
                (product, alias) -> OperatorDialog.open(alias, form -> ProductServices.prepare(form, product)));
        add(panel, BorderLayout.CENTER);
        if (TRACE.isLoggable(Level.FINE)) {
            panel.addChangeListener(() -> SwingUtilities.invokeLater(this::trace));
            panel.tree().addTreeExpansionListener(new javax.swing.event.TreeExpansionListener() {
                @Override
                public void treeExpanded(javax.swing.event.TreeExpansionEvent e) {
                    SwingUtilities.invokeLater(ProductsWindow.this::trace);
                }

                @Override
                public void treeCollapsed(javax.swing.event.TreeExpansionEvent e) {
                    SwingUtilities.invokeLater(ProductsWindow.this::trace);
                }
            });
        }
    }

    /** Opens (or activates) the Products window in the explorer mode, on the event thread. */
    public static void display() {
        SwingUtilities.invokeLater(() -> {
            ProductsWindow w = instance();
            if (!w.isOpened()) {
                Mode explorer = WindowManager.getDefault().findMode("explorer");
                if (explorer != null) explorer.dockInto(w);
                w.open();
            }
            w.requestVisible();
        });
    }

    /** Lets the user choose products and opens them (File → Open Product…). Event thread. */
    public static void chooseAndOpen() {
        instance().choose();
    }

    /**
     * Reads the products in the background and shows the window; a file that cannot be opened is
     * reported in a message. Callable from any thread.
     */
    public static void open(List<Path> files) {
        display();
        for (Path f : files) {
            READER.post(() -> {
                try {
                    OpenProduct p = OpenProducts.getDefault().open(f);
                    RecentProducts.getDefault().add(p.location());
                } catch (Ai4cException e) {
                    tell(e.getMessage());
                } catch (IOException | RuntimeException e) {
                    tell("Cannot open " + f + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
            });
        }
    }

    /** Logs every product opened, by the user or as a run's output (see the class comment). */
    private static final OpenProducts.Listener TRACE_OPENED = new OpenProducts.Listener() {
        @Override
        public void opened(OpenProduct p) {
            TRACE.fine("ui products opened " + p.name() + " bands " + p.bands().size() + " " + String.join(",", p.bandNames()));
        }

        @Override
        public void closed(OpenProduct p) {
        }
    };

    static {
        if (TRACE.isLoggable(Level.FINE)) OpenProducts.getDefault().addListener(TRACE_OPENED);
    }

    private static void tell(String message) {
        NotifyDescriptor.Message d = new NotifyDescriptor.Message(message, NotifyDescriptor.ERROR_MESSAGE);
        d.setTitle("Open Product");
        DialogDisplayer.getDefault().notifyLater(d);
    }

    private static ProductsWindow instance() {
        if (instance == null) instance = new ProductsWindow();
        return instance;
    }

    private void choose() {
        List<Path> chosen = new ProductChooser().choose(WindowManager.getDefault().getMainWindow());
        if (!chosen.isEmpty()) open(chosen);
    }

    /** Logs the screen bounds of the visible rows (see the class comment). */
    private void trace() {
        JTree tree = panel.tree();
        if (!tree.isShowing()) return;
        Point at = tree.getLocationOnScreen();
        for (int i = 0; i < tree.getRowCount(); i++) {
            Rectangle r = tree.getRowBounds(i);
            if (r == null) continue;
            Object node = tree.getPathForRow(i).getLastPathComponent();
            TRACE.fine("ui products row." + i + " " + (at.x + r.x) + " " + (at.y + r.y) + " " + r.width + " " + r.height
                    + " " + node);
        }
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER; // the products are opened again by the user, not restored
    }

    @Override
    protected void componentShowing() {
        if (TRACE.isLoggable(Level.FINE)) SwingUtilities.invokeLater(this::trace);
    }
}
