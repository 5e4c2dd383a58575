package eu.ai4c.aq.ui;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.time.Instant;
import java.util.Locale;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The time series of one cell ({@link PointSeries}) as a JFreeChart: the ensemble mean as a line
 * inside the shaded band between the members' minimum and maximum, and the low-resolution CAMS
 * input of the LR cell as a step line (it is a cell average, constant within each step), with a
 * vertical marker at the time step the maps show. Swing component: use on the event thread.
 */
public final class SeriesChart extends JPanel {
    static final Color MEAN = new Color(0x21, 0x66, 0xAC);
    static final Color LOW_RES = new Color(0xD9, 0x5F, 0x02);

    private final JLabel empty = new JLabel("", SwingConstants.CENTER);
    private ChartPanel panel;
    private XYPlot plot;
    private ValueMarker current;
    private JFreeChart chart;

    public SeriesChart() {
        super(new BorderLayout());
        setPreferredSize(new Dimension(720, 240));
        clear("Open an ensemble, then click a cell of a map for its time series.");
    }

    /** Shows a message instead of a chart. */
    public void clear(String message) {
        removeAll();
        chart = null;
        plot = null;
        empty.setText(message);
        add(empty, BorderLayout.CENTER);
        revalidate();
        repaint();
    }

    /** Shows {@code s}. */
    public void show(PointSeries s) {
        String name = s.variable().equals("pm2p5") ? "PM2.5" : s.variable();
        YIntervalSeries ens = new YIntervalSeries(s.hasBand() ? "ensemble mean, band: min–max of " + s.members()
                + " members" : "ensemble mean");
        for (int t = 0; t < s.times().size(); t++) {
            float m = s.mean()[t];
            if (m != m) continue; // no data: a gap in the line
            double lo = s.hasBand() && s.min()[t] == s.min()[t] ? s.min()[t] : m;
            double hi = s.hasBand() && s.max()[t] == s.max()[t] ? s.max()[t] : m;
            ens.add(s.times().get(t).toEpochMilli(), m, lo, hi);
        }
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        band.addSeries(ens);
        DateAxis x = new DateAxis("time (UTC)");
        x.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        NumberAxis y = new NumberAxis(name + " (" + s.units() + ")");
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesPaint(0, MEAN);
        r.setSeriesFillPaint(0, new Color(MEAN.getRed(), MEAN.getGreen(), MEAN.getBlue()));
        r.setAlpha(0.25f);
        r.setSeriesStroke(0, new BasicStroke(2f));
        plot = new XYPlot(band, x, y, r);
        if (s.hasLowRes()) {
            XYSeries lr = new XYSeries("CAMS input (low resolution)");
            for (int t = 0; t < s.times().size(); t++) {
                if (s.lowRes()[t] == s.lowRes()[t]) lr.add(s.times().get(t).toEpochMilli(), s.lowRes()[t]);
            }
            XYStepRenderer step = new XYStepRenderer();
            step.setSeriesPaint(0, LOW_RES);
            step.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
            plot.setDataset(1, new XYSeriesCollection(lr));
            plot.setRenderer(1, step);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        current = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addDomainMarker(current);
        chart = new JFreeChart(String.format(Locale.ROOT, "%s at %.4f° N, %.4f° E", name, s.lat(), s.lon()),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        removeAll();
        panel = new ChartPanel(chart);
        panel.setName("aq.seriesChart");
        add(panel, BorderLayout.CENTER);
        revalidate();
        repaint();
    }

    /** Moves the marker to the time step the maps show. */
    public void setCurrent(Instant t) {
        if (current != null) current.setValue(t.toEpochMilli());
    }

    /** The chart shown, or null. */
    JFreeChart chart() {
        return chart;
    }

    /** The marker's time (ms since 1970), or NaN without a chart. */
    double currentMillis() {
        return current == null || plot == null ? Double.NaN : current.getValue();
    }
}
