package eu.ai4c.agri.lstm;

import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.kit.Ai4cException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the training input of {@code train_lstm} from a folder: {@code train.npy}, float
 * {@code [N, timesteps, bands]}, and {@code y_train.npy}, integer {@code [N]} class ids
 * {@code 0 … classes-1} (TimeSen2Crop: 0–15). The validation folder uses the same names.
 * Every problem is an {@link Ai4cException} naming the file, what is wrong and the fix. Stateless.
 */
public final class TrainingData {
    public static final String VALUES = "train.npy";
    public static final String LABELS = "y_train.npy";

    private TrainingData() {
    }

    /**
     * Reads and checks the series and labels in {@code dir}.
     *
     * @param option  the parameter that named the folder ({@code --input_dir}, {@code --val}), for messages
     * @param classes number of classes of the model
     */
    public static TimeSeriesSet read(Path dir, String option, int classes) {
        if (!Files.isDirectory(dir)) {
            throw Ai4cException.usage(option + " " + dir + ": no such folder. Give the folder holding "
                    + VALUES + " and " + LABELS + ".");
        }
        Path valuesFile = dir.resolve(VALUES);
        Path labelsFile = dir.resolve(LABELS);
        for (Path f : new Path[] {valuesFile, labelsFile}) {
            if (!Files.isRegularFile(f)) {
                throw Ai4cException.usage(option + " " + dir + ": " + f.getFileName() + " is missing. The folder must"
                        + " hold " + VALUES + " (float [N, timesteps, bands]) and " + LABELS + " (integer [N]).");
            }
        }
        NpyArray values = Npy.read(valuesFile);
        if (values.rank() != 3 || values.type().isInteger()) {
            throw new Ai4cException(valuesFile + ": holds " + values + "; expected a float array [N, timesteps, bands]"
                    + " (e.g. [N, 12, 9] monthly composites). Save it with numpy.save(x.astype('float32')).");
        }
        NpyArray labels = Npy.read(labelsFile);
        int[] y = labels.rank() == 1 ? labels.toIntsOrNull() : null;
        if (y == null) {
            throw new Ai4cException(labelsFile + ": holds " + labels + "; expected a 1-D integer array [N] of class"
                    + " ids. Save it with numpy.save(y.astype('int64')).");
        }
        int n = values.dimension(0);
        if (y.length != n) {
            throw new Ai4cException(labelsFile + " has " + y.length + " labels but " + valuesFile + " has " + n
                    + " series. Give one label per series.");
        }
        if (n == 0) {
            throw new Ai4cException(valuesFile + ": holds no series. Give at least one labelled series.");
        }
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new Ai4cException(labelsFile + ": label " + y[i] + " at index " + i + " is outside 0–"
                        + (classes - 1) + " (the TimeSen2Crop class ids). Map the labels to 0–" + (classes - 1) + ".");
            }
        }
        float[] v = values.toFloats();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new Ai4cException(valuesFile + ": value " + v[i] + " at flat index " + i + " (series "
                        + i / (values.dimension(1) * values.dimension(2)) + "). Fill gaps before training.");
            }
        }
        return new TimeSeriesSet(v, y, n, values.dimension(1), values.dimension(2));
    }

    /** Checks that {@code validation} has the training set's series shape. */
    public static void checkCompatible(TimeSeriesSet train, TimeSeriesSet validation, Path valDir) {
        if (validation.timesteps() != train.timesteps() || validation.bands() != train.bands()) {
            throw new Ai4cException(valDir.resolve(VALUES) + ": series are " + validation.timesteps() + "×"
                    + validation.bands() + " (timesteps×bands) but the training series are " + train.timesteps() + "×"
                    + train.bands() + ". Give validation data prepared like the training data.");
        }
    }

    /** {@code "class 0: 40, class 3: 12"} for logs. */
    static String describeCounts(TimeSeriesSet set, int classes) {
        int[] c = set.classCounts(classes);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == 0) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(i).append(':').append(c[i]);
        }
        return sb.length() == 0 ? Arrays.toString(c) : sb.toString();
    }
}
