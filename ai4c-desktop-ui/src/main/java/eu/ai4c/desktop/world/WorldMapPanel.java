package eu.ai4c.desktop.world;

import eu.ai4c.desktop.products.OpenProduct;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

/**
 * The world map of the World View: the equirectangular projection of {@link MapView}, a graticule
 * labelled by the zoom ({@link MapView#graticuleStep()}), an optional background layer (land
 * polygons from a vector file), the footprints of the open products labelled {@code [n]} (the
 * selected one highlighted; one too small to see at the zoom drawn as a marker), the area of interest
 * of the active operator dialog (dashed) and the last area drawn.
 *
 * <p>Mouse: drag to pan (the right button pans in drawing modes too), wheel to zoom around the cursor,
 * double-click a footprint to select its product. Drawing ({@link #setMode}): in {@link Mode#RECTANGLE}
 * a drag draws a rectangle; in {@link Mode#POLYGON} each click adds a corner and a double-click closes
 * the polygon; Esc cancels. A finished drawing goes to the drawing listener as WGS84 WKT
 * ({@link AoiDrawing}).</p>
 *
 * <p>Needs no window (headless tests paint it into an image). Event thread only.</p>
 */
public final class WorldMapPanel extends JComponent {
    /** What a left drag or click does. */
    public enum Mode { NAVIGATE, RECTANGLE, POLYGON }

    /** An open product with its outline. */
    public record Footprint(OpenProduct product, ProductOutline outline) {
    }

    /** Listener of drawings: a finished area's WKT, or null when the drawing was cancelled. */
    public interface DrawingListener {
        void drawn(String wkt);

        void cancelled();
    }

    static final Color OUTSIDE = new Color(0xC8, 0xCC, 0xD0);
    static final Color OCEAN = new Color(0xDA, 0xE8, 0xF4);
    static final Color LAND = new Color(0xF0, 0xEC, 0xDC);
    static final Color LAND_EDGE = new Color(0x9A, 0x90, 0x78);
    static final Color GRID = new Color(0xA8, 0xB8, 0xC8);
    static final Color GRID_TEXT = new Color(0x50, 0x60, 0x70);
    static final Color FOOTPRINT = new Color(0x1E, 0x5A, 0xC8);
    static final Color SELECTED = new Color(0xE0, 0x50, 0x00);
    /** Opacity of a footprint's fill. */
    static final int FILL_ALPHA = 80;
    static final Color AOI = new Color(0xB0, 0x00, 0xB0);
    static final Color DRAWN = new Color(0xD0, 0x10, 0x10);
    /** A footprint smaller than this many pixels both ways is drawn as a marker of {@link #MARKER} px. */
    static final int TINY = 6;
    static final int MARKER = 9;
    private static final double WHEEL_STEP = 1.25;

    private MapView view = MapView.world(360, 180);
    private boolean sized;
    private List<Footprint> footprints = List.of();
    private OpenProduct selected;
    private Path2D backgroundLayer;
    private List<double[]> currentAoi = List.of();
    private List<double[]> drawnAoi = List.of();
    private Mode mode = Mode.NAVIGATE;
    /** Drawing in progress: rectangle corners or polygon vertices in lon/lat. */
    private final List<double[]> vertices = new ArrayList<>();
    private double[] rubber; // lon/lat under the mouse while drawing
    private DrawingListener drawingListener;
    private Consumer<OpenProduct> productPicker = p -> { };
    private Consumer<String> status = s -> { };
    private final List<Runnable> viewListeners = new ArrayList<>();

    public WorldMapPanel() {
        setName("worldview.map");
        setPreferredSize(new Dimension(360, 200));
        setMinimumSize(new Dimension(120, 80));
        setFocusable(true);
        setToolTipText(""); // per-position tooltips: the footprint under the mouse
        addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (getWidth() < 1 || getHeight() < 1) return;
                setView(sized ? view.resized(getWidth(), getHeight()) : MapView.world(getWidth(), getHeight()));
                sized = true;
            }
        });
        Mouse mouse = new Mouse();
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
        getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "cancelDrawing");
        getActionMap().put("cancelDrawing", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                cancelDrawing();
            }
        });
    }

    public MapView view() {
        return view;
    }

    /** Shows another part of the world (the size stays the component's). */
    public void setView(MapView v) {
        view = v;
        repaint();
        for (Runnable r : viewListeners) r.run();
    }

    /** Runs {@code r} after every change of the view (pan, zoom, resize). */
    public void addViewListener(Runnable r) {
        viewListeners.add(r);
    }

    /** The whole world. */
    public void showWorld() {
        setView(MapView.world(view.width(), view.height()));
    }

    /** Zooms to the footprints of all products (nothing happens when there is none). */
    public void zoomToFootprints() {
        List<double[]> all = new ArrayList<>();
        for (Footprint f : footprints) all.addAll(f.outline().parts());
        if (all.isEmpty()) return;
        double[] b = LonLatRings.bounds(all);
        setView(view.fitted(b[0], b[1], b[2], b[3], 24));
    }

    public void setFootprints(List<Footprint> list) {
        footprints = List.copyOf(list);
        repaint();
    }

    public List<Footprint> footprints() {
        return footprints;
    }

    public void setSelected(OpenProduct p) {
        selected = p;
        repaint();
    }

    /** The background layer's rings (lon/lat; holes drawn by the even–odd rule), or null for none. */
    public void setBackgroundLayer(List<double[]> rings) {
        if (rings == null) {
            backgroundLayer = null;
        } else {
            Path2D p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] r : rings) append(p, r);
            backgroundLayer = p;
        }
        repaint();
    }

    public boolean hasBackgroundLayer() {
        return backgroundLayer != null;
    }

    /** The area of interest of the active dialog (shown dashed); empty for none. */
    public void setCurrentAoi(List<double[]> rings) {
        currentAoi = List.copyOf(rings);
        repaint();
    }

    /** The area drawn last (shown until another is drawn); empty for none. */
    public void setDrawnAoi(List<double[]> rings) {
        drawnAoi = List.copyOf(rings);
        repaint();
    }

    public Mode mode() {
        return mode;
    }

    /** Switches the drawing mode; a drawing in progress is dropped. */
    public void setMode(Mode m) {
        mode = m;
        vertices.clear();
        rubber = null;
        setCursor(java.awt.Cursor.getPredefinedCursor(m == Mode.NAVIGATE ? java.awt.Cursor.DEFAULT_CURSOR
                : java.awt.Cursor.CROSSHAIR_CURSOR));
        repaint();
    }

    public void setDrawingListener(DrawingListener l) {
        drawingListener = l;
    }

    /** Called with the product whose footprint was double-clicked. */
    public void setProductPicker(Consumer<OpenProduct> picker) {
        productPicker = picker;
    }

    /** Receives the position under the mouse as text ({@code 12.345°E 45.678°N}). */
    public void setStatusListener(Consumer<String> s) {
        status = s;
    }

    /** The footprint under screen point (x, y), the one opened last first. */
    public Optional<Footprint> footprintAt(double x, double y) {
        double lon = view.lon(x), lat = view.lat(y);
        for (int i = footprints.size() - 1; i >= 0; i--) {
            Footprint f = footprints.get(i);
            for (double[] r : f.outline().parts()) if (LonLatRings.contains(r, lon, lat)) return Optional.of(f);
            Rectangle b = screenBounds(f);
            if (b != null && b.width < TINY && b.height < TINY && markerBounds(b).contains(x, y)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** Where a footprint lies on the map (component pixels), or null when it has no outline. */
    public Rectangle screenBounds(Footprint f) {
        if (!f.outline().exists()) return null;
        double[] b = f.outline().bounds();
        double x0 = view.x(b[0]), x1 = view.x(b[2]), y0 = view.y(b[3]), y1 = view.y(b[1]);
        int x = (int) Math.floor(x0), y = (int) Math.floor(y0);
        return new Rectangle(x, y, Math.max(1, (int) Math.ceil(x1) - x), Math.max(1, (int) Math.ceil(y1) - y));
    }

    /**
     * The colour drawn at the centre of a footprint's screen bounds: the opaque marker colour for a
     * footprint drawn as a marker, else its translucent fill (source-over) over the land colour where
     * the background layer covers that point, over the ocean colour elsewhere.
     */
    public Color colourAtCentre(Footprint f) {
        Color c = f.product().equals(selected) ? SELECTED : FOOTPRINT;
        Rectangle b = screenBounds(f);
        if (b != null && b.width < TINY && b.height < TINY) return c;
        Color under = OCEAN;
        if (backgroundLayer != null && b != null) {
            try {
                java.awt.geom.Point2D lonLat = toScreen().inverseTransform(
                        new java.awt.geom.Point2D.Double(b.getCenterX(), b.getCenterY()), null);
                if (backgroundLayer.contains(lonLat)) under = LAND;
            } catch (java.awt.geom.NoninvertibleTransformException e) {
                // a degenerate view shows no land: ocean
            }
        }
        return blend(c, FILL_ALPHA, under);
    }

    static Color blend(Color top, int alpha, Color under) {
        double a = alpha / 255.0;
        return new Color((int) Math.round(top.getRed() * a + under.getRed() * (1 - a)),
                (int) Math.round(top.getGreen() * a + under.getGreen() * (1 - a)),
                (int) Math.round(top.getBlue() * a + under.getBlue() * (1 - a)));
    }

    /** Stops a drawing in progress and tells the drawing listener. */
    public void cancelDrawing() {
        if (mode == Mode.NAVIGATE) return;
        setMode(Mode.NAVIGATE);
        if (drawingListener != null) drawingListener.cancelled();
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        return footprintAt(e.getX(), e.getY()).map(f -> f.product() + " (" + f.outline().source() + ")").orElse(null);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paintMap(g);
        } finally {
            g.dispose();
        }
    }

    /** Paints the map into {@code g} at the view's size (also used by the tests, without a screen). */
    void paintMap(Graphics2D g) {
        int w = view.width(), h = view.height();
        g.setColor(OUTSIDE);
        g.fillRect(0, 0, w, h);
        AffineTransform toScreen = toScreen();
        g.setColor(OCEAN);
        g.fill(toScreen.createTransformedShape(new Rectangle2D.Double(-180, -90, 360, 180)));
        if (backgroundLayer != null) {
            Shape land = toScreen.createTransformedShape(backgroundLayer);
            g.setColor(LAND);
            g.fill(land);
            g.setColor(LAND_EDGE);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(land);
        }
        paintGraticule(g);
        for (Footprint f : footprints) if (!f.product().equals(selected)) paintFootprint(g, f, FOOTPRINT);
        for (Footprint f : footprints) if (f.product().equals(selected)) paintFootprint(g, f, SELECTED);
        float[] dash = {6f, 4f};
        paintRings(g, currentAoi, AOI, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f), 40);
        paintRings(g, drawnAoi, DRAWN, new BasicStroke(1.5f), 30);
        paintDrawing(g);
    }

    private void paintGraticule(Graphics2D g) {
        double step = view.graticuleStep();
        double west = Math.max(-180, view.lon(0)), east = Math.min(180, view.lon(view.width()));
        double south = Math.max(-90, view.lat(view.height())), north = Math.min(90, view.lat(0));
        g.setStroke(new BasicStroke(1f));
        Font font = getFont() != null ? getFont().deriveFont(10f) : new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double yTop = view.y(north), yBottom = view.y(south), xLeft = view.x(west), xRight = view.x(east);
        int labelBand = (int) Math.max(yTop, 0) + fm.getAscent() + fm.getDescent() + 2; // meridian labels above
        int free = Integer.MIN_VALUE; // labels that would overlap the previous one are left out
        for (long i = (long) Math.ceil(west / step - 1e-9); i * step <= east + 1e-9; i++) {
            double lon = i * step;
            int x = (int) Math.round(view.x(lon));
            g.setColor(GRID);
            g.drawLine(x, (int) Math.round(yTop), x, (int) Math.round(yBottom));
            String text = MapView.label(lon, true, step);
            if (x + 2 < free) continue;
            g.setColor(GRID_TEXT);
            g.drawString(text, x + 2, (int) Math.max(yTop, 0) + fm.getAscent() + 1);
            free = x + 2 + fm.stringWidth(text) + 6;
        }
        free = labelBand;
        for (long i = (long) Math.floor(north / step + 1e-9); i * step >= south - 1e-9; i--) { // top to bottom
            double lat = i * step;
            int y = (int) Math.round(view.y(lat));
            g.setColor(GRID);
            g.drawLine((int) Math.round(xLeft), y, (int) Math.round(xRight), y);
            int top = y - 2 - fm.getAscent();
            if (top < free) continue;
            g.setColor(GRID_TEXT);
            g.drawString(MapView.label(lat, false, step), (int) Math.max(xLeft, 0) + 2, y - 2);
            free = y + 2;
        }
    }

    private void paintFootprint(Graphics2D g, Footprint f, Color colour) {
        Rectangle b = screenBounds(f);
        if (b == null) return;
        if (b.width < TINY && b.height < TINY) {
            Rectangle m = markerBounds(b);
            g.setColor(colour);
            g.fill(m);
            g.setColor(colour.darker());
            g.setStroke(new BasicStroke(1f));
            g.draw(m);
            label(g, f, colour, m);
            return;
        }
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (double[] r : f.outline().parts()) append(path, r);
        Shape s = toScreen().createTransformedShape(path);
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), FILL_ALPHA));
        g.fill(s);
        g.setColor(colour);
        g.setStroke(new BasicStroke(colour == SELECTED ? 2.5f : 1.5f));
        g.draw(s);
        label(g, f, colour, b);
    }

    /** {@code [n]} above the footprint's top-right corner (inside the map), off the footprint's centre. */
    private void label(Graphics2D g, Footprint f, Color colour, Rectangle b) {
        String text = "[" + f.product().refNo() + "]";
        Font font = getFont() != null ? getFont().deriveFont(Font.BOLD, 11f) : new Font(Font.SANS_SERIF, Font.BOLD, 11);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int x = Math.min(b.x + b.width + 2, view.width() - fm.stringWidth(text) - 2);
        int y = Math.max(b.y - 2, fm.getAscent() + 1);
        g.setColor(new Color(255, 255, 255, 170));
        g.fillRect(x - 1, y - fm.getAscent(), fm.stringWidth(text) + 2, fm.getAscent() + fm.getDescent());
        g.setColor(colour.darker());
        g.drawString(text, x, y);
    }

    private static Rectangle markerBounds(Rectangle b) {
        int cx = b.x + b.width / 2, cy = b.y + b.height / 2;
        return new Rectangle(cx - MARKER / 2, cy - MARKER / 2, MARKER, MARKER);
    }

    private void paintRings(Graphics2D g, List<double[]> rings, Color colour, BasicStroke stroke, int fillAlpha) {
        if (rings.isEmpty()) return;
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (double[] r : rings) append(path, r);
        Shape s = toScreen().createTransformedShape(path);
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), fillAlpha));
        g.fill(s);
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(s);
    }

    private void paintDrawing(Graphics2D g) {
        if (mode == Mode.NAVIGATE || vertices.isEmpty()) return;
        g.setColor(DRAWN);
        g.setStroke(new BasicStroke(1.5f));
        if (mode == Mode.RECTANGLE) {
            if (rubber == null) return;
            double x0 = view.x(vertices.get(0)[0]), y0 = view.y(vertices.get(0)[1]);
            double x1 = view.x(rubber[0]), y1 = view.y(rubber[1]);
            g.draw(new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)));
            return;
        }
        Path2D p = new Path2D.Double();
        p.moveTo(view.x(vertices.get(0)[0]), view.y(vertices.get(0)[1]));
        for (double[] v : vertices.subList(1, vertices.size())) p.lineTo(view.x(v[0]), view.y(v[1]));
        if (rubber != null) p.lineTo(view.x(rubber[0]), view.y(rubber[1]));
        g.draw(p);
        for (double[] v : vertices) g.fillRect((int) view.x(v[0]) - 2, (int) view.y(v[1]) - 2, 5, 5);
    }

    /** lon/lat → component pixels: x = w/2 + (lon − c)·s, y = h/2 − (lat − c)·s. */
    private AffineTransform toScreen() {
        AffineTransform at = new AffineTransform();
        at.translate(view.width() / 2.0 - view.centreLon() * view.scale(), view.height() / 2.0 + view.centreLat() * view.scale());
        at.scale(view.scale(), -view.scale());
        return at;
    }

    private static void append(Path2D p, double[] ring) {
        if (ring.length < 6) return;
        p.moveTo(ring[0], ring[1]);
        for (int i = 2; i + 1 < ring.length; i += 2) p.lineTo(ring[i], ring[i + 1]);
        p.closePath();
    }

    private void finish(Optional<String> wkt) {
        setMode(Mode.NAVIGATE);
        if (wkt.isEmpty()) {
            status.accept("The area drawn has no extent at this zoom: draw it larger.");
            if (drawingListener != null) drawingListener.cancelled();
            return;
        }
        if (drawingListener != null) drawingListener.drawn(wkt.get());
    }

    private final class Mouse extends MouseAdapter {
        private java.awt.Point panFrom;

        @Override
        public void mousePressed(MouseEvent e) {
            requestFocusInWindow();
            boolean left = SwingUtilities.isLeftMouseButton(e);
            if (left && mode == Mode.RECTANGLE) {
                vertices.clear();
                vertices.add(new double[] {view.lon(e.getX()), view.lat(e.getY())});
                rubber = vertices.get(0).clone();
            } else if (!left || mode == Mode.NAVIGATE) {
                panFrom = e.getPoint();
            }
        }

        @Override
        public void mouseDragged(MouseEvent e) {
            if (panFrom != null) {
                setView(view.panned(e.getX() - panFrom.x, e.getY() - panFrom.y));
                panFrom = e.getPoint();
            } else if (mode == Mode.RECTANGLE && !vertices.isEmpty()) {
                rubber = new double[] {view.lon(e.getX()), view.lat(e.getY())};
                repaint();
            }
            showPosition(e);
        }

        @Override
        public void mouseReleased(MouseEvent e) {
            if (panFrom != null) {
                panFrom = null;
                return;
            }
            if (mode == Mode.RECTANGLE && !vertices.isEmpty() && SwingUtilities.isLeftMouseButton(e)) {
                double[] a = vertices.get(0);
                if (Math.abs(view.x(a[0]) - e.getX()) < 3 && Math.abs(view.y(a[1]) - e.getY()) < 3) {
                    vertices.clear(); // a click, not a drag: keep waiting for the rectangle
                    rubber = null;
                    repaint();
                    return;
                }
                finish(AoiDrawing.rectangle(view, view.x(a[0]), view.y(a[1]), e.getX(), e.getY()));
            }
        }

        @Override
        public void mouseClicked(MouseEvent e) {
            if (!SwingUtilities.isLeftMouseButton(e)) return;
            if (mode == Mode.POLYGON) {
                vertices.add(new double[] {view.lon(e.getX()), view.lat(e.getY())});
                if (e.getClickCount() >= 2) {
                    double[] xy = new double[2 * vertices.size()];
                    for (int i = 0; i < vertices.size(); i++) {
                        xy[2 * i] = view.x(vertices.get(i)[0]);
                        xy[2 * i + 1] = view.y(vertices.get(i)[1]);
                    }
                    finish(AoiDrawing.polygon(view, xy));
                }
                repaint();
            } else if (mode == Mode.NAVIGATE && e.getClickCount() == 2) {
                footprintAt(e.getX(), e.getY()).ifPresent(f -> productPicker.accept(f.product()));
            }
        }

        @Override
        public void mouseMoved(MouseEvent e) {
            if (mode == Mode.POLYGON && !vertices.isEmpty()) {
                rubber = new double[] {view.lon(e.getX()), view.lat(e.getY())};
                repaint();
            }
            showPosition(e);
        }

        @Override
        public void mouseWheelMoved(MouseWheelEvent e) {
            setView(view.zoomAt(e.getX(), e.getY(), Math.pow(WHEEL_STEP, -e.getPreciseWheelRotation())));
        }

        private void showPosition(MouseEvent e) {
            double lon = view.lon(e.getX()), lat = view.lat(e.getY());
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                status.accept(" ");
                return;
            }
            int d = AoiDrawing.decimals(view.scale());
            status.accept(MapView.label(lon, true, Math.pow(10, -d)) + "  " + MapView.label(lat, false, Math.pow(10, -d)));
        }
    }
}
