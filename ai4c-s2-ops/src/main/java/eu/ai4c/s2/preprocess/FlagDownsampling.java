package eu.ai4c.s2.preprocess;

/**
 * How a flag band (bit mask; here the cloud flag) is brought to a coarser grid (table 4, "Flag
 * downsampling method"), over the source pixels whose centres fall inside the target pixel, bit by bit.
 */
public enum FlagDownsampling {
    /** The flags of the upper-left source pixel. */
    First,
    /** A bit is set when it is set in every source pixel. */
    FlagAnd,
    /** A bit is set when it is set in any source pixel. */
    FlagOr,
    /**
     * The median of the bit's values: set when set in more than half of the pixels; for an even
     * count split exactly in half, the two middle values are combined with AND (not set).
     */
    FlagMedianAnd,
    /** As {@link #FlagMedianAnd}, but an exact half is combined with OR (set). */
    FlagMedianOr
}
