package eu.ai4c.desktop.view;

import eu.ai4c.kit.render.ClassLegend;
import eu.ai4c.kit.render.DistinctColours;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the CVA polar scatter plot of an S2-CD result as an XY chart in polar coordinates (so
 * that ChartPanel's zoom, pan and tooltips work): each sampled changed pixel at
 * {@code (|Δ| cos θ, |Δ| sin θ)}, θ the angle to the reference vector (0…180°, the reference
 * direction pointing right), coloured by its class with the class map's colours. Rings of equal
 * magnitude and spokes every 30° are drawn as annotations, the change threshold √χ² as a dashed
 * ring, and class centres from the summary as open black circles. Tooltips give class, magnitude and
 * angle. Stateless; charts are used on one thread.
 */
public final class CvaScatterChart {
    private CvaScatterChart() {
    }

    /**
     * @param points  the sampled changed pixels
     * @param summary the S2-CD summary, or null (no threshold ring, no centres)
     * @param legend  class colours and names (e.g. from the class map's .aux.xml), or null for distinct colours
     */
    public static JFreeChart create(String title, CvaPoints points, CvaSummary summary, ClassLegend legend) {
        int maxClass = points.maxClass();
        XYSeries[] series = new XYSeries[maxClass + 1];
        XYSeriesCollection data = new XYSeriesCollection();
        float rMax = 0;
        for (int c = 1; c <= maxClass; c++) {
            if (points.changed(c) == 0) continue;
            String name = legend != null && legend.name(c) != null ? legend.name(c) : "class " + c;
            series[c] = new XYSeries(name + " (" + points.changed(c) + " px)", false, true);
            data.addSeries(series[c]);
        }
        for (int i = 0; i < points.size(); i++) {
            double th = Math.toRadians(points.angleDeg(i)), m = points.magnitude(i);
            series[points.classOf(i)].add(m * Math.cos(th), m * Math.sin(th), false);
            rMax = Math.max(rMax, points.magnitude(i));
        }
        double radius = niceRadius(Math.max(rMax, summary != null ? summary.thresholdMagnitude() * 1.2 : 1));

        NumberAxis x = new NumberAxis("|Δ| cos θ  (difference-std units; θ = 0° along the reference vector)");
        x.setRange(-radius, radius);
        NumberAxis y = new NumberAxis("|Δ| sin θ");
        y.setRange(0, radius * 1.06);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            int c = classOfSeries(series, data.getSeries(s));
            int argb = legend != null ? legend.colour(c) | 0xFF000000 : DistinctColours.argb(c - 1);
            r.setSeriesPaint(s, new Color(argb, false));
            r.setSeriesShape(s, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        r.setDefaultToolTipGenerator(CvaScatterChart::toolTip);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        polarGrid(plot, radius, summary);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static int classOfSeries(XYSeries[] series, XYSeries s) {
        for (int c = 0; c < series.length; c++) if (series[c] == s) return c;
        return 0;
    }

    private static String toolTip(XYDataset d, int s, int i) {
        double px = d.getXValue(s, i), py = d.getYValue(s, i);
        return String.format(Locale.ROOT, "%s: |Δ| %.2f, θ %.1f°", d.getSeriesKey(s), Math.hypot(px, py),
                Math.toDegrees(Math.atan2(py, px)));
    }

    /** 1, 2 or 5 × 10^k at or above {@code r}. */
    static double niceRadius(double r) {
        double p = Math.pow(10, Math.floor(Math.log10(r)));
        for (double f : new double[] {1, 1.5, 2, 3, 5, 7.5, 10}) if (f * p >= r) return f * p;
        return 10 * p;
    }

    private static void polarGrid(XYPlot plot, double radius, CvaSummary summary) {
        BasicStroke thin = new BasicStroke(0.6f);
        Color grey = new Color(0xA0A0A0);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        for (int k = 1; k <= 4; k++) {
            double rr = radius * k / 4;
            plot.getRenderer().addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(-rr, -rr, 2 * rr, 2 * rr), thin, grey), Layer.BACKGROUND);
            XYTextAnnotation t = new XYTextAnnotation(new java.math.BigDecimal(rr).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString(), rr, 0);
            t.setFont(small);
            t.setPaint(grey);
            t.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addAnnotation(t);
        }
        for (int a = 0; a <= 180; a += 30) {
            double th = Math.toRadians(a), cx = Math.cos(th), cy = Math.sin(th);
            plot.getRenderer().addAnnotation(new XYShapeAnnotation(new Line2D.Double(0, 0, radius * cx, radius * cy), thin, grey), Layer.BACKGROUND);
            XYTextAnnotation t = new XYTextAnnotation(a + "°", radius * 1.03 * cx, radius * 1.03 * cy);
            t.setFont(small);
            t.setPaint(Color.DARK_GRAY);
            plot.addAnnotation(t);
        }
        if (summary == null) return;
        double tr = summary.thresholdMagnitude();
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0);
        plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(-tr, -tr, 2 * tr, 2 * tr), dashed, Color.BLACK));
        XYTextAnnotation tt = new XYTextAnnotation(String.format(Locale.ROOT, "threshold %.2f", tr), 0, tr);
        tt.setFont(small);
        tt.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER);
        plot.addAnnotation(tt);
        BasicStroke thick = new BasicStroke(1.2f);
        double arm = radius * 0.02;
        for (int k = 0; k < summary.classCount(); k++) {
            double m = summary.centreMagnitudes()[k], th = Math.toRadians(summary.centreAnglesDeg()[k]);
            if (Double.isNaN(m) || Double.isNaN(th)) continue;
            double cx = m * Math.cos(th), cy = m * Math.sin(th);
            // an open circle: the points of a tight class stay visible inside it
            plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(cx - arm, cy - arm, 2 * arm, 2 * arm), thick, Color.BLACK));
        }
    }
}
