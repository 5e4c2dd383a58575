package eu.ai4c.aq.ui;

import eu.ai4c.kit.render.ArgbKernels;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.kit.render.Stretch;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * One gridded field drawn through the viridis ramp over a fixed value range, with a title above
 * and a horizontal colour bar below it: the ramp, the range's ends and middle as tick labels, and
 * the units. Cells are square on screen, the image scaled to fit without smoothing (each cell
 * stays one colour); no-data cells show the background. The value under the mouse is the tooltip.
 * Swing component: use on the event thread.
 */
public final class FieldView extends JComponent {
    static final int BAR_HEIGHT = 14;
    private static final int MARGIN = 6;
    private static final int[] RAMP = ColourRamp.VIRIDIS.table();

    private String title = "";
    private String units = "";
    private float[] field;
    private int width;
    private int height;
    private double low;
    private double high = 1;
    private BufferedImage image;
    /** Where the field was last drawn: x, y, cell size (pixels); for tooltips. */
    private double[] drawn;
    /** The marked cell {row, col} (the point of the time series), or null. */
    private int[] marked;
    private java.util.function.BiConsumer<Integer, Integer> onCell;

    public FieldView() {
        setPreferredSize(new Dimension(360, 360));
        setToolTipText("");
        setOpaque(true);
        setBackground(Color.WHITE);
        addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                int[] rc = cellAt(e.getX(), e.getY());
                if (rc != null && onCell != null) onCell.accept(rc[0], rc[1]);
            }
        });
    }

    /** Called with (row, column) when a cell of the field is clicked. */
    public void onCellClicked(java.util.function.BiConsumer<Integer, Integer> listener) {
        this.onCell = listener;
    }

    /** The cell {row, col} drawn at component pixel (x, y), or null outside the field. */
    public int[] cellAt(int x, int y) {
        if (field == null || drawn == null) return null;
        int c = (int) Math.floor((x - drawn[0]) / drawn[2]);
        int r = (int) Math.floor((y - drawn[1]) / drawn[2]);
        if (c < 0 || r < 0 || c >= width || r >= height) return null;
        return new int[] {r, c};
    }

    /** The component pixel at the centre of cell (row, col) as last drawn, or null before painting. */
    public java.awt.Point centreOf(int row, int col) {
        if (drawn == null) return null;
        return new java.awt.Point((int) (drawn[0] + (col + 0.5) * drawn[2]), (int) (drawn[1] + (row + 0.5) * drawn[2]));
    }

    /** Outlines cell (row, col) (null: none), the point whose time series is shown. */
    public void mark(int[] rowCol) {
        this.marked = rowCol == null ? null : rowCol.clone();
        repaint();
    }

    /**
     * Shows {@code field} ({@code width × height}, rows north to south; NaN = no data) coloured
     * over {@code [low, high]}.
     */
    public void show(String title, float[] field, int width, int height, double low, double high, String units) {
        if (field.length != (long) width * height) {
            throw new IllegalArgumentException(field.length + " values for " + width + " × " + height);
        }
        this.title = title;
        this.field = field;
        this.width = width;
        this.height = height;
        this.low = low;
        // a constant field still needs a range to map onto the ramp
        this.high = high > low ? high : low + 1e-6;
        this.units = units;
        int[] argb = new int[field.length];
        ArgbKernels.ramp(field, new Stretch(this.low, this.high), RAMP, argb);
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        repaint();
    }

    /** Shows a message instead of a field (e.g. "no spread in this file"). */
    public void clear(String title) {
        this.title = title;
        this.field = null;
        this.image = null;
        repaint();
    }

    /** The field shown, or null. */
    public float[] field() {
        return field;
    }

    /** The image of the field (one pixel per cell), or null. */
    public BufferedImage image() {
        return image;
    }

    public String title() {
        return title;
    }

    /** {low, high} of the colour bar. */
    public double[] range() {
        return new double[] {low, high};
    }

    public String units() {
        return units;
    }

    /** The colour bar's tick labels, low to high, as drawn (the last one with the units). */
    public String[] tickLabels() {
        double mid = (low + high) / 2;
        return new String[] {format(low), format(mid), format(high) + " " + units};
    }

    static String format(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 || a == 0 ? "%.0f" : a >= 1 ? "%.1f" : "%.3f", v);
    }

    @Override
    public String getToolTipText(java.awt.event.MouseEvent e) {
        int[] rc = cellAt(e.getX(), e.getY());
        if (rc == null) return null;
        float v = field[rc[0] * width + rc[1]];
        return Float.isNaN(v) ? "no data" : format(v) + " " + units;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setColor(getBackground());
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            FontMetrics fm = g.getFontMetrics();
            g.setColor(Color.BLACK);
            int y = MARGIN + fm.getAscent();
            g.drawString(title, MARGIN, y);
            if (image == null) return;
            int top = y + MARGIN;
            int bottomSpace = BAR_HEIGHT + fm.getHeight() + 3 * MARGIN;
            int availW = getWidth() - 2 * MARGIN;
            int availH = getHeight() - top - bottomSpace;
            if (availW <= 0 || availH <= 0) return;
            double cell = Math.min(availW / (double) width, availH / (double) height);
            int w = (int) Math.round(cell * width);
            int h = (int) Math.round(cell * height);
            int x0 = MARGIN + (availW - w) / 2;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, x0, top, w, h, null);
            drawn = new double[] {x0, top, cell};
            if (marked != null) {
                // a white-and-black ring, visible on every ramp colour, at least 7 px across
                int cx = (int) Math.round(x0 + (marked[1] + 0.5) * cell);
                int cy = (int) Math.round(top + (marked[0] + 0.5) * cell);
                int rad = (int) Math.max(4, Math.ceil(cell / 2) + 1);
                g.setStroke(new java.awt.BasicStroke(3f));
                g.setColor(Color.WHITE);
                g.drawOval(cx - rad, cy - rad, 2 * rad, 2 * rad);
                g.setStroke(new java.awt.BasicStroke(1f));
                g.setColor(Color.BLACK);
                g.drawOval(cx - rad, cy - rad, 2 * rad, 2 * rad);
            }
            paintBar(g, fm, x0, top + h + MARGIN, w);
        } finally {
            g.dispose();
        }
    }

    private void paintBar(Graphics2D g, FontMetrics fm, int x0, int y0, int w) {
        for (int i = 0; i < w; i++) {
            g.setColor(new Color(RAMP[(int) Math.round(i * (RAMP.length - 1) / (double) Math.max(1, w - 1))], true));
            g.drawLine(x0 + i, y0, x0 + i, y0 + BAR_HEIGHT);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x0, y0, w - 1, BAR_HEIGHT);
        String[] ticks = tickLabels();
        int ty = y0 + BAR_HEIGHT + fm.getAscent() + 2;
        g.drawString(ticks[0], x0, ty);
        g.drawString(ticks[1], x0 + (w - fm.stringWidth(ticks[1])) / 2, ty);
        g.drawString(ticks[2], x0 + w - fm.stringWidth(ticks[2]), ty);
    }
}
