package eu.ai4c.s1.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.s1.safe.NoiseLuts;
import eu.ai4c.s1.safe.NoiseLuts.NoiseAzimuthVector;
import eu.ai4c.s1.safe.NoiseLuts.NoiseRangeVector;
import eu.ai4c.s1.testing.S1Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thermal noise power on the real GRD noise LUTs (range × azimuth): exact at nodes, and equal to
 * an independent double-precision formula elsewhere within 1e-6 relative (float32 output
 * rounding of a product of two doubles ≤ 1.2e-7; see CalibrationInterpolationTest).
 */
class ThermalNoiseTest {
    private static final double TOL = 1e-6;

    static NoiseLuts luts() throws Exception {
        Path f = S1Fixtures.file(S1Fixtures.sarsenGrd().resolve("annotation/calibration"), "noise-");
        return NoiseLuts.parse(Files.readAllBytes(f), f.getFileName().toString());
    }

    static double rangeReference(List<NoiseRangeVector> v, int line, int pixel) {
        int k = 0;
        while (k + 1 < v.size() - 1 && v.get(k + 1).line() <= line) k++;
        NoiseRangeVector a = v.get(k), b = v.get(k + 1);
        double t = Math.max(0, Math.min(1, (line - a.line()) / (double) (b.line() - a.line())));
        return (1 - t) * linear(a.pixel(), a.noiseRangeLut(), pixel) + t * linear(b.pixel(), b.noiseRangeLut(), pixel);
    }

    static double azimuthReference(List<NoiseAzimuthVector> blocks, int line, int pixel) {
        for (NoiseAzimuthVector b : blocks) {
            if (line >= b.firstAzimuthLine() && line <= b.lastAzimuthLine() && pixel >= b.firstRangeSample()
                    && pixel <= b.lastRangeSample()) {
                return linear(b.line(), b.noiseAzimuthLut(), line);
            }
        }
        return 1;
    }

    private static double linear(int[] x, double[] y, int at) {
        if (at <= x[0]) return y[0];
        for (int j = 0; j < x.length - 1; j++) {
            if (at < x[j + 1]) return y[j] + (at - x[j]) / (double) (x[j + 1] - x[j]) * (y[j + 1] - y[j]);
        }
        return y[x.length - 1];
    }

    @Test
    void exactAtRangeAndAzimuthNodes() throws Exception {
        NoiseLuts luts = luts();
        NoisePowerLut lut = NoisePowerLut.of(luts);
        for (NoiseRangeVector v : luts.noiseRangeVectorList()) {
            float[] row = new float[26102];
            lut.range().interpolate(0, v.line(), 26102, 1, row, 0, false);
            for (int j = 0; j < v.pixel().length; j++) {
                assertEquals((float) v.noiseRangeLut()[j], row[v.pixel()[j]], "line " + v.line() + " pixel " + v.pixel()[j]);
            }
        }
        NoiseAzimuthVector iw3 = luts.noiseAzimuthVectorList().get(2);
        float[] column = new float[16705];
        lut.azimuth().interpolate(20000, 0, 1, 16705, column, 0);
        for (int i = 0; i < iw3.line().length; i++) {
            assertEquals((float) iw3.noiseAzimuthLut()[i], column[iw3.line()[i]], "IW3 line " + iw3.line()[i]);
        }
    }

    @Test
    void noisePowerMatchesIndependentFormula() throws Exception {
        NoiseLuts luts = luts();
        NoisePowerLut lut = NoisePowerLut.of(luts);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 30; trial++) {
            // windows straddling the sub-swath boundaries 8889|8890 and 17700|17701 included
            int x0 = trial < 3 ? 8700 + trial * 4500 : rnd.nextInt(26102 - 400), y0 = rnd.nextInt(16705 - 300);
            int w = 1 + rnd.nextInt(400), h = 1 + rnd.nextInt(300);
            float[] n = new float[w * h];
            lut.interpolate(x0, y0, w, h, n);
            for (int i = 0; i < 80; i++) {
                int c = rnd.nextInt(w), r = rnd.nextInt(h);
                double expected = rangeReference(luts.noiseRangeVectorList(), y0 + r, x0 + c)
                        * azimuthReference(luts.noiseAzimuthVectorList(), y0 + r, x0 + c);
                assertEquals(expected, n[r * w + c], TOL * expected + 1e-30, "at " + (y0 + r) + "," + (x0 + c));
            }
        }
    }

    @Test
    void legacyLayoutHasNoAzimuthFactor() throws Exception {
        Path f = S1Fixtures.file(S1Fixtures.sarsenGrd().resolve("annotation/calibration"), "noise-");
        String xml = Files.readString(f);
        String legacy = (xml.substring(0, xml.indexOf("<noiseAzimuthVectorList")) + "</noise>\n")
                .replace("noiseRangeVectorList", "noiseVectorList").replace("noiseRangeVector>", "noiseVector>")
                .replace("noiseRangeLut", "noiseLut");
        NoiseLuts old = NoiseLuts.parse(legacy.getBytes(StandardCharsets.UTF_8), "noise-legacy.xml");
        NoisePowerLut lut = NoisePowerLut.of(old);
        assertTrue(lut.azimuth().isNeutral());
        float[] n = new float[64];
        lut.interpolate(5000, 3000, 8, 8, n);
        for (int i = 0; i < 64; i++) {
            double expected = rangeReference(old.noiseRangeVectorList(), 3000 + i / 8, 5000 + i % 8);
            assertEquals(expected, n[i], TOL * expected);
        }
    }

    @Test
    void denoisingClipsNegativesAndCalibrates() {
        short[] dn = {10, 50, (short) 60000, 0};
        float[] noise = {200f, 100f, 5e6f, 1f};
        float[] out = new float[4];
        ThermalNoise.denoiseDetected(dn, noise, out, 4);
        assertEquals(0f, out[0]);
        assertEquals(2400f, out[1]);
        assertEquals((float) (60000.0 * 60000.0 - 5e6), out[2]);
        assertEquals(0f, out[3]);
        float[] a = {2f, 10f, 500f, 3f};
        ThermalNoise.denoiseAndCalibrate(dn, noise, a, out, 4);
        assertEquals(0f, out[0]);
        assertEquals(24f, out[1]);
        assertEquals((float) ((60000.0 * 60000.0 - 5e6) / 250000.0), out[2]);
        float[] iq = {3, 4, 0, 1};
        float[] c = new float[2];
        ThermalNoise.denoiseComplex(iq, new float[] {5f, 2f}, c, 2);
        assertEquals(20f, c[0]);
        assertEquals(0f, c[1]);
        assertEquals(0, ThermalNoise.denoise(3, 10));
    }
}
