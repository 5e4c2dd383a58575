package eu.ai4c.snap.op;

import eu.ai4c.snap.FileOperatorAdapter;
import java.io.File;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;

/**
 * SNAP operator {@code AI4C-Train_lstm}: the engine's {@code train_lstm} ({@link eu.ai4c.agri.lstm.TrainLstmOperator}).
 * Fields mirror the engine descriptor, plus the output folder; {@link FileOperatorAdapter} does the work.
 */
@OperatorMetadata(alias = "AI4C-Train_lstm",
        category = "Optical/AI4Copernicus/Agriculture",
        label = "Train LSTM crop classifier",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Trains a Long Short-Term Memory network from scratch on labelled pixel time series.")
public final class Ai4cTrainLstmOp extends FileOperatorAdapter {

    @Parameter(notNull = true, label = "Input folder",
            description = "Folder with train.npy [N, timesteps, bands] and y_train.npy [N].")
    File inputDir;

    @Parameter(defaultValue = "50", interval = "(1,*)", label = "Epochs",
            description = "Number of epochs to update the internal model parameters (> 1).")
    Integer nEpochs;

    @Parameter(defaultValue = "32", interval = "(2,*)", label = "Batch size",
            description = "Number of samples used for each update of the model (> 2, a power of 2).")
    Integer batchSize;

    @Parameter(defaultValue = "0", label = "Class weights",
            description = "1: weight each class by N / (K·n_c) from its a-priori frequency; 0: not used.")
    Boolean classWeights;

    @Parameter(defaultValue = "1e-3", interval = "(0,1)", label = "Learning rate",
            description = "Adam step size (> 0 and < 1).")
    Double learningRate;

    @Parameter(label = "Validation folder",
            description = "Optional folder with validation train.npy and y_train.npy; the model of the best validation accuracy is kept.")
    File val;

    @Parameter(defaultValue = "42", label = "Random seed",
            description = "Seed of weight initialisation and batch shuffling: the same seed gives the same model.")
    Integer seed;

    @Parameter(notNull = true, label = "Output folder",
            description = "Folder the files are written into; created if missing.")
    File outputDir;

    public Ai4cTrainLstmOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cTrainLstmOp.class);
        }
    }
}
