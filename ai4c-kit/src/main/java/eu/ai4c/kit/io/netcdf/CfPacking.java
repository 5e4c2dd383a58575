package eu.ai4c.kit.io.netcdf;

/**
 * CF packing of one variable: {@code unpacked = packed · scale_factor + add_offset}; packed values
 * equal to {@code _FillValue} or {@code missing_value}, or outside {@code valid_min}, {@code
 * valid_max} or {@code valid_range} (compared packed, as CF says), are missing (NaN). Immutable.
 *
 * @param scale    {@code scale_factor} (1 when absent)
 * @param offset   {@code add_offset} (0 when absent)
 * @param missing  packed values that mean "missing"
 * @param validMin smallest valid packed value (−∞ when unbounded)
 * @param validMax largest valid packed value (+∞ when unbounded)
 */
public record CfPacking(double scale, double offset, double[] missing, double validMin, double validMax) {

    /** The packing declared by the variable's attributes. */
    public static CfPacking of(NcVariable v) {
        double scale = v.number("scale_factor", 1);
        double offset = v.number("add_offset", 0);
        double[] fill = v.numbers("_FillValue");
        double[] miss = v.numbers("missing_value");
        int n = (fill == null ? 0 : Math.min(1, fill.length)) + (miss == null ? 0 : miss.length);
        double[] missing = new double[n];
        int k = 0;
        if (fill != null && fill.length > 0) missing[k++] = fill[0];
        if (miss != null) for (double m : miss) missing[k++] = m;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double[] range = v.numbers("valid_range");
        if (range != null && range.length == 2) {
            lo = range[0];
            hi = range[1];
        }
        lo = v.number("valid_min", lo);
        hi = v.number("valid_max", hi);
        return new CfPacking(scale, offset, missing, lo, hi);
    }

    /** Unpacks into floats. */
    public float[] unpack(double[] raw) {
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double r = raw[i];
            out[i] = isMissing(r) ? Float.NaN : (float) (r * scale + offset);
        }
        return out;
    }

    /** Unpacks into doubles. */
    public double[] unpackDouble(double[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double r = raw[i];
            out[i] = isMissing(r) ? Double.NaN : r * scale + offset;
        }
        return out;
    }

    /** True when the stored value means "no data". */
    public boolean isMissing(double raw) {
        if (Double.isNaN(raw) || raw < validMin || raw > validMax) return true;
        for (double m : missing) if (raw == m) return true;
        return false;
    }

    /**
     * The packing CF recommends for values in {@code [min, max]} stored as 16-bit integers with
     * -32767 as fill: {@code scale = (max − min) / 65532}, so that packed values span −32766…32766.
     */
    public static double[] shortScaleOffset(double min, double max) {
        double range = max - min;
        double scale = range > 0 ? range / 65532.0 : 1.0;
        return new double[] {scale, min + 32766.0 * scale};
    }
}
