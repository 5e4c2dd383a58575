package eu.ai4c.agri.lstm;

import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code train_lstm} (specification 3.2.4): trains an LSTM crop-type classifier from scratch on
 * {@code train.npy}/{@code y_train.npy} and writes {@code model.h5}, {@code training_log.csv}
 * and {@code training_curves.png} into {@code --output_dir} (all or nothing). Training runs in
 * {@link #apply}; the returned product is the training history (one row, one column per epoch,
 * bands loss, accuracy, val_loss, val_accuracy) with the {@link TrainingResult} attached.
 * Stateless.
 */
public final class TrainLstmOperator implements FileOperator {
    private static final Logger LOG = LoggerFactory.getLogger(TrainLstmOperator.class);

    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "train_lstm",
            "Train LSTM crop classifier",
            "Agriculture",
            "Trains a Long Short-Term Memory network from scratch on labelled pixel time series. The input folder "
                    + "holds train.npy (float [N, timesteps, bands], e.g. 12 monthly composites × 9 bands) and "
                    + "y_train.npy (integer [N], TimeSen2Crop class ids 0-15). Values are normalised per band with "
                    + "the training set's mean and standard deviation; the network is one LSTM layer of 64 units, "
                    + "its last step feeding a dense softmax layer over 16 classes, trained with Adam on the "
                    + "(optionally class-weighted) cross-entropy. Writes model.h5 (Keras layout: architecture, "
                    + "weights, normalisation), training_log.csv and training_curves.png; with a validation set the "
                    + "epoch of best validation accuracy is kept.",
            List.of(),
            List.of(
                    ParameterDescriptor.builder("inputDir", ParameterType.PATH).option("--input_dir").required()
                            .label("Input folder")
                            .description("Folder with train.npy [N, timesteps, bands] and y_train.npy [N].")
                            .build(),
                    ParameterDescriptor.builder("nEpochs", ParameterType.INTEGER).option("--n_epochs")
                            .defaultValue(50).interval("(1,*)").label("Epochs")
                            .description("Number of epochs to update the internal model parameters (> 1).")
                            .build(),
                    ParameterDescriptor.builder("batchSize", ParameterType.INTEGER).option("--batch_size")
                            .defaultValue(32).interval("(2,*)").label("Batch size")
                            .description("Number of samples used for each update of the model (> 2, a power of 2).")
                            .build(),
                    ParameterDescriptor.builder("classWeights", ParameterType.BOOLEAN).option("--class_weights")
                            .defaultValue("0").label("Class weights")
                            .description("1: weight each class by N / (K·n_c) from its a-priori frequency; 0: not used.")
                            .build(),
                    ParameterDescriptor.builder("learningRate", ParameterType.DOUBLE).option("--learning_rate")
                            .defaultValue("1e-3").interval("(0,1)").label("Learning rate")
                            .description("Adam step size (> 0 and < 1).")
                            .build(),
                    ParameterDescriptor.builder("val", ParameterType.PATH).option("--val").label("Validation folder")
                            .description("Optional folder with validation train.npy and y_train.npy; the model of the"
                                    + " best validation accuracy is kept.")
                            .build(),
                    ParameterDescriptor.builder("seed", ParameterType.INTEGER).option("--seed")
                            .defaultValue(42).label("Random seed")
                            .description("Seed of weight initialisation and batch shuffling: the same seed gives the"
                                    + " same model.")
                            .build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The training options of validated parameters; a batch size that is no power of two is a usage error. */
    public static TrainingOptions options(ParameterValues params) {
        int batch = params.getInt("batchSize");
        if (batch <= 2 || Integer.bitCount(batch) != 1) {
            throw Ai4cException.usage("train_lstm: invalid value \"" + batch + "\" for --batch_size: expected a power"
                    + " of 2 greater than 2 (4, 8, 16, 32, 64, …).");
        }
        return TrainingOptions.defaults().withEpochs(params.getInt("nEpochs")).withBatchSize(batch)
                .withClassWeights(params.getBoolean("classWeights")).withLearningRate(params.getDouble("learningRate"))
                .withSeed(params.getInt("seed"));
    }

    /** Trains and writes model.h5, training_log.csv and training_curves.png into {@code outputDir}. */
    @Override
    public List<Path> write(Map<String, Product> sources, ParameterValues params, Path outputDir,
                            ProcessingContext context) throws IOException {
        Path model = train(params, outputDir, context).model();
        return List.of(model, model.resolveSibling(TrainingOutputs.LOG), model.resolveSibling(TrainingOutputs.PLOT));
    }

    /** A finished training: the result and the model file written. */
    public record Trained(TrainingResult result, Path model) {
    }

    /** Trains on the folders of {@code params} and writes the outputs into {@code outputDir} (all or nothing). */
    public Trained train(ParameterValues params, Path outputDir, ProcessingContext context) throws IOException {
        TrainingOptions options = options(params);
        TimeSeriesSet train = TrainingData.read(params.getPath("inputDir"), "--input_dir", options.classes());
        TimeSeriesSet validation = null;
        if (params.has("val")) {
            Path val = params.getPath("val");
            validation = TrainingData.read(val, "--val", options.classes());
            TrainingData.checkCompatible(train, validation, val);
        }
        LOG.info("train_lstm: classes in training set (id:count) {}", TrainingData.describeCounts(train, options.classes()));
        TrainingResult result = new LstmTrainer(options).train(train, validation, context.progress());
        Path model = TrainingOutputs.write(result, outputDir);
        LOG.info("train_lstm: wrote {} (epoch {}, {}) with {} and {} in {}", model.getFileName(), result.bestEpoch(),
                result.model().describe(), TrainingOutputs.LOG, TrainingOutputs.PLOT, model.getParent());
        return new Trained(result, model);
    }
}
