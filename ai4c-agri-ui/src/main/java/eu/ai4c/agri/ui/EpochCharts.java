package eu.ai4c.agri.ui;

import java.awt.Dimension;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts of values per epoch for the training windows. Stateless. */
final class EpochCharts {
    private EpochCharts() {
    }

    /** A chart named {@code name} with one curve per series. */
    static ChartPanel of(String name, String title, String axis, XYSeries... series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : series) c.addSeries(s);
        ChartPanel p = new ChartPanel(ChartFactory.createXYLineChart(title, "epoch", axis, c, PlotOrientation.VERTICAL,
                true, true, false));
        p.setName(name);
        p.setPreferredSize(new Dimension(520, 180));
        return p;
    }
}
