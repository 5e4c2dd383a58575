package eu.ai4c.desktop.view;

import eu.ai4c.kit.render.ClassLegend;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * Paints a class legend: one line per class with its colour swatch (a checker shows
 * transparency), value, name, pixel count when known and, when the ground area of a pixel is
 * known ({@link eu.ai4c.kit.geo.PixelArea}), the class's area in hectares (crop areas of a crop
 * map). Swing component; use on the EDT.
 */
public final class LegendView extends JComponent {
    private static final int ROW = 18;
    private List<ClassLegend.Entry> entries = List.of();
    private double pixelArea = Double.NaN;

    public LegendView() {
        setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        setBackground(Color.WHITE);
        setOpaque(true);
    }

    /** Shows the entries of {@code legend} (none when null). */
    public void setLegend(ClassLegend legend) {
        setLegend(legend, Double.NaN);
    }

    /** Shows the entries of {@code legend} with areas from {@code pixelSquareMetres} (NaN: no areas). */
    public void setLegend(ClassLegend legend, double pixelSquareMetres) {
        entries = legend == null ? List.of() : legend.entries();
        pixelArea = pixelSquareMetres;
        revalidate();
        repaint();
    }

    /** The line drawn for each class, in order. */
    public List<String> lines() {
        return entries.stream().map(this::text).toList();
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(getFont());
        int w = 120;
        for (ClassLegend.Entry e : entries) w = Math.max(w, 46 + fm.stringWidth(text(e)));
        return new Dimension(w, 8 + ROW * Math.max(1, entries.size()));
    }

    private String text(ClassLegend.Entry e) {
        String count = "";
        if (e.count() >= 0) {
            count = pixelArea > 0 ? String.format(Locale.ROOT, "  (%,d px, %,.1f ha)", e.count(), e.count() * pixelArea / 1e4)
                    : String.format(Locale.ROOT, "  (%,d px)", e.count());
        }
        return e.value() + "  " + e.name() + count;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(getBackground());
        g.fillRect(0, 0, getWidth(), getHeight());
        FontMetrics fm = g.getFontMetrics();
        int y = 4;
        for (ClassLegend.Entry e : entries) {
            for (int cy = 0; cy < 2; cy++) {
                for (int cx = 0; cx < 3; cx++) {
                    g.setColor((cx + cy) % 2 == 0 ? Color.LIGHT_GRAY : Color.WHITE);
                    g.fillRect(6 + cx * 8, y + 2 + cy * 6, 8, 6);
                }
            }
            g.setColor(new Color(e.argb(), true));
            g.fillRect(6, y + 2, 24, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawRect(6, y + 2, 24, 12);
            g.setColor(Color.BLACK);
            g.drawString(text(e), 38, y + 2 + fm.getAscent() - 1);
            y += ROW;
        }
        g.dispose();
    }
}
