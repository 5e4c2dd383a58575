package eu.ai4c.kit.io.netcdf;

/** Conversions of attribute values (text or primitive arrays). */
final class NcAttributes {
    private NcAttributes() {
    }

    /** The values of a numeric attribute as doubles; null for text or absent attributes. */
    static double[] toDoubles(Object v) {
        if (v instanceof double[] d) return d.clone();
        if (v instanceof Number n) return new double[] {n.doubleValue()};
        double[] out;
        if (v instanceof float[] a) {
            out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
        } else if (v instanceof int[] a) {
            out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
        } else if (v instanceof short[] a) {
            out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
        } else if (v instanceof byte[] a) {
            out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
        } else if (v instanceof long[] a) {
            out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
        } else {
            return null;
        }
        return out;
    }
}
