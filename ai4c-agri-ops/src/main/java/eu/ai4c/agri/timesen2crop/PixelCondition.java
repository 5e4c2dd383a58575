package eu.ai4c.agri.timesen2crop;

/**
 * The per-date pixel condition of a TimeSen2Crop sample, the last column of its .csv file
 * (table 8: clear 0, cloud 1, shadow 2, snow 3). Only clear observations enter monthly medians.
 */
public enum PixelCondition {
    CLEAR, CLOUD, SHADOW, SNOW;

    /** The code written in the files (the ordinal). */
    public int code() {
        return ordinal();
    }

    /** The condition of a code; {@link IllegalArgumentException} outside 0–3. */
    public static PixelCondition ofCode(int code) {
        if (code < 0 || code > 3) throw new IllegalArgumentException("pixel condition codes are 0-3, got " + code);
        return values()[code];
    }
}
