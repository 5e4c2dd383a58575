package eu.ai4c.s1.cd;

/**
 * The whole-output statistics the byte products of {@code S1-CD} need, accumulated tile by tile
 * from the float stack (band 0 coherence, 1 and 2 the backscatters): the percentiles of each
 * backscatter ({@link BackscatterPercentiles}), the histogram of their absolute log-ratio (for the
 * minimum-error threshold) and the mean coherence. Thread-safe: a tile is reduced without the lock
 * and merged under it.
 */
final class StackStatistics {
    final BackscatterPercentiles backscatter1 = new BackscatterPercentiles(), backscatter2 = new BackscatterPercentiles();
    final long[] logRatioHistogram = ChangeMask.histogram();
    private double coherenceSum;
    private long coherenceCount;

    /** Adds one tile of the three bands (arrays of equal length, not modified). */
    void add(float[] coherence, float[] b1, float[] b2) {
        long[] h = ChangeMask.histogram();
        ChangeMask.accumulate(ChangeMask.absoluteLogRatio(b1, b2), h);
        double sum = 0;
        long n = 0;
        for (float v : coherence) {
            if (!Float.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        synchronized (this) {
            backscatter1.add(b1);
            backscatter2.add(b2);
            for (int i = 0; i < h.length; i++) logRatioHistogram[i] += h[i];
            coherenceSum += sum;
            coherenceCount += n;
        }
    }

    /** {sum, count} of the valid coherence values. */
    synchronized double[] coherence() {
        return new double[] {coherenceSum, coherenceCount};
    }
}
