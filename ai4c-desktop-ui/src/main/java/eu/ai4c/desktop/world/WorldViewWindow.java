package eu.ai4c.desktop.world;

import eu.ai4c.desktop.form.AoiTargets;
import eu.ai4c.desktop.form.AoiText;
import eu.ai4c.desktop.products.OpenProduct;
import eu.ai4c.desktop.products.OpenProducts;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.AreaOfInterest;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Insets;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.datatransfer.StringSelection;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.openide.awt.ActionID;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbPreferences;
import org.openide.util.RequestProcessor;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The World View (Window → World View), below the Products window like SNAP's: a {@link WorldMapPanel}
 * with the footprints of the products open in the Products window ({@link OpenProducts#getDefault()},
 * outlines by {@link ProductOutline}, computed in the background), the product selected there
 * highlighted (a double-click on a footprint selects it), a background layer (the built-in country
 * outline, {@link WorldOutline}, or polygons from a vector file, or none; the choice is remembered in
 * the module's preferences), and area-of-interest drawing: "Rectangle" or
 * "Polygon" draws an area, "Use as AOI" puts it into the area-of-interest field of the operator
 * dialog active last ({@link AoiTargets}), whose current area the map shows dashed. A dialog's
 * "Draw…" ({@link #drawAoi}) steps its dialog aside while the area is drawn and receives it.
 *
 * <p>Component names: {@code worldview.map}, {@code worldview.world}, {@code worldview.zoomProducts},
 * {@code worldview.background}, {@code worldview.rectangle}, {@code worldview.polygon},
 * {@code worldview.useAoi}, {@code worldview.status}. With the component trace on (logger
 * {@code eu.ai4c.desktop.ui} at FINE) it logs after each change the map's screen bounds
 * ({@code ui worldview map x y w h}), the view ({@code ui worldview view <centre lon> <centre lat>
 * <px per degree>}), the buttons ({@code ui worldview <name> x y w h enabled|disabled}), each footprint
 * drawn ({@code ui worldview footprint <n> x y w h <r>,<g>,<b> <name>}: screen bounds and the colour
 * drawn at its centre, over the ocean or the land there), the drawing mode ({@code ui worldview mode rectangle}) and each
 * area drawn ({@code ui worldview aoi drawn <WKT>}); the desktop end-to-end test reads them.</p>
 *
 * <p>Event thread only, except {@link #display()} and {@link #drawAoi}.</p>
 */
public final class WorldViewWindow extends TopComponent {
    /** The action Window → World View in the system filesystem (added to the menu by the generated layer). */
    public static final String SHOW_WORLD_VIEW = "Actions/Window/eu-ai4c-desktop-world-ShowWorldView.instance";
    /** The window mode below the Products window (the module's layer defines it). */
    static final String MODE = "ai4cworldview";
    /** Preference key of the background layer's file. */
    static final String BACKGROUND_KEY = "worldview.background";
    /** Its value when the user removed the background (absent: the built-in world outline). */
    static final String NO_BACKGROUND = "none";
    private static final Logger TRACE = Logger.getLogger("eu.ai4c.desktop.ui");
    private static final Logger LOG = Logger.getLogger(WorldViewWindow.class.getName());
    private static final RequestProcessor WORK = new RequestProcessor("AI4C world view", 1);
    private static WorldViewWindow instance;

    private final WorldMapPanel map = new WorldMapPanel();
    private final JLabel status = new JLabel(" ");
    private final JLabel position = new JLabel(" ");
    private final JButton world = button("worldview.world", "World", "Show the whole world");
    private final JButton zoomProducts = button("worldview.zoomProducts", "Zoom to products",
            "Zoom to the footprints of the open products");
    private final JButton background = button("worldview.background", "Background...",
            "A background layer (land or country polygons) from a vector file");
    private final JToggleButton rectangle = toggle("worldview.rectangle", "Rectangle",
            "Draw an area of interest: drag a rectangle (Esc cancels)");
    private final JToggleButton polygon = toggle("worldview.polygon", "Polygon",
            "Draw an area of interest: click its corners, double-click to close (Esc cancels)");
    private final JButton useAoi = button("worldview.useAoi", "Use as AOI",
            "Put the area drawn into the area of interest of the operator dialog active last");
    private final Map<OpenProduct, ProductOutline> outlines = new LinkedHashMap<>();
    private final OpenProducts products = OpenProducts.getDefault();
    private final transient OpenProducts.Listener productsListener = new OpenProducts.Listener() {
        @Override
        public void opened(OpenProduct p) {
            outline(p);
        }

        @Override
        public void closed(OpenProduct p) {
            SwingUtilities.invokeLater(() -> {
                outlines.remove(p);
                showFootprints();
            });
        }

        @Override
        public void selected(OpenProduct p) {
            SwingUtilities.invokeLater(() -> {
                map.setSelected(p);
                scheduleTrace();
            });
        }
    };
    private final transient Runnable aoiListener = () -> SwingUtilities.invokeLater(this::showCurrentAoi);
    /** The area drawn last, as WKT, or null. */
    private String drawnWkt;
    /** A dialog's "Draw…" in progress: where the area goes, and the dialog stepped aside meanwhile. */
    private AoiTargets.Target pending;
    private Window pendingDialog;
    /** Counts requests for the current area, so a slow parse does not show an older one. */
    private int aoiRequest;
    private boolean traceScheduled;

    private WorldViewWindow() {
        setName("World View");
        setToolTipText("Footprints of the open products; draw areas of interest");
        setLayout(new BorderLayout());
        JPanel tools = new JPanel();
        tools.setLayout(new javax.swing.BoxLayout(tools, javax.swing.BoxLayout.Y_AXIS));
        tools.add(row(world, zoomProducts, background));
        tools.add(row(rectangle, polygon, useAoi));
        add(tools, BorderLayout.NORTH);
        add(map, BorderLayout.CENTER);
        JPanel bottom = new JPanel(new BorderLayout(8, 0));
        status.setName("worldview.status");
        position.setName("worldview.position");
        // long messages must not widen the window (and the workspace column it shares with the Products window)
        status.setMinimumSize(new java.awt.Dimension(20, status.getPreferredSize().height));
        status.setPreferredSize(new java.awt.Dimension(20, status.getPreferredSize().height));
        status.addPropertyChangeListener("text", e -> status.setToolTipText(status.getText()));
        bottom.add(status, BorderLayout.CENTER);
        bottom.add(position, BorderLayout.EAST);
        bottom.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        bottom.setMinimumSize(new java.awt.Dimension(40, bottom.getPreferredSize().height));
        add(bottom, BorderLayout.SOUTH);

        world.addActionListener(e -> map.showWorld());
        zoomProducts.addActionListener(e -> map.zoomToFootprints());
        background.addActionListener(e -> backgroundMenu().show(background, 0, background.getHeight()));
        rectangle.addActionListener(e -> modeChosen(rectangle, WorldMapPanel.Mode.RECTANGLE));
        polygon.addActionListener(e -> modeChosen(polygon, WorldMapPanel.Mode.POLYGON));
        useAoi.addActionListener(e -> useAsAoi());
        useAoi.setEnabled(false);
        map.setStatusListener(position::setText);
        map.setProductPicker(products::select);
        map.addViewListener(this::scheduleTrace);
        map.setDrawingListener(new WorldMapPanel.DrawingListener() {
            @Override
            public void drawn(String wkt) {
                areaDrawn(wkt);
            }

            @Override
            public void cancelled() {
                drawingEnded();
                restorePendingDialog();
                status.setText("Drawing cancelled.");
            }
        });
        zoomProducts.setEnabled(false);
        products.addListener(productsListener); // before the list is read: nothing opened meanwhile is missed
        for (OpenProduct p : products.products()) outline(p);
        map.setSelected(products.selected().orElse(null));
        AoiTargets.getDefault().addListener(aoiListener);
        showCurrentAoi();
        String file = NbPreferences.forModule(WorldViewWindow.class).get(BACKGROUND_KEY, null);
        if (file == null) {
            loadWorldOutline(false);
        } else if (!file.equals(NO_BACKGROUND)) {
            loadBackground(Path.of(file), false);
        }
    }

    /** Opens (or shows) the World View below the Products window, on the event thread. */
    public static void display() {
        SwingUtilities.invokeLater(() -> instance().showWindow());
    }

    /**
     * "Draw…" of a dialog's area-of-interest field: opens the World View in rectangle mode (the
     * polygon tool may be chosen instead), steps {@code dialog} aside while the area is drawn, then
     * shows it again with the area in its field ({@code target.accept}). Esc or closing the World
     * View brings the dialog back unchanged. Callable from any thread.
     *
     * @param dialog the dialog of the field, hidden while drawing; may be null
     */
    public static void drawAoi(AoiTargets.Target target, Window dialog) {
        SwingUtilities.invokeLater(() -> instance().startDrawing(target, dialog));
    }

    private static WorldViewWindow instance() {
        if (instance == null) instance = new WorldViewWindow();
        return instance;
    }

    private void showWindow() {
        if (!isOpened()) {
            WindowManager wm = WindowManager.getDefault();
            Mode mode = wm.findMode(MODE);
            if (mode == null) mode = wm.findMode("explorer");
            if (mode != null) mode.dockInto(this);
            open();
        }
        requestVisible();
        scheduleTrace();
    }

    private void startDrawing(AoiTargets.Target target, Window dialog) {
        restorePendingDialog(); // another dialog's drawing is replaced
        showWindow();
        requestActive();
        pending = target;
        pendingDialog = dialog;
        if (dialog != null) dialog.setVisible(false);
        polygon.setSelected(false);
        rectangle.setSelected(true);
        map.setMode(WorldMapPanel.Mode.RECTANGLE);
        map.requestFocusInWindow();
        status.setText("Draw the area for " + target.label() + ": drag a rectangle, or choose Polygon. Esc cancels.");
        traceMode();
    }

    private void modeChosen(JToggleButton button, WorldMapPanel.Mode mode) {
        if (button.isSelected()) {
            (button == rectangle ? polygon : rectangle).setSelected(false);
            map.setMode(mode);
            map.requestFocusInWindow();
            status.setText(mode == WorldMapPanel.Mode.RECTANGLE ? "Drag a rectangle on the map (Esc cancels)."
                    : "Click the corners of the area; double-click the last one to close it (Esc cancels).");
        } else {
            map.cancelDrawing(); // tells the drawing listener, which brings back a dialog stepped aside
        }
        traceMode();
    }

    private void areaDrawn(String wkt) {
        try {
            AreaOfInterest.parse(wkt); // the check the dialog makes: e.g. a polygon that crosses itself
        } catch (Ai4cException e) {
            status.setText(e.getMessage() + " Draw it again.");
            WorldMapPanel.Mode again = polygon.isSelected() ? WorldMapPanel.Mode.POLYGON : WorldMapPanel.Mode.RECTANGLE;
            map.setMode(again);
            return;
        }
        drawnWkt = wkt;
        map.setDrawnAoi(LonLatRings.ofWkt(wkt));
        drawingEnded();
        if (TRACE.isLoggable(Level.FINE)) TRACE.fine("ui worldview aoi drawn " + wkt);
        if (pending != null) {
            AoiTargets.Target target = pending;
            restorePendingDialog();
            target.accept(wkt);
            status.setText("Area put into " + target.label() + ".");
        } else {
            status.setText(AoiTargets.getDefault().current().map(t -> "Use as AOI puts it into " + t.label() + ".")
                    .orElse("Open an operator dialog with an area of interest, then Use as AOI."));
        }
        useAoi.setEnabled(true);
        scheduleTrace();
    }

    private void useAsAoi() {
        if (drawnWkt == null) return;
        var target = AoiTargets.getDefault().current();
        if (target.isEmpty()) {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(drawnWkt), null);
            javax.swing.JOptionPane.showMessageDialog(this, "No operator dialog with an area of interest is open: open one "
                    + "(e.g. Raster > Geometric > Warp) and use the area again.\nThe area's WKT is on the clipboard.",
                    "Use as AOI", javax.swing.JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        target.get().accept(drawnWkt);
        status.setText("Area put into " + target.get().label() + ".");
    }

    /** Back to navigating: the mode buttons released. */
    private void drawingEnded() {
        rectangle.setSelected(false);
        polygon.setSelected(false);
        traceMode();
    }

    private void restorePendingDialog() {
        Window d = pendingDialog;
        pending = null;
        pendingDialog = null;
        if (d != null && d.isDisplayable()) {
            d.setVisible(true);
            d.toFront();
        }
    }

    /** Computes the outline of {@code p} in the background (the CRS transform may open the EPSG database). */
    private void outline(OpenProduct p) {
        WORK.post(() -> {
            ProductOutline o;
            try {
                o = ProductOutline.of(p.product());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "No footprint for " + p, e);
                o = new ProductOutline(List.of(), "its footprint could not be computed: " + e.getMessage());
            }
            ProductOutline outline = o;
            SwingUtilities.invokeLater(() -> {
                if (!products.products().contains(p)) return; // closed meanwhile
                outlines.put(p, outline);
                showFootprints();
            });
        });
    }

    private void showFootprints() {
        List<WorldMapPanel.Footprint> list = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Map.Entry<OpenProduct, ProductOutline> e : outlines.entrySet()) {
            list.add(new WorldMapPanel.Footprint(e.getKey(), e.getValue()));
            if (!e.getValue().exists()) without.add(e.getKey() + " (" + e.getValue().source() + ")");
        }
        map.setFootprints(list);
        zoomProducts.setEnabled(list.stream().anyMatch(f -> f.outline().exists()));
        if (!without.isEmpty()) status.setText("No footprint: " + String.join("; ", without));
        scheduleTrace();
    }

    /** Shows the area of interest of the dialog active last (parsed off the event thread: it may be a file). */
    private void showCurrentAoi() {
        var target = AoiTargets.getDefault().current();
        int request = ++aoiRequest;
        if (target.isEmpty() || target.get().text().isBlank()) {
            map.setCurrentAoi(List.of());
            return;
        }
        String text = target.get().text();
        WORK.post(() -> {
            List<double[]> rings;
            try {
                rings = LonLatRings.ofWkt(AreaOfInterest.parse(text).toWgs84Wkt());
            } catch (RuntimeException invalid) {
                rings = List.of(); // the dialog shows why
            }
            List<double[]> shown = rings;
            SwingUtilities.invokeLater(() -> {
                if (request == aoiRequest) map.setCurrentAoi(shown);
            });
        });
    }

    private JPopupMenu backgroundMenu() {
        JPopupMenu menu = new JPopupMenu();
        JMenuItem outline = new JMenuItem("World outline (built-in countries)");
        outline.addActionListener(e -> loadWorldOutline(true));
        JMenuItem add = new JMenuItem("From vector file (land or countries)...");
        add.addActionListener(e -> chooseBackground());
        JMenuItem remove = new JMenuItem("Remove background");
        remove.setEnabled(map.hasBackgroundLayer());
        remove.addActionListener(e -> {
            map.setBackgroundLayer(null);
            NbPreferences.forModule(WorldViewWindow.class).put(BACKGROUND_KEY, NO_BACKGROUND);
            status.setText("Background removed.");
        });
        menu.add(outline);
        menu.add(add);
        menu.add(remove);
        return menu;
    }

    /** The built-in country outline ({@link WorldOutline}) as the background, decoded in the background. */
    private void loadWorldOutline(boolean remember) {
        WORK.post(() -> {
            try {
                List<double[]> rings = WorldOutline.rings();
                SwingUtilities.invokeLater(() -> {
                    map.setBackgroundLayer(rings);
                    if (remember) NbPreferences.forModule(WorldViewWindow.class).remove(BACKGROUND_KEY);
                    status.setText("Background: world outline (" + WorldOutline.countries().size() + " countries, "
                            + "Natural Earth 1:110 m).");
                });
            } catch (RuntimeException e) {
                SwingUtilities.invokeLater(() -> status.setText("Background not shown: " + e.getMessage()));
            }
        });
    }

    private void chooseBackground() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Background layer");
        chooser.setFileFilter(new FileNameExtensionFilter("Polygon files (Shapefile, GeoJSON, GeoPackage, KML)",
                AoiText.VECTOR_EXTENSIONS.toArray(String[]::new)));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) loadBackground(chooser.getSelectedFile().toPath(), true);
    }

    /**
     * Reads a background layer with the kit's area-of-interest readers (polygons, unioned, in WGS84)
     * in the background; remembered when {@code remember}.
     */
    private void loadBackground(Path file, boolean remember) {
        status.setText("Reading the background " + file.getFileName() + "...");
        WORK.post(() -> {
            try {
                List<double[]> rings = LonLatRings.ofWkt(AoiText.fromVectorFile(file));
                SwingUtilities.invokeLater(() -> {
                    map.setBackgroundLayer(rings);
                    if (remember) NbPreferences.forModule(WorldViewWindow.class).put(BACKGROUND_KEY, file.toString());
                    status.setText("Background: " + file.getFileName() + " (" + rings.size() + " rings).");
                });
            } catch (RuntimeException e) {
                String message = e instanceof Ai4cException ? e.getMessage() : "Cannot read " + file + ": " + e;
                SwingUtilities.invokeLater(() -> {
                    status.setText("Background not shown: " + message);
                    if (!remember) return; // the remembered file at start-up: the status line says it
                    javax.swing.JOptionPane.showMessageDialog(this, "Background layer not shown: " + message
                            + "\nChoose a polygon layer, e.g. Natural Earth's land or countries (Shapefile).",
                            "World View", javax.swing.JOptionPane.WARNING_MESSAGE);
                });
            }
        });
    }

    private void scheduleTrace() {
        if (!TRACE.isLoggable(Level.FINE) || traceScheduled) return;
        traceScheduled = true;
        SwingUtilities.invokeLater(() -> {
            traceScheduled = false;
            trace();
        });
    }

    private void traceMode() {
        if (TRACE.isLoggable(Level.FINE)) TRACE.fine("ui worldview mode " + map.mode().name().toLowerCase(Locale.ROOT));
    }

    /** Logs the screen bounds of the map, buttons and footprints (see the class comment). */
    private void trace() {
        if (!map.isShowing()) return;
        Point at = map.getLocationOnScreen();
        MapView v = map.view();
        TRACE.fine("ui worldview map " + at.x + " " + at.y + " " + map.getWidth() + " " + map.getHeight());
        TRACE.fine(String.format(Locale.ROOT, "ui worldview view %.9f %.9f %.9f", v.centreLon(), v.centreLat(), v.scale()));
        for (AbstractButton b : List.of(world, zoomProducts, background, rectangle, polygon, useAoi)) {
            if (!b.isShowing()) continue;
            Point p = b.getLocationOnScreen();
            TRACE.fine("ui worldview " + b.getName() + " " + p.x + " " + p.y + " " + b.getWidth() + " " + b.getHeight()
                    + (b.isEnabled() ? " enabled" : " disabled"));
        }
        for (WorldMapPanel.Footprint f : map.footprints()) {
            Rectangle r = map.screenBounds(f);
            if (r == null) continue;
            Color c = map.colourAtCentre(f);
            TRACE.fine("ui worldview footprint " + f.product().refNo() + " " + (at.x + r.x) + " " + (at.y + r.y) + " "
                    + r.width + " " + r.height + " " + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + " "
                    + f.product().name());
        }
    }

    private static JPanel row(AbstractButton... buttons) {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEADING, 3, 1));
        for (AbstractButton b : buttons) row.add(b);
        return row;
    }

    private static JButton button(String name, String text, String tip) {
        JButton b = new JButton(text);
        style(b, name, tip);
        return b;
    }

    private static JToggleButton toggle(String name, String text, String tip) {
        JToggleButton b = new JToggleButton(text);
        style(b, name, tip);
        return b;
    }

    private static void style(AbstractButton b, String name, String tip) {
        b.setName(name);
        b.setToolTipText(tip);
        b.setMargin(new Insets(1, 5, 1, 5));
        b.setFocusable(false); // the map keeps the keyboard (Esc)
    }

    /** The map (for tests). */
    WorldMapPanel map() {
        return map;
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER; // shows the products of the session
    }

    @Override
    protected void componentShowing() {
        scheduleTrace();
    }

    @Override
    protected void componentClosed() {
        if (pending != null) {
            map.setMode(WorldMapPanel.Mode.NAVIGATE);
            drawingEnded();
            restorePendingDialog();
        }
    }

    /** Window → World View. */
    @ActionID(category = "Window", id = "eu.ai4c.desktop.world.ShowWorldView")
    @ActionRegistration(displayName = "World View")
    public static final class ShowWorldView implements ActionListener {
        @Override
        public void actionPerformed(ActionEvent e) {
            display();
        }
    }
}
