package eu.ai4c.agri.lstm;

import eu.ai4c.agri.curves.TrainingCurves;
import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
        int n = history.size();
        int[] epochs = new int[n];
        double[] loss = new double[n], valLoss = new double[n], acc = new double[n], valAcc = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            EpochResult r = history.get(i);
            epochs[i] = r.epoch();
            loss[i] = r.loss();
            acc[i] = r.accuracy();
            valLoss[i] = r.hasValidation() ? r.valLoss() : Double.NaN;
            valAcc[i] = r.hasValidation() ? r.valAccuracy() : Double.NaN;
            if (r.best()) kept = r.epoch(); // the epoch whose weights model.h5 holds
        }
        TrainingCurves.write("LSTM training", epochs, List.of(
                new TrainingCurves.Panel("cross-entropy loss", false, List.of(new TrainingCurves.Curve("loss", loss),
                        new TrainingCurves.Curve("val_loss", valLoss))),
                new TrainingCurves.Panel("accuracy", true, List.of(new TrainingCurves.Curve("accuracy", acc),
                        new TrainingCurves.Curve("val_accuracy", valAcc)))), kept, file);
    }
}
