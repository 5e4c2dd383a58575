package eu.ai4c.s1.cd;

import eu.ai4c.kit.math.Log10;

/**
 * Percentiles of a positive band over a whole output, accumulated tile by tile in fixed memory: a
 * histogram of log₁₀ values from 10⁻⁸ to 10⁴ in 240 000 bins, so a percentile is known to a
 * relative 1.2·10⁻⁴ (half a bin) of its value, finer than the 1/255 step of the byte stretch it
 * serves (the table logarithm, {@link Log10}, errs by 3e-9 in log₁₀, 6e-5 of a bin).
 * Zero and negative values count in the first bin, values above 10⁴ in the last.
 */
public final class BackscatterPercentiles {
    static final double LOG_MIN = -8, LOG_MAX = 4;
    static final int BINS = 240_000;
    private final long[] counts = new long[BINS];
    private long total;

    /** Adds the valid (not NaN) values of a tile. */
    public void add(float[] values) {
        double scale = BINS / (LOG_MAX - LOG_MIN);
        for (float v : values) {
            if (Float.isNaN(v)) continue;
            int b = v > 0 ? (int) ((Log10.of(v) - LOG_MIN) * scale) : 0;
            counts[b < 0 ? 0 : Math.min(BINS - 1, b)]++;
            total++;
        }
    }

    public long count() {
        return total;
    }

    /** The value below which {@code percent} % of the values lie (bin centre, in value units); NaN without values. */
    public double percentile(double percent) {
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(percent / 100 * total);
        long seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += counts[b];
            if (seen >= Math.max(1, rank)) return Math.pow(10, LOG_MIN + (b + 0.5) * (LOG_MAX - LOG_MIN) / BINS);
        }
        return Math.pow(10, LOG_MAX);
    }
}
