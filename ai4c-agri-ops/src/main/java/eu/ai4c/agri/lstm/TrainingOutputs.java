package eu.ai4c.agri.lstm;

import eu.ai4c.kit.io.AtomicOutput;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes what {@code train_lstm} leaves in its output folder, all or nothing (through
 * {@link AtomicOutput}): {@value #MODEL} ({@link LstmH5} layout), {@value #LOG} (one line per
 * epoch: {@code epoch,loss,accuracy,val_loss,val_accuracy,best,seconds}; validation columns
 * empty without a validation set) and {@value #PLOT} (loss and accuracy curves, the kept epoch marked, drawn headless).
 * Stateless.
 */
public final class TrainingOutputs {
    public static final String MODEL = "model.h5";
    public static final String LOG = "training_log.csv";
    public static final String PLOT = "training_curves.png";

    private TrainingOutputs() {
    }

    /** Writes the three files into {@code dir} (created if needed); returns the model path. */
    public static Path write(TrainingResult result, Path dir) throws IOException {
        try (AtomicOutput out = AtomicOutput.create()) {
            Path model = dir.resolve(MODEL);
            LstmH5.write(result.model(), out.temporaryFor(model));
            writeLog(result.history(), out.temporaryFor(dir.resolve(LOG)));
            writePlot(result.history(), out.temporaryFor(dir.resolve(PLOT)));
            out.commit();
            return model;
        }
    }

    static void writeLog(List<EpochResult> history, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("epoch,loss,accuracy,val_loss,val_accuracy,best,seconds\n");
            for (EpochResult r : history) {
                w.write(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%s,%d,%.3f%n", r.epoch(), r.loss(), r.accuracy(),
                        r.hasValidation() ? String.format(Locale.ROOT, "%.6f", r.valLoss()) : "",
                        r.hasValidation() ? String.format(Locale.ROOT, "%.6f", r.valAccuracy()) : "",
                        r.best() ? 1 : 0, r.seconds()));
            }
        }
    }

    static void writePlot(List<EpochResult> history, Path file) throws IOException {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        XYSeries loss = new XYSeries("loss");
        XYSeries valLoss = new XYSeries("val_loss");
        XYSeries acc = new XYSeries("accuracy");
        XYSeries valAcc = new XYSeries("val_accuracy");
        for (EpochResult r : history) {
            loss.add(r.epoch(), r.loss());
            acc.add(r.epoch(), r.accuracy());
            if (r.hasValidation()) {
                valLoss.add(r.epoch(), r.valLoss());
                valAcc.add(r.epoch(), r.valAccuracy());
            }
        }
        XYSeriesCollection losses = new XYSeriesCollection(loss);
        XYSeriesCollection accuracies = new XYSeriesCollection(acc);
        if (valLoss.getItemCount() > 0) {
            losses.addSeries(valLoss);
            accuracies.addSeries(valAcc);
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.add(new XYPlot(losses, null, new NumberAxis("cross-entropy loss"), renderer()), 1);
        NumberAxis accAxis = new NumberAxis("accuracy");
        accAxis.setRange(0, 1.0);
        plot.add(new XYPlot(accuracies, null, accAxis, renderer()), 1);
        int kept = 0;
        for (EpochResult r : history) if (r.best()) kept = r.epoch();
        if (kept > 0) {
            // the epoch whose weights model.h5 holds
            ValueMarker marker = new ValueMarker(kept, Color.GRAY, new BasicStroke(1f));
            marker.setLabel("kept epoch " + kept);
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            for (XYPlot p : plot.getSubplots()) p.addDomainMarker(marker);
        }
        JFreeChart chart = new JFreeChart("LSTM training", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 600);
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x1f77b4));
        r.setSeriesPaint(1, new Color(0xff7f0e));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        return r;
    }
}
