package eu.ai4c.s1.calibration;

/**
 * Radiometric calibration kernels of Sentinel-1 Level-1 products (ESA, "Sentinel-1 Level 1
 * Radiometric Calibration", the formula of the product specification):
 * {@code value = |DN|² / A²}, with A the {@link CalibrationType} LUT interpolated at the pixel
 * (see {@link LineVectorLut}). Arrays in, arrays out; intermediate arithmetic in double so that
 * the only rounding is the final conversion to float32. An A of 0 gives +∞ (or NaN for DN 0):
 * real LUTs never hold 0.
 *
 * <p>Stateless and thread-safe.</p>
 */
public final class Calibration {
    private Calibration() {
    }

    /** {@code |DN|² / A²} for one sample (DN a detected amplitude). */
    public static double calibrate(double dn, double a) {
        return dn * dn / (a * a);
    }

    /**
     * Detected GRD amplitude: {@code out[i] = dn[i]² / a[i]²}, DN read as unsigned 16-bit.
     *
     * @param dn  uint16 DN ({@code & 0xFFFF})
     * @param a   interpolated LUT (not squared)
     * @param out calibrated intensity (linear)
     * @param n   number of samples
     */
    public static void detected(short[] dn, float[] a, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            double d = dn[i] & 0xFFFF;
            double ai = a[i];
            out[i] = (float) (d * d / (ai * ai));
        }
    }

    /** Complex SLC: {@code out[i] = (I² + Q²) / a[i]²} with {@code iq} interleaved. */
    public static void complex(float[] iq, float[] a, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            double re = iq[2 * i], im = iq[2 * i + 1];
            double ai = a[i];
            out[i] = (float) ((re * re + im * im) / (ai * ai));
        }
    }

    /** An intensity already in |DN|² units (e.g. after thermal noise removal): {@code out[i] = intensity[i] / a[i]²}. */
    public static void intensity(float[] intensity, float[] a, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            double ai = a[i];
            out[i] = (float) (intensity[i] / (ai * ai));
        }
    }
}
