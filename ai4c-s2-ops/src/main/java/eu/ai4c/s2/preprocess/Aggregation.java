package eu.ai4c.s2.preprocess;

import java.util.Arrays;

/**
 * Downsampling kernels: each target pixel aggregates the whole source pixels whose centres lie in
 * it. Pure functions on primitive arrays; no I/O, no allocation per pixel.
 *
 * <h2>Geometry</h2>
 * Coordinates are source pixel-corner coordinates relative to the source array: target pixel
 * {@code (i, j)} covers {@code [u0 + i·s, u0 + (i+1)·s) × [v0 + j·s, v0 + (j+1)·s)}, where
 * {@code s ≥ 1} is the ratio of target to source pixel size. Source pixel {@code c} belongs to
 * it when its centre {@code c + 0.5} is inside. For the integer ratios of Sentinel-2 (2, 3, 6)
 * on aligned grids this is exactly the {@code s × s} block. Source pixels outside the array do
 * not exist; a target pixel without any is NaN (flags: 0).
 *
 * <h2>Thread-safety</h2>
 * Stateless.
 */
public final class Aggregation {

    private Aggregation() {
    }

    /**
     * Downsamples floats (NaN = no-data).
     *
     * @param src source samples, {@code sw × sh} row-major
     * @param u0  source x of the target array's left edge (pixel-corner, relative to {@code src})
     * @param v0  source y of its top edge
     * @param s   target pixel size in source pixels (≥ 1)
     * @param dst receives {@code tw × th} values
     */
    public static void downsample(float[] src, int sw, int sh, double u0, double v0, double s,
                                  float[] dst, int tw, int th, Downsampling method) {
        int[] c0 = new int[tw], c1 = new int[tw], r0 = new int[th], r1 = new int[th];
        int maxCell = spans(u0, s, sw, c0, c1) * spans(v0, s, sh, r0, r1);
        float[] scratch = method == Downsampling.Median ? new float[Math.max(1, maxCell)] : null;
        for (int j = 0; j < th; j++) {
            for (int i = 0; i < tw; i++) {
                dst[j * tw + i] = cell(src, sw, c0[i], c1[i], r0[j], r1[j], method, scratch);
            }
        }
    }

    private static float cell(float[] src, int sw, int ca, int cb, int ra, int rb, Downsampling m, float[] scratch) {
        if (ca >= cb || ra >= rb) return Float.NaN;
        if (m == Downsampling.First) return src[ra * sw + ca];
        double sum = 0;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        int n = 0;
        for (int r = ra; r < rb; r++) {
            int base = r * sw;
            for (int c = ca; c < cb; c++) {
                float v = src[base + c];
                if (Float.isNaN(v)) continue;
                if (scratch != null) scratch[n] = v;
                n++;
                sum += v;
                if (v < min) min = v;
                if (v > max) max = v;
            }
        }
        if (n == 0) return Float.NaN;
        return switch (m) {
            case Min -> min;
            case Max -> max;
            case Mean -> (float) (sum / n);
            case Median -> median(scratch, n);
            case First -> throw new AssertionError();
        };
    }

    private static float median(float[] v, int n) {
        Arrays.sort(v, 0, n);
        return (n & 1) == 1 ? v[n / 2] : (float) ((v[n / 2 - 1] + (double) v[n / 2]) / 2);
    }

    /**
     * Downsamples 8-bit flags (each bit a flag) with the same geometry as
     * {@link #downsample(float[], int, int, double, double, double, float[], int, int, Downsampling)}.
     */
    public static void downsampleFlags(byte[] src, int sw, int sh, double u0, double v0, double s,
                                       byte[] dst, int tw, int th, FlagDownsampling method) {
        int[] c0 = new int[tw], c1 = new int[tw], r0 = new int[th], r1 = new int[th];
        spans(u0, s, sw, c0, c1);
        spans(v0, s, sh, r0, r1);
        int[] bitCounts = new int[8];
        for (int j = 0; j < th; j++) {
            for (int i = 0; i < tw; i++) {
                dst[j * tw + i] = flagCell(src, sw, c0[i], c1[i], r0[j], r1[j], method, bitCounts);
            }
        }
    }

    private static byte flagCell(byte[] src, int sw, int ca, int cb, int ra, int rb, FlagDownsampling m, int[] counts) {
        if (ca >= cb || ra >= rb) return 0;
        if (m == FlagDownsampling.First) return src[ra * sw + ca];
        int and = 0xFF, or = 0, n = 0;
        Arrays.fill(counts, 0);
        for (int r = ra; r < rb; r++) {
            for (int c = ca; c < cb; c++) {
                int v = src[r * sw + c] & 0xFF;
                and &= v;
                or |= v;
                n++;
                for (int b = 0; b < 8; b++) counts[b] += (v >> b) & 1;
            }
        }
        if (m == FlagDownsampling.FlagAnd) return (byte) and;
        if (m == FlagDownsampling.FlagOr) return (byte) or;
        int out = 0;
        boolean tieSets = m == FlagDownsampling.FlagMedianOr;
        for (int b = 0; b < 8; b++) {
            if (2 * counts[b] > n || (2 * counts[b] == n && tieSets && counts[b] > 0)) out |= 1 << b;
        }
        return (byte) out;
    }

    /**
     * Source index span {@code [lo, hi)} per target index along one axis, clipped to {@code [0, size)};
     * returns the largest span length.
     */
    static int spans(double origin, double s, int size, int[] lo, int[] hi) {
        int max = 0;
        for (int i = 0; i < lo.length; i++) {
            double a = origin + i * s, b = a + s;
            int l = (int) Math.ceil(a - 0.5 - 1e-9), h = (int) Math.ceil(b - 0.5 - 1e-9);
            lo[i] = Math.max(0, l);
            hi[i] = Math.min(size, h);
            max = Math.max(max, hi[i] - lo[i]);
        }
        return max;
    }
}
