package eu.ai4c.agri.ui;

import eu.ai4c.agri.lstm.LstmClassifier;
import eu.ai4c.agri.lstm.LstmTrainer;
import eu.ai4c.agri.lstm.TrainLstmOperator;
import eu.ai4c.agri.lstm.TrainingData;
import eu.ai4c.agri.lstm.TrainingListener;
import eu.ai4c.agri.lstm.TrainingOptions;
import eu.ai4c.agri.lstm.TrainingOutputs;
import eu.ai4c.agri.lstm.TrainingResult;
import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One LSTM training run as the training window drives it, without any display: reads the
 * {@code train_lstm} folders, trains with the window's listener attached, writes the same files
 * as {@code train_lstm} (model.h5, log, plot) and, with a validation set, computes its confusion
 * matrix with the trained model. {@link #stop()} ends training after the current batch keeping
 * the best model so far. One run per instance; {@link #run} on a background thread,
 * {@link #stop()} from any thread.
 */
public final class TrainingSession {
    /** What a finished run produced. */
    public record Outcome(TrainingResult result, Path model, ConfusionMatrix validation) {
    }

    private final ParameterValues params;
    private final Path outputDir;
    private final LstmTrainer trainer;

    /**
     * @param params    validated {@code train_lstm} parameters
     * @param outputDir folder for model.h5, training_log.csv and training_curves.png
     */
    public TrainingSession(ParameterValues params, Path outputDir) {
        this.params = params;
        this.outputDir = outputDir;
        this.trainer = new LstmTrainer(TrainLstmOperator.options(params));
    }

    /** Receives each finished epoch and batch (on the training thread). */
    public void addListener(TrainingListener listener) {
        trainer.addListener(listener);
    }

    /** Ends training after the current batch; the run keeps and writes the best model so far. */
    public void stop() {
        trainer.requestStop();
    }

    /** Trains, writes the outputs and evaluates the validation set; cancelling {@code progress} aborts. */
    public Outcome run(Progress progress) throws IOException {
        TrainingOptions options = trainer.options();
        TimeSeriesSet train = TrainingData.read(params.getPath("inputDir"), "--input_dir", options.classes());
        TimeSeriesSet val = null;
        if (params.has("val")) {
            val = TrainingData.read(params.getPath("val"), "--val", options.classes());
            TrainingData.checkCompatible(train, val, params.getPath("val"));
        }
        TrainingResult result = trainer.train(train, val, progress);
        Path model = TrainingOutputs.write(result, outputDir);
        ConfusionMatrix matrix = null;
        if (val != null) {
            try (LstmClassifier classifier = new LstmClassifier(result.model())) {
                int[] predicted = new int[val.count()];
                classifier.classify(val.values(), 0, val.count(), predicted);
                matrix = ConfusionMatrix.of(val.labels(), predicted, options.classes());
            }
        }
        return new Outcome(result, model, matrix);
    }
}
