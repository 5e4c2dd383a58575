package eu.ai4c.agri.ui;

/**
 * Counts of true class (rows) against predicted class (columns) over a labelled set, with the
 * overall accuracy and each class's accuracy (recall: correct / samples of that class).
 * Immutable after {@link #of}.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final long[] counts;

    private ConfusionMatrix(int classes, long[] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /** The matrix of {@code truth} against {@code predicted} (same length, ids 0 … classes-1). */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        long[] c = new long[classes * classes];
        for (int i = 0; i < truth.length; i++) c[truth[i] * classes + predicted[i]]++;
        return new ConfusionMatrix(classes, c);
    }

    public int classes() {
        return classes;
    }

    /** Samples of class {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return counts[truth * classes + predicted];
    }

    /** Samples whose true class is {@code c}. */
    public long support(int c) {
        long n = 0;
        for (int p = 0; p < classes; p++) n += count(c, p);
        return n;
    }

    /** Correct / samples of class {@code c}; NaN when the set has none of that class. */
    public double classAccuracy(int c) {
        long n = support(c);
        return n == 0 ? Double.NaN : (double) count(c, c) / n;
    }

    /** Correct / all samples; NaN for an empty set. */
    public double overallAccuracy() {
        long ok = 0, n = 0;
        for (int t = 0; t < classes; t++) {
            ok += count(t, t);
            n += support(t);
        }
        return n == 0 ? Double.NaN : (double) ok / n;
    }
}
