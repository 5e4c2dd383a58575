package eu.ai4c.agri.curves;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The training-curves PNG every model trainer writes: panels stacked over one epoch axis, each with
 * its curves, and the epoch whose weights the model file keeps marked in all of them. NaN values
 * (an epoch without validation) are left out of their curve. Stateless.
 */
public final class TrainingCurves {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728)};

    /** One curve: a value per epoch (same length as the epochs). */
    public record Curve(String name, double[] values) {
    }

    /**
     * One panel.
     *
     * @param axis  the value axis label
     * @param unit  true for values in [0, 1] (accuracies, scores): the axis shows exactly that range
     */
    public record Panel(String axis, boolean unit, List<Curve> curves) {
    }

    private TrainingCurves() {
    }

    /**
     * Writes the chart as a 900 × 600 PNG.
     *
     * @param epochs the epoch numbers of the values
     * @param kept   the kept epoch, or 0 for none
     */
    public static void write(String title, int[] epochs, List<Panel> panels, int kept, Path file) throws IOException {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        for (Panel p : panels) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (Curve c : p.curves()) {
                XYSeries s = new XYSeries(c.name());
                for (int i = 0; i < epochs.length; i++) {
                    if (Double.isFinite(c.values()[i])) s.add(epochs[i], c.values()[i]);
                }
                if (s.getItemCount() > 0) data.addSeries(s);
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, epochs.length <= 30);
            for (int k = 0; k < data.getSeriesCount(); k++) {
                r.setSeriesPaint(k, COLOURS[k % COLOURS.length]);
                r.setSeriesStroke(k, new BasicStroke(2f));
            }
            NumberAxis axis = new NumberAxis(p.axis());
            if (p.unit()) axis.setRange(0, 1.0);
            else axis.setAutoRangeIncludesZero(false);
            plot.add(new XYPlot(data, null, axis, r), 1);
        }
        if (kept > 0) {
            ValueMarker marker = new ValueMarker(kept, Color.GRAY, new BasicStroke(1f));
            marker.setLabel("kept epoch " + kept);
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            for (XYPlot p : plot.getSubplots()) p.addDomainMarker(marker);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 600);
    }
}
