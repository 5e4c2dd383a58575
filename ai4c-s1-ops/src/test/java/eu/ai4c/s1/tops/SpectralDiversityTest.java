package eu.ai4c.s1.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectralDiversityTest {
    static final double DT = 2.055556e-3;

    /**
     * An overlap of 100 lines × 200 samples seen by two bursts at Doppler centroids 4.7 kHz apart
     * (an IW k_t of 1.7 kHz/s times a 2.75 s burst cycle), with a topographic phase and scatterers
     * common to both looks, a secondary that lags by 0.02 lines, and its own noise (coherence
     * 0.8). The estimate is within 0.002 lines (a tenth of the shift; its standard deviation here is
     * about 4e-5 lines).
     */
    @Test
    void recoversAPlantedAzimuthLag() {
        int w = 200, h = 100;
        double lagLines = 0.02, lag = lagLines * DT, fFirst = 2350, fSecond = -2350, gamma = 0.8;
        SplittableRandom r = new SplittableRandom(5);
        // scatterers as a sum of slow azimuth components, so they can be taken at any time
        int k = 6;
        double[][] amp = new double[w][2 * k], freq = new double[w][k];
        for (int x = 0; x < w; x++) {
            for (int j = 0; j < k; j++) {
                amp[x][2 * j] = r.nextDouble() - 0.5;
                amp[x][2 * j + 1] = r.nextDouble() - 0.5;
                freq[x][j] = 40 * (r.nextDouble() - 0.5);
            }
        }
        float[] mF = new float[2 * w * h], sF = new float[2 * w * h], mS = new float[2 * w * h], sS = new float[2 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = y * DT, topo = 0.3 * x + 0.001 * y * y;
                int i = 2 * (y * w + x);
                put(mF, i, scatterer(amp[x], freq[x], t), fFirst * t + topo / (2 * Math.PI), 0, 0);
                put(mS, i, scatterer(amp[x], freq[x], t), fSecond * t + topo / (2 * Math.PI), 0, 0);
                double nr = gauss(r), ni = gauss(r), nr2 = gauss(r), ni2 = gauss(r);
                // scatterer power is 1 (6 components of variance 1/6): noise power 1/γ² − 1 gives coherence γ
                double noise = Math.sqrt((1 / (gamma * gamma) - 1) / 2);
                put(sF, i, scatterer(amp[x], freq[x], t + lag), fFirst * (t + lag) + topo / (2 * Math.PI), noise * nr, noise * ni);
                put(sS, i, scatterer(amp[x], freq[x], t + lag), fSecond * (t + lag) + topo / (2 * Math.PI), noise * nr2, noise * ni2);
            }
        }
        double[] separation = new double[w];
        java.util.Arrays.fill(separation, fFirst - fSecond);
        double shift = SpectralDiversity.azimuthShift(mF, sF, mS, sS, separation, w, h);
        assertEquals(lagLines, shift / DT, 0.002, "estimated lag " + shift / DT + " lines");
        // no lag, no shift
        double none = SpectralDiversity.azimuthShift(mF, mF, mS, mS, separation, w, h);
        assertTrue(Math.abs(none) < 1e-12, "identical images: " + none);
    }

    static double[] scatterer(double[] amp, double[] freq, double t) {
        double re = 0, im = 0;
        for (int j = 0; j < freq.length; j++) {
            double p = 2 * Math.PI * freq[j] * t, c = Math.cos(p), s = Math.sin(p);
            re += amp[2 * j] * c - amp[2 * j + 1] * s;
            im += amp[2 * j] * s + amp[2 * j + 1] * c;
        }
        return new double[] {re, im};
    }

    /** Writes n·e^(i2π·cycles) plus noise at index i. */
    static void put(float[] a, int i, double[] n, double cycles, double nr, double ni) {
        double p = 2 * Math.PI * cycles, c = Math.cos(p), s = Math.sin(p);
        a[i] = (float) (n[0] * c - n[1] * s + nr);
        a[i + 1] = (float) (n[0] * s + n[1] * c + ni);
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
