package eu.ai4c.agri.unet;

import eu.ai4c.agri.curves.TrainingCurves;
import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code -action train} leaves in the output folder, all or nothing: the model file
 * ({@link UnetModelFile}), with {@code -model_format onnx} also its ONNX form ({@link UnetOnnx}),
 * {@value #LOG} ({@code epoch,loss,accuracy,val_loss,val_mean_iou,best,seconds};
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
        return write(result, dir, modelName, false);
    }

    /**
     * Writes the files into {@code dir}, with {@code onnx} also the model's ONNX form
     * ({@link UnetOnnx}) as {@code NAME.onnx} beside {@code NAME.safetensors}; returns them, the
     * model first (then the ONNX file).
     */
    public static List<Path> write(UnetTrainer.Result result, Path dir, String modelName, boolean onnx)
            throws IOException {
        List<Path> files = new ArrayList<>();
        try (AtomicOutput out = AtomicOutput.create()) {
            Path model = dir.resolve(modelName);
            UnetModelFile.write(result.model(), out.temporaryFor(model));
            files.add(model);
            if (onnx) {
                Path exported = dir.resolve(onnxName(modelName));
                UnetOnnx.write(result.model(), out.temporaryFor(exported));
                files.add(exported);
            }
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
                Files.writeString(out.temporaryFor(metrics), metricsCsv(result.confusion(), result.model()));
                files.add(metrics);
            }
            out.commit();
        }
        return files;
    }

    /** {@code NAME.onnx} for the model file {@code NAME.safetensors}. */
    public static String onnxName(String modelName) {
        String base = modelName.endsWith(UnetModelFile.EXTENSION)
                ? modelName.substring(0, modelName.length() - UnetModelFile.EXTENSION.length()) : modelName;
        return base + UnetOnnx.EXTENSION;
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

    static String metricsCsv(long[][] m, UnetModel model) {
        int[] ids = model.classIds();
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
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%d,%d%n", ids[c], ClassLegend.csvCell(model.className(c)), num(iou[c]),
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
        int n = history.size();
        int[] epochs = new int[n];
        double[] loss = new double[n], valLoss = new double[n], acc = new double[n], iou = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            UnetTrainer.Epoch e = history.get(i);
            epochs[i] = e.epoch();
            loss[i] = e.loss();
            acc[i] = e.accuracy();
            valLoss[i] = e.valLoss();
            iou[i] = Double.isNaN(e.valLoss()) ? Double.NaN : e.valMeanIou();
            if (e.best()) kept = e.epoch();
        }
        TrainingCurves.write("U-Net training", epochs, List.of(
                new TrainingCurves.Panel("loss", false, List.of(new TrainingCurves.Curve("loss", loss),
                        new TrainingCurves.Curve("val_loss", valLoss))),
                new TrainingCurves.Panel("score", true, List.of(new TrainingCurves.Curve("pixel accuracy", acc),
                        new TrainingCurves.Curve("val_mean_iou", iou)))), kept, file);
    }
}
