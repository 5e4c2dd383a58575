package eu.ai4c.desktop.view;

import eu.ai4c.kit.render.BandHistogram;
import eu.ai4c.kit.render.Stretch;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the JFreeChart histogram of the displayed band(s): one translucent step area per band
 * (256 display bins) and dashed markers at each band's stretch limits. Stateless; charts are
 * made and used on one thread (Swing's rules).
 */
public final class HistogramChart {
    /** Display bins of the histogram plot. */
    static final int DISPLAY_BINS = 256;

    /** One band of the chart; {@code stretch} null for none (class maps). */
    public record Series(String name, BandHistogram histogram, Stretch stretch, Color colour) {
    }

    private HistogramChart() {
    }

    public static JFreeChart create(String title, List<Series> bands) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : bands) {
            BandHistogram h = s.histogram();
            BandHistogram d = h.bins() > DISPLAY_BINS ? h.coarsened(Math.max(1, h.bins() / DISPLAY_BINS)) : h;
            XYSeries xy = new XYSeries(s.name(), false, true);
            if (d.total() > 0) {
                for (int b = 0; b < d.bins(); b++) xy.add(d.binLow(b), d.count(b));
                xy.add(d.max(), d.bins() > 0 ? d.count(d.bins() - 1) : 0);
            }
            data.addSeries(xy);
        }
        NumberAxis x = new NumberAxis("value");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("pixels (overview)");
        XYStepAreaRenderer r = new XYStepAreaRenderer(XYStepAreaRenderer.AREA_AND_SHAPES);
        r.setShapesVisible(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setForegroundAlpha(bands.size() > 1 ? 0.45f : 0.8f);
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
        for (int i = 0; i < bands.size(); i++) {
            Series s = bands.get(i);
            r.setSeriesPaint(i, s.colour());
            if (s.stretch() == null) continue;
            Color line = s.colour().darker();
            for (double v : new double[] {s.stretch().low(), s.stretch().high()}) {
                ValueMarker m = new ValueMarker(v, line, dashed);
                m.setLabel(String.format(java.util.Locale.ROOT, "%.4g", v));
                m.setLabelAnchor(v == s.stretch().low() ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(v == s.stretch().low() ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
                m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 14 * i, 4, 4, 4));
                plot.addDomainMarker(m);
            }
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, bands.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
