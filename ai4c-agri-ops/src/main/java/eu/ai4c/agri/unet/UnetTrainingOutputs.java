package eu.ai4c.agri.unet;

import eu.ai4c.kit.io.AtomicOutput;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What {@code -action train} leaves in the output folder, all or nothing: the model file
 * ({@link UnetModelFile}), {@value #LOG} ({@code epoch,loss,accuracy,val_loss,val_mean_iou,best,seconds};
 * validation columns empty without validation), {@value #PLOT}, and for the kept epoch on the
 * validation set {@value #CONFUSION} (rows truth, columns prediction, label ids) and
 * {@value #METRICS} ({@code class_id,name,iou,f1,truth_pixels,predicted_pixels}, then a
 * {@code mean} row). Stateless.
 */
public final class UnetTrainingOutputs {
    public static final String LOG = "training_log.csv";
    public static final String PLOT = "training_curves.png";
    public static final String CONFUSION = "confusion_matrix.csv";
    public static final String METRICS = "class_metrics.csv";

    private UnetTrainingOutputs() {
    }

    /** Writes the files into {@code dir}; returns them, the model first. */
    public static List<Path> write(UnetTrainer.Result result, Path dir, String modelName) throws IOException {
        List<Path> files = new ArrayList<>();
        try (AtomicOutput out = AtomicOutput.create()) {
            Path model = dir.resolve(modelName);
            UnetModelFile.write(result.model(), out.temporaryFor(model));
            files.add(model);
            Path log = dir.resolve(LOG);
            writeLog(result.history(), out.temporaryFor(log));
            files.add(log);
            Path plot = dir.resolve(PLOT);
            writePlot(result.history(), out.temporaryFor(plot));
            files.add(plot);
            if (result.confusion() != null) {
                int[] ids = result.model().classIds();
                Path confusion = dir.resolve(CONFUSION);
                Files.writeString(out.temporaryFor(confusion), confusionCsv(result.confusion(), ids));
                files.add(confusion);
                Path metrics = dir.resolve(METRICS);
                Files.writeString(out.temporaryFor(metrics), metricsCsv(result.confusion(), ids));
                files.add(metrics);
            }
            out.commit();
        }
        return files;
    }

    static String confusionCsv(long[][] m, int[] ids) {
        StringBuilder sb = new StringBuilder("truth\\predicted");
        for (int id : ids) sb.append(',').append(id);
        sb.append('\n');
        for (int r = 0; r < m.length; r++) {
            sb.append(ids[r]);
            for (long v : m[r]) sb.append(',').append(v);
            sb.append('\n');
        }
        return sb.toString();
    }

    static String metricsCsv(long[][] m, int[] ids) {
        double[] iou = SegmentationMetrics.iou(m);
        double[] f1 = SegmentationMetrics.f1(m);
        StringBuilder sb = new StringBuilder("class_id,name,iou,f1,truth_pixels,predicted_pixels\n");
        for (int c = 0; c < ids.length; c++) {
            long truth = 0;
            long predicted = 0;
            for (int j = 0; j < m.length; j++) {
                truth += m[c][j];
                predicted += m[j][c];
            }
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%d,%d%n", ids[c], ClassLegend.name(ids[c]), num(iou[c]),
                    num(f1[c]), truth, predicted));
        }
        sb.append(String.format(Locale.ROOT, "mean,,%s,%s,,%n", num(SegmentationMetrics.mean(iou)),
                num(SegmentationMetrics.mean(f1))));
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    static void writeLog(List<UnetTrainer.Epoch> history, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("epoch,loss,accuracy,val_loss,val_mean_iou,best,seconds\n");
            for (UnetTrainer.Epoch e : history) {
                w.write(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%s,%d,%.3f%n", e.epoch(), e.loss(), e.accuracy(),
                        num(e.valLoss()), num(e.valMeanIou()), e.best() ? 1 : 0, e.seconds()));
            }
        }
    }

    static void writePlot(List<UnetTrainer.Epoch> history, Path file) throws IOException {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        XYSeries loss = new XYSeries("loss");
        XYSeries valLoss = new XYSeries("val_loss");
        XYSeries acc = new XYSeries("pixel accuracy");
        XYSeries iou = new XYSeries("val_mean_iou");
        for (UnetTrainer.Epoch e : history) {
            loss.add(e.epoch(), e.loss());
            acc.add(e.epoch(), e.accuracy());
            if (!Double.isNaN(e.valLoss())) {
                valLoss.add(e.epoch(), e.valLoss());
                iou.add(e.epoch(), e.valMeanIou());
            }
        }
        XYSeriesCollection losses = new XYSeriesCollection(loss);
        XYSeriesCollection scores = new XYSeriesCollection(acc);
        if (valLoss.getItemCount() > 0) {
            losses.addSeries(valLoss);
            scores.addSeries(iou);
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        XYLineAndShapeRenderer r1 = new XYLineAndShapeRenderer(true, true);
        r1.setSeriesStroke(0, new BasicStroke(2f));
        plot.add(new XYPlot(losses, null, new NumberAxis("loss"), r1), 1);
        NumberAxis scoreAxis = new NumberAxis("score");
        scoreAxis.setRange(0, 1.0);
        plot.add(new XYPlot(scores, null, scoreAxis, new XYLineAndShapeRenderer(true, true)), 1);
        JFreeChart chart = new JFreeChart("U-Net training", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 600);
    }
}
