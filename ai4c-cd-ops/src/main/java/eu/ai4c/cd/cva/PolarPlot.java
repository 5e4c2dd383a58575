package eu.ai4c.cd.cva;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The polar plot of change vectors, as the CVA literature draws it: each sampled pixel at polar
 * angle = its angle to the reference vector (0…180°) and radius = its change magnitude on a
 * logarithmic scale (radius ∝ log(1 + magnitude / threshold), so that the no-change disc and
 * changes hundreds of times the threshold both stay readable), drawn as a
 * density (darker where more pixels fall) in the colour of its class; the no-change disc inside
 * the threshold circle and, outside it, the sector of each class (where k-means assigns a vector)
 * as a light tint, so the plot explains the class map. Axes carry angle ticks every 30°, the
 * threshold and outer magnitudes, and a legend gives each class's centre and pixel count.
 * Collecting ({@link #add}) is thread-safe; rendering happens once at the end.
 */
final class PolarPlot {
    static final int RADIUS = 300;
    private static final int MARGIN = 40;
    private static final int LEGEND_LINE = 18;
    private final CvaModel model;
    private final double threshold;
    private final double logOuter;
    private final double thresholdRadius;
    private final int size = 2 * RADIUS + 1;
    /** Per plot cell: number of pixels, and the class of the last one (cells are too small to mix classes visibly). */
    private final int[] count = new int[size * (RADIUS + 1)];
    private final byte[] cellClass = new byte[size * (RADIUS + 1)];

    /** A plot whose outer circle is twice the largest class centre magnitude, at least four times the threshold. */
    PolarPlot(CvaModel model) {
        this.model = model;
        double maxMag = 0;
        if (model.classes() != null) {
            for (double m : model.classes().centreMagnitudes()) maxMag = Math.max(maxMag, 2 * m);
        }
        this.threshold = Math.max(Math.sqrt(model.threshold()), 1e-9);
        this.logOuter = Math.log1p(Math.max(maxMag, 4 * threshold) / threshold);
        this.thresholdRadius = radius(threshold);
    }

    /** The magnitude at the outer circle. */
    double outerMagnitude() {
        return threshold * Math.expm1(logOuter);
    }

    /** The plot radius (pixels) of a magnitude: {@code RADIUS·log(1 + m/t)/log(1 + outer/t)}, at most RADIUS. */
    double radius(double magnitude) {
        return Math.min(RADIUS, RADIUS * Math.log1p(Math.max(0, magnitude) / threshold) / logOuter);
    }

    /** The magnitude at a plot radius (inverse of {@link #radius}). */
    private double magnitude(double radius) {
        return threshold * Math.expm1(radius / RADIUS * logOuter);
    }

    /** Adds one pixel's change vector (class as {@link CvaModel#classOf}: 0 no change, 1…N). */
    void add(float magnitude, float angle, int cls) {
        double r = radius(magnitude), th = Math.toRadians(angle);
        int px = (int) Math.round(RADIUS + r * Math.cos(th));
        int py = (int) Math.round(RADIUS - r * Math.sin(th));
        if (px < 0 || px >= size || py < 0 || py > RADIUS) return;
        int cell = py * size + px;
        synchronized (count) {
            count[cell]++;
            cellClass[cell] = (byte) cls;
        }
    }

    /** The plot image, with a legend of {@code counts} ({@code [0]} no change, {@code [1..k]} classes). */
    BufferedImage render(long[] counts) {
        int k = model.classes() == null ? 0 : model.classes().classCount();
        int width = size + 2 * MARGIN, plotHeight = RADIUS + 1 + 2 * MARGIN;
        BufferedImage img = new BufferedImage(width, plotHeight + (k + 2) * LEGEND_LINE + 8, BufferedImage.TYPE_INT_RGB);
        // sectors: the class of every vector the cell stands for, as a light tint
        for (int py = 0; py <= RADIUS; py++) {
            for (int px = 0; px < size; px++) {
                double dx = px - RADIUS, dy = RADIUS - py, r = Math.hypot(dx, dy);
                int rgb = 0xFFFFFF;
                if (r <= RADIUS) {
                    float mag = (float) magnitude(r), ang = (float) Math.toDegrees(Math.atan2(dy, dx));
                    int cls = model.classOf(mag, ang);
                    rgb = blend(cls == 0 ? 0xBBBBBB : ClassPalette.rgb(cls), 0xFFFFFF, 0.18);
                }
                img.setRGB(px + MARGIN, py + MARGIN, rgb);
            }
        }
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                if (x < MARGIN || x >= MARGIN + size || y < MARGIN || y > MARGIN + RADIUS) img.setRGB(x, y, 0xFFFFFF);
            }
        }
        // density: log of the count, from a light to the full colour of the cell's class, each cell
        // drawn 3×3 (the strongest wins) so that a tight cluster of pixels stays visible
        int max = 1;
        for (int c : count) max = Math.max(max, c);
        double logMax = Math.log1p(max);
        double[] strength = new double[count.length];
        int[] shownClass = new int[count.length];
        for (int py = 0; py <= RADIUS; py++) {
            for (int px = 0; px < size; px++) {
                int n = count[py * size + px];
                if (n == 0) continue;
                double s = 0.35 + 0.65 * Math.log1p(n) / logMax;
                for (int qy = Math.max(0, py - 1); qy <= Math.min(RADIUS, py + 1); qy++) {
                    for (int qx = Math.max(0, px - 1); qx <= Math.min(size - 1, px + 1); qx++) {
                        int q = qy * size + qx;
                        if (s > strength[q]) {
                            strength[q] = s;
                            shownClass[q] = cellClass[py * size + px];
                        }
                    }
                }
            }
        }
        for (int q = 0; q < count.length; q++) {
            if (strength[q] == 0) continue;
            int cls = shownClass[q];
            img.setRGB(q % size + MARGIN, q / size + MARGIN, blend(cls == 0 ? 0x555555 : ClassPalette.rgb(cls), 0xFFFFFF, strength[q]));
        }
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            double cx = MARGIN + RADIUS, cy = MARGIN + RADIUS;
            g.setColor(new Color(0x666666));
            g.setStroke(new BasicStroke(1f));
            g.draw(new Arc2D.Double(cx - RADIUS, cy - RADIUS, 2 * RADIUS, 2 * RADIUS, 0, 180, Arc2D.OPEN));
            g.draw(new Line2D.Double(cx - RADIUS, cy, cx + RADIUS, cy));
            for (int a = 0; a <= 180; a += 30) {
                double th = Math.toRadians(a);
                double x1 = cx + RADIUS * Math.cos(th), y1 = cy - RADIUS * Math.sin(th);
                g.draw(new Line2D.Double(x1, y1, cx + (RADIUS + 6) * Math.cos(th), cy - (RADIUS + 6) * Math.sin(th)));
                String label = a + "°";
                int tw = g.getFontMetrics().stringWidth(label);
                g.drawString(label, (float) (cx + (RADIUS + 18) * Math.cos(th) - tw / 2.0),
                        (float) (cy - (RADIUS + 14) * Math.sin(th) + 4));
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            g.draw(new Arc2D.Double(cx - thresholdRadius, cy - thresholdRadius, 2 * thresholdRadius, 2 * thresholdRadius,
                    0, 180, Arc2D.OPEN));
            g.drawString(String.format(Locale.ROOT, "threshold %.2f", Math.sqrt(model.threshold())),
                    (float) (cx + thresholdRadius + 3), (float) cy + 13);
            g.setColor(new Color(0x666666));
            g.setStroke(new BasicStroke(1f));
            for (double m = 10 * threshold; m < outerMagnitude(); m *= 10) {
                // magnitude ticks at 10, 100, … times the threshold along the 0° axis
                double r = radius(m);
                g.draw(new Line2D.Double(cx + r, cy, cx + r, cy + 5));
                g.drawString(String.format(Locale.ROOT, "%.3g", m), (float) (cx + r - 10), (float) cy + 26);
            }
            g.drawString(String.format(Locale.ROOT, "%.3g", outerMagnitude()), (float) (cx + RADIUS - 14), (float) cy + 13);
            g.setColor(Color.BLACK);
            g.drawString("change magnitude (radius, logarithmic) and angle to the reference vector", MARGIN, 14);
            int y = MARGIN + RADIUS + MARGIN;
            legend(g, y, 0xBBBBBB, String.format(Locale.ROOT, "no change: %,d px (magnitude ≤ threshold)", counts[0]));
            for (int c = 1; c <= k; c++) {
                legend(g, y + c * LEGEND_LINE, ClassPalette.rgb(c), String.format(Locale.ROOT,
                        "class %d: %,d px, centre magnitude %.2f, angle %.1f°", c, counts[c],
                        model.classes().centreMagnitudes()[c - 1], model.classes().centreAngles()[c - 1]));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void legend(Graphics2D g, int y, int rgb, String text) {
        g.setColor(new Color(rgb));
        g.fillRect(MARGIN, y, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString(text, MARGIN + 18, y + 11);
    }

    /** {@code a·f + b·(1 − f)} per channel. */
    private static int blend(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * f + ((b >> 16) & 255) * (1 - f));
        int gr = (int) Math.round(((a >> 8) & 255) * f + ((b >> 8) & 255) * (1 - f));
        int bl = (int) Math.round((a & 255) * f + (b & 255) * (1 - f));
        return (r << 16) | (gr << 8) | bl;
    }
}
