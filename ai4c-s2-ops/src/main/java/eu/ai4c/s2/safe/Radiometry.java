package eu.ai4c.s2.safe;

/**
 * Converts Sentinel-2 digital numbers to reflectance:
 * {@code ρ = (DN + offset) / quantification} (Sentinel-2 Products Specification Document,
 * radiometric offset from processing baseline 04.00), with the NODATA DN (0) mapped to NaN.
 * Pure kernels on primitive arrays. Stateless.
 */
public final class Radiometry {

    private Radiometry() {
    }

    /**
     * Converts {@code n} unsigned 16-bit DNs.
     *
     * @param dn             DNs (read with {@code & 0xFFFF})
     * @param out            reflectance (dimensionless), NaN where DN is {@code noData}
     * @param offset         additive offset in DN (0 before baseline 04.00, typically −1000 after)
     * @param quantification DN per unit reflectance (10000)
     * @param noData         the NODATA DN (0)
     */
    public static void toReflectance(short[] dn, float[] out, int n, double offset, double quantification, int noData) {
        double scale = 1.0 / quantification;
        for (int i = 0; i < n; i++) {
            int v = dn[i] & 0xFFFF;
            out[i] = v == noData ? Float.NaN : (float) ((v + offset) * scale);
        }
    }

    /** The same for DNs already in floating point (e.g. GeoTIFF patches stored as float). */
    public static void toReflectance(float[] dn, float[] out, int n, double offset, double quantification, int noData) {
        double scale = 1.0 / quantification;
        for (int i = 0; i < n; i++) {
            float v = dn[i];
            out[i] = (v == noData || Float.isNaN(v)) ? Float.NaN : (float) ((v + offset) * scale);
        }
    }
}
