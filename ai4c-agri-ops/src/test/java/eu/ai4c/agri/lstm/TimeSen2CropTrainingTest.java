package eu.ai4c.agri.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.model.ModelFiles;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.timesen2crop.TimeSen2CropExportOperator;
import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.kit.progress.ProcessingContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agriculture chain of the issue on CPU: synthetic TimeSen2Crop-format folders → monthly
 * export with a held-out validation part → train_lstm → overall accuracy of the saved model on
 * the held-out part (≥ 0.90 required).
 */
class TimeSen2CropTrainingTest {
    @TempDir
    Path dir;

    @Test
    void lstmTrainedOnSyntheticTimeSen2CropReachesNinetyPercentOnHeldOutSamples() throws Exception {
        Path data = dir.resolve("timesen2crop");
        SyntheticTimeSen2Crop.write(data, 60, 11, "33UVP", "33TWN");
        TimeSen2CropExportOperator export = new TimeSen2CropExportOperator();
        Path npy = dir.resolve("npy");
        export.export(export.descriptor().validate(Map.of("--input_dir", data.toString(), "--val_fraction", "0.25",
                "--seed", "3")), npy, ProcessingContext.defaults());

        TrainLstmOperator train = new TrainLstmOperator();
        long t0 = System.nanoTime();
        TrainLstmOperator.Trained trained = train.train(train.descriptor().validate(Map.of("--input_dir", npy.toString(),
                "--val", npy.resolve("val").toString(), "--n_epochs", "30", "--learning_rate", "5e-3",
                "--batch_size", "32", "--seed", "1")), dir.resolve("model"), ProcessingContext.defaults());
        double seconds = (System.nanoTime() - t0) / 1e9;

        float[] x = Npy.read(npy.resolve("val/train.npy")).toFloats();
        int[] truth = Npy.read(npy.resolve("val/y_train.npy")).toIntsOrNull();
        try (SequenceClassifier model = ModelFiles.open(trained.model())) {
            assertEquals(12, model.timesteps());
            assertEquals(9, model.bands());
            int[] predicted = new int[truth.length];
            model.classify(x, 0, truth.length, predicted);
            int ok = 0;
            for (int i = 0; i < truth.length; i++) if (predicted[i] == truth[i]) ok++;
            double accuracy = (double) ok / truth.length;
            System.out.printf("TimeSen2Crop synthetic: %d held-out series, accuracy %.3f, training %.1f s (best epoch %d)%n",
                    truth.length, accuracy, seconds, trained.result().bestEpoch());
            assertTrue(accuracy >= 0.90, "held-out overall accuracy " + accuracy);
        }
    }
}
