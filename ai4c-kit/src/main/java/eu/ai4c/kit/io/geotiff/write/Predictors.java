package eu.ai4c.kit.io.geotiff.write;

/**
 * The TIFF predictors, applied to one tile of one band (PlanarConfiguration 2, so the stride
 * between neighbouring samples is 1). Pure kernels over primitive arrays.
 *
 * <ul>
 * <li>Horizontal differencing (Predictor 2, TIFF 6.0 section 14): each sample of a row is replaced
 * by its difference with the sample on its left, in the integer type's wrap-around arithmetic.</li>
 * <li>Floating-point predictor (Predictor 3, Adobe Photoshop TIFF Technical Note 3): the bytes of
 * each row are regrouped most significant byte first (all first bytes of the row, then all second
 * bytes, …) and then differenced byte by byte. The result is independent of the file byte order.</li>
 * </ul>
 */
public final class Predictors {

    private Predictors() {
    }

    /** Horizontal differencing in place over {@code rows} rows of {@code width} bytes. */
    public static void horizontal(byte[] a, int width, int rows) {
        for (int r = 0; r < rows; r++) {
            int start = r * width;
            for (int i = start + width - 1; i > start; i--) {
                a[i] -= a[i - 1];
            }
        }
    }

    /** Horizontal differencing in place over {@code rows} rows of {@code width} 16-bit samples. */
    public static void horizontal(short[] a, int width, int rows) {
        for (int r = 0; r < rows; r++) {
            int start = r * width;
            for (int i = start + width - 1; i > start; i--) {
                a[i] -= a[i - 1];
            }
        }
    }

    /** Horizontal differencing in place over {@code rows} rows of {@code width} 32-bit samples. */
    public static void horizontal(int[] a, int width, int rows) {
        for (int r = 0; r < rows; r++) {
            int start = r * width;
            for (int i = start + width - 1; i > start; i--) {
                a[i] -= a[i - 1];
            }
        }
    }

    /**
     * Floating-point predictor for float32 samples: writes {@code 4 × width × rows} bytes to {@code out}.
     */
    public static void floatingPoint(float[] a, int width, int rows, byte[] out) {
        for (int r = 0; r < rows; r++) {
            int src = r * width;
            int dst = 4 * src;
            for (int i = 0; i < width; i++) {
                int bits = Float.floatToRawIntBits(a[src + i]);
                out[dst + i] = (byte) (bits >>> 24);
                out[dst + width + i] = (byte) (bits >>> 16);
                out[dst + 2 * width + i] = (byte) (bits >>> 8);
                out[dst + 3 * width + i] = (byte) bits;
            }
            differenceBytes(out, dst, 4 * width);
        }
    }

    /**
     * Floating-point predictor for float64 samples: writes {@code 8 × width × rows} bytes to {@code out}.
     */
    public static void floatingPoint(double[] a, int width, int rows, byte[] out) {
        for (int r = 0; r < rows; r++) {
            int src = r * width;
            int dst = 8 * src;
            for (int i = 0; i < width; i++) {
                long bits = Double.doubleToRawLongBits(a[src + i]);
                for (int b = 0; b < 8; b++) {
                    out[dst + b * width + i] = (byte) (bits >>> (56 - 8 * b));
                }
            }
            differenceBytes(out, dst, 8 * width);
        }
    }

    private static void differenceBytes(byte[] row, int start, int length) {
        for (int i = start + length - 1; i > start; i--) {
            row[i] -= row[i - 1];
        }
    }
}
