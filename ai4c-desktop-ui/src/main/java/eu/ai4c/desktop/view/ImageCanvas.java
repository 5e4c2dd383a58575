package eu.ai4c.desktop.view;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JComponent;

/**
 * Paints a quick-look image on a black background (so transparent no-data pixels show black),
 * fitted to the component with its aspect kept, then zoomed and panned: the mouse wheel zooms
 * around the cursor (×1.25 per notch, from fit to 64 × fit), dragging pans, a double-click goes
 * back to fit. The view is {@code (zoom, cx, cy)}: zoom relative to fit and the image point at the
 * component centre as fractions of the image's width and height, so two images of the same area
 * with different sizes can share a view ({@link #linkViews}). Converts component positions back to
 * image positions for the pixel readout. A detail image (the visible part of a large scene read at
 * screen resolution, see {@link QuickLookPanel}) may be drawn over its area of the image. Swing
 * component; use on the EDT.
 */
final class ImageCanvas extends JComponent {
    static final double MAX_ZOOM = 64;
    private static final double WHEEL_STEP = 1.25;

    /** Told of every change of the view (zoom or pan) made on this canvas. */
    interface ViewListener {
        void viewChanged(double zoom, double cx, double cy);
    }

    private final List<ViewListener> listeners = new CopyOnWriteArrayList<>();
    private BufferedImage image;
    /** A sharper image of part of {@link #image} (a zoomed view's detail) and where it lies, in image pixels. */
    private BufferedImage detail;
    private java.awt.geom.Rectangle2D detailArea;
    private double zoom = 1;
    private double cx = 0.5;
    private double cy = 0.5;
    private boolean notifying;

    ImageCanvas() {
        setOpaque(true);
        setBackground(Color.BLACK);
        MouseAdapter m = new MouseAdapter() {
            private int lastX;
            private int lastY;

            @Override
            public void mousePressed(MouseEvent e) {
                lastX = e.getX();
                lastY = e.getY();
                if (rectangleListener != null) {
                    double[] at = clampedImagePosition(e.getX(), e.getY());
                    dragStart = at;
                    drawn = null;
                }
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (rectangleListener != null) {
                    if (dragStart != null) {
                        drawn = between(dragStart, clampedImagePosition(e.getX(), e.getY()));
                        repaint();
                    }
                    return;
                }
                pan(e.getX() - lastX, e.getY() - lastY);
                lastX = e.getX();
                lastY = e.getY();
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                if (rectangleListener == null || dragStart == null) return;
                drawn = between(dragStart, clampedImagePosition(e.getX(), e.getY()));
                dragStart = null;
                repaint();
                if (drawn != null && drawn.getWidth() > 0 && drawn.getHeight() > 0) rectangleListener.accept(drawn);
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) setView(1, 0.5, 0.5, true);
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                zoomAt(e.getX(), e.getY(), Math.pow(WHEEL_STEP, -e.getPreciseWheelRotation()));
            }
        };
        addMouseListener(m);
        addMouseMotionListener(m);
        addMouseWheelListener(m);
    }

    /** Sets the image; any detail of the previous one goes. */
    /**
     * While {@code listener} is set, dragging draws a rectangle on the image (instead of panning),
     * which stays drawn dashed; on release the listener gets it in image pixels (clipped to the
     * image). Null ends drawing and removes the rectangle.
     */
    void drawRectangles(java.util.function.Consumer<java.awt.geom.Rectangle2D> listener) {
        rectangleListener = listener;
        dragStart = null;
        if (listener == null) drawn = null;
        repaint();
    }

    /** The rectangle drawn last, in image pixels, or null. */
    java.awt.geom.Rectangle2D drawnRectangle() {
        return drawn == null ? null : (java.awt.geom.Rectangle2D) drawn.clone();
    }

    private java.util.function.Consumer<java.awt.geom.Rectangle2D> rectangleListener;
    private double[] dragStart;
    private java.awt.geom.Rectangle2D drawn;

    /** The image position under (px, py), clamped to the image; null without an image. */
    private double[] clampedImagePosition(int px, int py) {
        if (image == null) return null;
        double[] p = placement();
        return new double[] {Math.max(0, Math.min(image.getWidth(), (px - p[0]) / p[2])),
                Math.max(0, Math.min(image.getHeight(), (py - p[1]) / p[2]))};
    }

    private static java.awt.geom.Rectangle2D between(double[] a, double[] b) {
        if (a == null || b == null) return null;
        return new java.awt.geom.Rectangle2D.Double(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(a[0] - b[0]),
                Math.abs(a[1] - b[1]));
    }

    void setImage(BufferedImage image) {
        this.image = image;
        this.detail = null;
        this.detailArea = null;
        repaint();
    }

    /**
     * Draws {@code detail} over the area {@code area} of the image (in image pixels, fractional):
     * the same scene at a finer sampling, shown until the image or the detail is replaced.
     */
    void setDetail(BufferedImage detail, java.awt.geom.Rectangle2D area) {
        this.detail = detail;
        this.detailArea = detail == null ? null : (java.awt.geom.Rectangle2D) area.clone();
        repaint();
    }

    /** The detail image shown, or null. */
    BufferedImage detail() {
        return detail;
    }

    /** Where the detail lies in image pixels, or null. */
    java.awt.geom.Rectangle2D detailArea() {
        return detailArea == null ? null : (java.awt.geom.Rectangle2D) detailArea.clone();
    }

    /** Component pixels per image pixel in the current view (0 without an image or size). */
    double scale() {
        return image == null || getWidth() <= 0 || getHeight() <= 0 ? 0 : placement()[2];
    }

    /** The part of the image inside the component, in image pixels (empty without an image). */
    java.awt.geom.Rectangle2D visibleArea() {
        if (image == null || getWidth() <= 0 || getHeight() <= 0) return new java.awt.geom.Rectangle2D.Double();
        double[] p = placement();
        double x0 = Math.max(0, -p[0] / p[2]), y0 = Math.max(0, -p[1] / p[2]);
        double x1 = Math.min(image.getWidth(), (getWidth() - p[0]) / p[2]);
        double y1 = Math.min(image.getHeight(), (getHeight() - p[1]) / p[2]);
        return new java.awt.geom.Rectangle2D.Double(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    BufferedImage image() {
        return image;
    }

    void addViewListener(ViewListener l) {
        listeners.add(l);
    }

    private final List<Runnable> viewHooks = new CopyOnWriteArrayList<>();

    /** Runs {@code hook} after every change of the view, also one a linked canvas made (unlike view listeners). */
    void addViewHook(Runnable hook) {
        viewHooks.add(hook);
    }

    /** The view {zoom, cx, cy}. */
    double[] view() {
        return new double[] {zoom, cx, cy};
    }

    /** Sets the view (clamped: zoom 1–{@value #MAX_ZOOM}, centre inside the image); listeners are told when {@code notify}. */
    void setView(double newZoom, double newCx, double newCy, boolean notify) {
        zoom = Math.max(1, Math.min(MAX_ZOOM, newZoom));
        cx = Math.max(0, Math.min(1, newCx));
        cy = Math.max(0, Math.min(1, newCy));
        repaint();
        for (Runnable h : viewHooks) h.run();
        if (notify && !notifying) {
            notifying = true;
            try {
                for (ViewListener l : listeners) l.viewChanged(zoom, cx, cy);
            } finally {
                notifying = false;
            }
        }
    }

    /** Zooms by {@code factor} keeping the image point under component point (px, py) where it is. */
    void zoomAt(int px, int py, double factor) {
        if (image == null) return;
        double[] before = placement();
        double ix = (px - before[0]) / before[2];
        double iy = (py - before[1]) / before[2];
        double z = Math.max(1, Math.min(MAX_ZOOM, zoom * factor));
        double s = fit() * z;
        // the centre that puts image point (ix, iy) at (px, py) at scale s
        double ncx = (ix - (px - getWidth() / 2.0) / s) / image.getWidth();
        double ncy = (iy - (py - getHeight() / 2.0) / s) / image.getHeight();
        setView(z, ncx, ncy, true);
    }

    /** Moves the image by (dx, dy) component pixels. */
    void pan(int dx, int dy) {
        if (image == null) return;
        double s = fit() * zoom;
        setView(zoom, cx - dx / s / image.getWidth(), cy - dy / s / image.getHeight(), true);
    }

    /** Scale at zoom 1: the image fits the component. */
    private double fit() {
        return Math.min(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight());
    }

    /** {x, y, scale} of the drawn image in component pixels. */
    private double[] placement() {
        double s = fit() * zoom;
        return new double[] {getWidth() / 2.0 - cx * image.getWidth() * s, getHeight() / 2.0 - cy * image.getHeight() * s, s};
    }

    /** Where the image is drawn, in component pixels (as {@link #paintComponent} rounds it), or null without an image. */
    java.awt.Rectangle drawnBounds() {
        if (image == null) return null;
        double[] p = placement();
        return new java.awt.Rectangle((int) Math.round(p[0]), (int) Math.round(p[1]), (int) Math.round(image.getWidth() * p[2]),
                (int) Math.round(image.getHeight() * p[2]));
    }

    /** Image position {x, y} (fractional image pixels) under component point (px, py), or null outside the image. */
    double[] imagePosition(int px, int py) {
        if (image == null) return null;
        double[] p = placement();
        double x = (px - p[0]) / p[2], y = (py - p[1]) / p[2];
        if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) return null;
        return new double[] {x, y};
    }

    /**
     * Links the views of two canvases both ways: zooming or panning one shows the same part (as
     * fractions of the image) in the other. Returns the link; {@link Runnable#run} undoes it.
     */
    static Runnable linkViews(ImageCanvas a, ImageCanvas b) {
        boolean[] on = {true};
        a.addViewListener((z, x, y) -> {
            if (on[0]) b.setView(z, x, y, false);
        });
        b.addViewListener((z, x, y) -> {
            if (on[0]) a.setView(z, x, y, false);
        });
        b.setView(a.zoom, a.cx, a.cy, false);
        return () -> on[0] = false;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setColor(getBackground());
        g.fillRect(0, 0, getWidth(), getHeight());
        if (image != null) {
            double[] p = placement();
            // nearest when enlarging (pixels stay crisp), bilinear when reducing
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, p[2] >= 1
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, (int) Math.round(p[0]), (int) Math.round(p[1]), (int) Math.round(image.getWidth() * p[2]),
                    (int) Math.round(image.getHeight() * p[2]), null);
            if (detail != null) {
                double dx = p[0] + detailArea.getX() * p[2], dy = p[1] + detailArea.getY() * p[2];
                double dw = detailArea.getWidth() * p[2], dh = detailArea.getHeight() * p[2];
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, dw >= detail.getWidth()
                        ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(detail, (int) Math.round(dx), (int) Math.round(dy), (int) Math.round(dx + dw) - (int) Math.round(dx),
                        (int) Math.round(dy + dh) - (int) Math.round(dy), null);
            }
            if (drawn != null) {
                java.awt.Shape r = new java.awt.geom.Rectangle2D.Double(p[0] + drawn.getX() * p[2], p[1] + drawn.getY() * p[2],
                        drawn.getWidth() * p[2], drawn.getHeight() * p[2]);
                g.setColor(new Color(255, 220, 0));
                g.setStroke(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
                g.draw(r);
            }
        }
        g.dispose();
    }
}
