package eu.ai4c.agri.unet;

/**
 * Pixel classification scores from a confusion matrix {@code m[truth][predicted]} (pixel
 * counts): per-class intersection over union {@code TP / (TP + FP + FN)}, F1
 * {@code 2TP / (2TP + FP + FN)}, their means over the classes that occur in the truth or the
 * prediction (a class absent from both has no score: NaN, left out of the mean), and the overall
 * pixel accuracy. Pure functions; stateless.
 */
public final class SegmentationMetrics {
    private SegmentationMetrics() {
    }

    /** Adds the pixels of {@code truth}/{@code predicted} (class indices, same length) to {@code m}. */
    public static void accumulate(long[][] m, byte[] truth, int[] predicted, int offset, int count) {
        for (int i = 0; i < count; i++) m[truth[offset + i]][predicted[i]]++;
    }

    /** Per-class IoU; NaN where the class is in neither truth nor prediction. */
    public static double[] iou(long[][] m) {
        int k = m.length;
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            long tp = m[c][c];
            long fn = rowSum(m, c) - tp;
            long fp = colSum(m, c) - tp;
            out[c] = tp + fp + fn == 0 ? Double.NaN : (double) tp / (tp + fp + fn);
        }
        return out;
    }

    /** Per-class F1; NaN where the class is in neither truth nor prediction. */
    public static double[] f1(long[][] m) {
        int k = m.length;
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            long tp = m[c][c];
            long fn = rowSum(m, c) - tp;
            long fp = colSum(m, c) - tp;
            out[c] = tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return out;
    }

    /** Mean of the values that are not NaN (NaN when all are). */
    public static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Fraction of pixels on the diagonal. */
    public static double accuracy(long[][] m) {
        long diag = 0;
        long all = 0;
        for (int i = 0; i < m.length; i++) {
            diag += m[i][i];
            for (long v : m[i]) all += v;
        }
        return all == 0 ? Double.NaN : (double) diag / all;
    }

    private static long rowSum(long[][] m, int r) {
        long s = 0;
        for (long v : m[r]) s += v;
        return s;
    }

    private static long colSum(long[][] m, int c) {
        long s = 0;
        for (long[] row : m) s += row[c];
        return s;
    }
}
