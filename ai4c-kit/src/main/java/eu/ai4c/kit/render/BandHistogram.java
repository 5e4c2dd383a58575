package eu.ai4c.kit.render;

/**
 * Histogram of the valid samples of a band over equal-width bins between its minimum and
 * maximum, and percentiles read from its cumulative counts (no sort of the samples: two linear
 * passes, memory independent of the sample count). A percentile is exact to within one bin
 * width (linear interpolation inside the bin holding the rank). NaN samples (no-data) and
 * infinities are not counted. Immutable; thread-safe.
 */
public final class BandHistogram {
    /** Bins used by {@link #of(float[])}: percentiles within 1/4096 of the value range. */
    public static final int DEFAULT_BINS = 4096;

    private final double min;
    private final double max;
    private final long[] counts;
    private final long total;

    private BandHistogram(double min, double max, long[] counts) {
        this.min = min;
        this.max = max;
        this.counts = counts;
        long t = 0;
        for (long c : counts) t += c;
        this.total = t;
    }

    /** The histogram of {@code values} over {@link #DEFAULT_BINS} bins. */
    public static BandHistogram of(float[] values) {
        return of(values, DEFAULT_BINS);
    }

    /**
     * @param values samples, NaN for no-data
     * @param bins   number of bins (≥ 1)
     */
    public static BandHistogram of(float[] values, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins " + bins);
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v < lo && v > Float.NEGATIVE_INFINITY) lo = v; // NaN compares false: skipped
            if (v > hi && v < Float.POSITIVE_INFINITY) hi = v;
        }
        long[] counts = new long[bins];
        if (lo > hi) return new BandHistogram(Double.NaN, Double.NaN, counts);
        double scale = hi > lo ? bins / ((double) hi - lo) : 0;
        int last = bins - 1;
        for (float v : values) {
            if (v >= lo && v <= hi) {
                int b = (int) ((v - (double) lo) * scale);
                counts[b > last ? last : b]++;
            }
        }
        return new BandHistogram(lo, hi, counts);
    }

    /** Smallest valid sample (NaN when there is none). */
    public double min() {
        return min;
    }

    /** Largest valid sample (NaN when there is none). */
    public double max() {
        return max;
    }

    /** Number of valid samples. */
    public long total() {
        return total;
    }

    public int bins() {
        return counts.length;
    }

    /** Width of one bin in sample units (0 when all samples are equal). */
    public double binWidth() {
        return (max - min) / counts.length;
    }

    /** Lower edge of bin {@code b}. */
    public double binLow(int b) {
        return min + b * binWidth();
    }

    /** Count of bin {@code b}. */
    public long count(int b) {
        return counts[b];
    }

    /**
     * The value below which {@code percent} % of the valid samples lie: the sample of rank
     * {@code p/100 · (n−1)} in sorted order, interpolated linearly inside its bin.
     *
     * @param percent 0 … 100
     * @return the value, or NaN when there are no valid samples
     */
    public double percentile(double percent) {
        if (total == 0) return Double.NaN;
        double p = Math.max(0, Math.min(100, percent)) / 100.0;
        double rank = p * (total - 1);
        long before = 0;
        for (int b = 0; b < counts.length; b++) {
            long c = counts[b];
            if (c > 0 && before + c > rank) {
                // rank's position among the c samples of the bin, spread evenly over the bin
                double within = (rank - before + 0.5) / c;
                return Math.min(max, Math.max(min, binLow(b) + within * binWidth()));
            }
            before += c;
        }
        return max;
    }

    /** A histogram of {@code factor} times fewer bins over the same range (for display). */
    public BandHistogram coarsened(int factor) {
        int n = (counts.length + factor - 1) / factor;
        long[] c = new long[n];
        for (int b = 0; b < counts.length; b++) c[b / factor] += counts[b];
        // keep the range a whole number of coarse bins so bin edges stay where they were
        double max2 = min + n * factor * binWidth();
        return new BandHistogram(min, counts.length % factor == 0 ? max : max2, c);
    }
}
