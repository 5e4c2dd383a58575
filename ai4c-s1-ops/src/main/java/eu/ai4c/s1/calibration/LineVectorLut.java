package eu.ai4c.s1.calibration;

import java.util.Arrays;

/**
 * A look-up table given as vectors at increasing image lines, each vector with values at its own
 * increasing pixels — the layout of the Sentinel-1 calibration vectors and noise range vectors.
 * Interpolation is bilinear in (line, pixel): within a vector, linear in pixel between its two
 * bracketing pixels; between the two vectors bracketing a line, linear in line. Positions before
 * the first / after the last node take the end value (no extrapolation), as the vectors of IPF
 * products cover the whole image.
 *
 * <p>At a node the result is the node's value exactly: both blends are written as
 * {@code (1−t)·a + t·b}, which gives {@code a} for {@code t = 0} and {@code b} for {@code t = 1}.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable and thread-safe; {@link #interpolate} allocates only two scratch rows per call.
 */
public final class LineVectorLut {
    private final int[] lines;
    private final int[][] pixels;
    private final double[][] values;

    /**
     * @param lines  vector lines, strictly increasing, at least one
     * @param pixels per vector, its pixels, strictly increasing, at least one
     * @param values per vector, one value per pixel
     */
    public LineVectorLut(int[] lines, int[][] pixels, double[][] values) {
        if (lines.length == 0 || pixels.length != lines.length || values.length != lines.length) {
            throw new IllegalArgumentException("Need one pixel and one value array per line, and at least one line");
        }
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && lines[i] <= lines[i - 1]) throw new IllegalArgumentException("Lines must increase at " + i);
            if (pixels[i].length == 0 || pixels[i].length != values[i].length) {
                throw new IllegalArgumentException("Vector " + i + " has " + pixels[i].length + " pixels and "
                        + values[i].length + " values");
            }
        }
        this.lines = lines.clone();
        this.pixels = pixels.clone();
        this.values = values.clone();
    }

    /** Number of vectors. */
    public int size() {
        return lines.length;
    }

    /**
     * Fills {@code out[offset + r·w + c]} with the LUT at line {@code y0 + r}, pixel {@code x0 + c}
     * for the {@code w × h} window, squared when {@code squared} (e.g. A² for calibration).
     */
    public void interpolate(int x0, int y0, int w, int h, float[] out, int offset, boolean squared) {
        double[] row0 = new double[w], row1 = new double[w];
        int cached = -1;
        for (int r = 0; r < h; r++) {
            int y = y0 + r;
            int k = lowerVector(y);
            if (k != cached) {
                alongPixels(k, x0, w, row0);
                alongPixels(Math.min(k + 1, lines.length - 1), x0, w, row1);
                cached = k;
            }
            double t = weight(y, k);
            double s = 1 - t;
            int o = offset + r * w;
            if (squared) {
                for (int c = 0; c < w; c++) {
                    double v = s * row0[c] + t * row1[c];
                    out[o + c] = (float) (v * v);
                }
            } else {
                for (int c = 0; c < w; c++) out[o + c] = (float) (s * row0[c] + t * row1[c]);
            }
        }
    }

    /** The interpolated value at one position (slow path; the same formula as {@link #interpolate}). */
    public double valueAt(int line, int pixel) {
        int k = lowerVector(line);
        double[] a = new double[1], b = new double[1];
        alongPixels(k, pixel, 1, a);
        alongPixels(Math.min(k + 1, lines.length - 1), pixel, 1, b);
        double t = weight(line, k);
        return (1 - t) * a[0] + t * b[0];
    }

    /** Index of the vector starting the line interval holding {@code y} (0..n−2, or 0 for one vector). */
    private int lowerVector(int y) {
        if (lines.length == 1) return 0;
        int i = Arrays.binarySearch(lines, y);
        if (i < 0) i = -i - 2;
        return Math.max(0, Math.min(i, lines.length - 2));
    }

    /** Weight of the upper vector for line {@code y} in interval {@code k}, clamped to [0, 1]. */
    private double weight(int y, int k) {
        if (lines.length == 1) return 0;
        double t = (double) (y - lines[k]) / (lines[k + 1] - lines[k]);
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    /** Vector {@code v} interpolated at pixels {@code x0 .. x0+w-1}; the bracketing index advances incrementally. */
    private void alongPixels(int v, int x0, int w, double[] dst) {
        int[] p = pixels[v];
        double[] val = values[v];
        int last = p.length - 1;
        if (last == 0) {
            Arrays.fill(dst, 0, w, val[0]);
            return;
        }
        int j = Arrays.binarySearch(p, x0);
        if (j < 0) j = -j - 2;
        j = Math.max(0, Math.min(j, last - 1));
        for (int c = 0; c < w; c++) {
            int x = x0 + c;
            while (j < last - 1 && p[j + 1] <= x) j++;
            if (x <= p[0]) {
                dst[c] = val[0];
            } else if (x >= p[last]) {
                dst[c] = val[last];
            } else {
                double u = (double) (x - p[j]) / (p[j + 1] - p[j]);
                dst[c] = (1 - u) * val[j] + u * val[j + 1];
            }
        }
    }
}
