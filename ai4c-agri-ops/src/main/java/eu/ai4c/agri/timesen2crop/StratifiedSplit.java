package eu.ai4c.agri.timesen2crop;

import java.util.SplittableRandom;

/**
 * A deterministic stratified train/validation split: within each class, {@code round(n × fraction)}
 * of its {@code n} samples go to validation, chosen by a seeded shuffle, so both parts keep the
 * class proportions. The same labels, fraction and seed give the same split on every machine.
 * Both parts list sample indices in increasing order. Pure and thread-safe.
 */
public final class StratifiedSplit {

    /** Indices of the training and validation samples. */
    public record Result(int[] train, int[] validation) {
    }

    private StratifiedSplit() {
    }

    /** Splits samples labelled {@code labels} (ids 0 … classes-1). */
    public static Result split(int[] labels, int classes, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) throw new IllegalArgumentException("fraction must be in [0,1): " + fraction);
        int[] counts = new int[classes];
        for (int l : labels) counts[l]++;
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) members[c] = new int[counts[c]];
        int[] fill = new int[classes];
        for (int i = 0; i < labels.length; i++) members[labels[i]][fill[labels[i]]++] = i;
        boolean[] toValidation = new boolean[labels.length];
        int nVal = 0;
        for (int c = 0; c < classes; c++) {
            int[] m = members[c];
            // one independent stream per class: adding samples of one class leaves the others' split unchanged
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c);
            for (int i = m.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = m[i];
                m[i] = m[j];
                m[j] = t;
            }
            int k = (int) Math.round(m.length * fraction);
            for (int i = 0; i < k; i++) toValidation[m[i]] = true;
            nVal += k;
        }
        int[] train = new int[labels.length - nVal], val = new int[nVal];
        int a = 0, b = 0;
        for (int i = 0; i < labels.length; i++) {
            if (toValidation[i]) val[b++] = i; else train[a++] = i;
        }
        return new Result(train, val);
    }
}
