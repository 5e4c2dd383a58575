package eu.ai4c.s2.preprocess;

/**
 * How a band is brought to a coarser grid (table 4, "Downsampling method"): an aggregation of the
 * whole source pixels whose centres fall inside the target pixel (for 10 → 20 m, the 2×2 block),
 * no-data (NaN) pixels left out, as SNAP's S2Resampling does.
 */
public enum Downsampling {
    /** The upper-left source pixel of the block, whatever its value (NaN stays NaN). */
    First,
    /** The smallest valid value. */
    Min,
    /** The largest valid value. */
    Max,
    /** The arithmetic mean of the valid values. */
    Mean,
    /** The median of the valid values (mean of the two middle ones for an even count). */
    Median
}
