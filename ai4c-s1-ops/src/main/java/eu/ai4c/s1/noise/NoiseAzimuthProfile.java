package eu.ai4c.s1.noise;

import eu.ai4c.s1.safe.NoiseLuts.NoiseAzimuthVector;
import java.util.Arrays;
import java.util.List;

/**
 * The azimuth noise factor of IPF 2.9+ products: per block
 * ({@code firstAzimuthLine..lastAzimuthLine} × {@code firstRangeSample..lastRangeSample}, inclusive),
 * a profile {@code noiseAzimuthLut} at increasing lines, interpolated linearly in line (end values
 * held outside the profile; a one-entry profile is constant). Pixels in no block get the neutral
 * factor 1, as for pre-2.9 products that have no azimuth vectors.
 *
 * <h2>Thread-safety</h2>
 * Immutable and thread-safe.
 */
public final class NoiseAzimuthProfile {
    private final int[] firstLine, lastLine, firstSample, lastSample;
    private final int[][] lines;
    private final double[][] lut;

    public NoiseAzimuthProfile(List<NoiseAzimuthVector> vectors) {
        int n = vectors.size();
        firstLine = new int[n];
        lastLine = new int[n];
        firstSample = new int[n];
        lastSample = new int[n];
        lines = new int[n][];
        lut = new double[n][];
        for (int i = 0; i < n; i++) {
            NoiseAzimuthVector v = vectors.get(i);
            firstLine[i] = v.firstAzimuthLine();
            lastLine[i] = v.lastAzimuthLine();
            firstSample[i] = v.firstRangeSample();
            lastSample[i] = v.lastRangeSample();
            lines[i] = v.line();
            lut[i] = v.noiseAzimuthLut();
        }
    }

    /** True when there are no blocks (every factor is 1). */
    public boolean isNeutral() {
        return lines.length == 0;
    }

    /** Fills {@code out[offset + r·w + c]} with the factor at line {@code y0+r}, sample {@code x0+c}. */
    public void interpolate(int x0, int y0, int w, int h, float[] out, int offset) {
        for (int r = 0; r < h; r++) Arrays.fill(out, offset + r * w, offset + r * w + w, 1f);
        multiplyInto(x0, y0, w, h, out, offset);
    }

    /**
     * Multiplies {@code out[offset + r·w + c]} by the factor at line {@code y0+r}, sample {@code x0+c}
     * (pixels in no block are left as they are: factor 1). No scratch memory.
     */
    public void multiplyInto(int x0, int y0, int w, int h, float[] out, int offset) {
        for (int b = 0; b < lines.length; b++) {
            int ya = Math.max(y0, firstLine[b]), yb = Math.min(y0 + h - 1, lastLine[b]);
            int xa = Math.max(x0, firstSample[b]), xb = Math.min(x0 + w - 1, lastSample[b]);
            if (ya > yb || xa > xb) continue;
            int[] l = lines[b];
            double[] v = lut[b];
            int last = l.length - 1;
            int j = Arrays.binarySearch(l, ya);
            if (j < 0) j = -j - 2;
            j = Math.max(0, Math.min(j, Math.max(0, last - 1)));
            for (int y = ya; y <= yb; y++) {
                while (j < last - 1 && l[j + 1] <= y) j++;
                double f = profile(l, v, j, y);
                int o = offset + (y - y0) * w - x0;
                for (int x = xa; x <= xb; x++) out[o + x] = (float) (out[o + x] * f);
            }
        }
    }

    private static double profile(int[] l, double[] v, int j, int y) {
        int last = l.length - 1;
        if (last == 0 || y <= l[0]) return v[0];
        if (y >= l[last]) return v[last];
        double u = (double) (y - l[j]) / (l[j + 1] - l[j]);
        return (1 - u) * v[j] + u * v[j + 1];
    }
}
