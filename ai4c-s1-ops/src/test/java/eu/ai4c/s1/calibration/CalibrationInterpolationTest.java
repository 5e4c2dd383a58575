package eu.ai4c.s1.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.s1.safe.CalibrationLuts;
import eu.ai4c.s1.safe.CalibrationLuts.CalibrationVector;
import eu.ai4c.s1.testing.S1Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Calibration on the real GRD fixture LUTs: exact at LUT nodes, and at interpolated positions
 * equal to an independent double-precision bilinear formula within 1e-6 relative. Why 1e-6: the
 * kernel computes in double from the same XML values and rounds once to float32 (relative error
 * ≤ 2⁻²⁴ ≈ 6e-8 for A, ≈ 1.2e-7 for A², ≈ 1.8e-7 for |DN|²/A² after A is stored as float);
 * any indexing or weighting mistake is orders of magnitude larger (neighbouring nodes differ by ~1e-3 relative).
 */
class CalibrationInterpolationTest {
    private static final double TOL = 1e-6;

    static CalibrationLuts luts() throws Exception {
        Path f = S1Fixtures.file(S1Fixtures.sarsenGrd().resolve("annotation/calibration"), "calibration-");
        return CalibrationLuts.parse(Files.readAllBytes(f), f.getFileName().toString());
    }

    /** Independent reference: plain scans for the bracketing nodes, weights in double, clamped at the ends. */
    static double reference(List<CalibrationVector> v, CalibrationType type, int line, int pixel) {
        int k = 0;
        while (k + 1 < v.size() - 1 && v.get(k + 1).line() <= line) k++;
        CalibrationVector a = v.get(k), b = v.get(Math.min(k + 1, v.size() - 1));
        double t = b.line() == a.line() ? 0 : Math.max(0, Math.min(1, (line - a.line()) / (double) (b.line() - a.line())));
        return (1 - t) * alongPixel(a, type, pixel) + t * alongPixel(b, type, pixel);
    }

    private static double alongPixel(CalibrationVector v, CalibrationType type, int pixel) {
        double[] lut = switch (type) {
            case SIGMA_NOUGHT -> v.sigmaNought();
            case BETA_NOUGHT -> v.betaNought();
            case GAMMA -> v.gamma();
            case DN -> v.dn();
        };
        int[] p = v.pixel();
        if (pixel <= p[0]) return lut[0];
        for (int j = 0; j < p.length - 1; j++) {
            if (pixel < p[j + 1]) {
                double u = (pixel - p[j]) / (double) (p[j + 1] - p[j]);
                return lut[j] + u * (lut[j + 1] - lut[j]);
            }
        }
        return lut[p.length - 1];
    }

    @Test
    void exactAtNodes() throws Exception {
        CalibrationLuts luts = luts();
        for (CalibrationType type : CalibrationType.values()) {
            LineVectorLut lut = type.lut(luts);
            for (CalibrationVector v : luts.calibrationVectorList()) {
                if (v.line() > 16704) continue;
                float[] row = new float[26102];
                lut.interpolate(0, v.line(), 26102, 1, row, 0, false);
                double[] values = switch (type) {
                    case SIGMA_NOUGHT -> v.sigmaNought();
                    case BETA_NOUGHT -> v.betaNought();
                    case GAMMA -> v.gamma();
                    case DN -> v.dn();
                };
                for (int j = 0; j < v.pixel().length; j++) {
                    assertEquals((float) values[j], row[v.pixel()[j]], type + " line " + v.line() + " pixel " + v.pixel()[j]);
                }
            }
        }
        // σ⁰ = |DN|²/A² at a node, evaluated with the node's A as the kernel stores it (float32)
        CalibrationVector v = luts.calibrationVectorList().get(4);
        float[] a = new float[1];
        CalibrationType.SIGMA_NOUGHT.lut(luts).interpolate(v.pixel()[100], v.line(), 1, 1, a, 0, false);
        float[] s0 = new float[1];
        Calibration.detected(new short[] {(short) 1234}, a, s0, 1);
        double af = (float) v.sigmaNought()[100];
        assertEquals((float) (1234.0 * 1234.0 / (af * af)), s0[0]);
    }

    @Test
    void interpolatedPositionsMatchIndependentBilinear() throws Exception {
        CalibrationLuts luts = luts();
        List<CalibrationVector> v = luts.calibrationVectorList();
        SplittableRandom rnd = new SplittableRandom(7);
        for (CalibrationType type : CalibrationType.values()) {
            LineVectorLut lut = type.lut(luts);
            for (int trial = 0; trial < 20; trial++) {
                int x0 = rnd.nextInt(26102 - 300), y0 = rnd.nextInt(16705 - 200);
                int w = 1 + rnd.nextInt(300), h = 1 + rnd.nextInt(200);
                float[] a = new float[w * h], a2 = new float[w * h];
                lut.interpolate(x0, y0, w, h, a, 0, false);
                lut.interpolate(x0, y0, w, h, a2, 0, true);
                for (int i = 0; i < 50; i++) {
                    int c = rnd.nextInt(w), r = rnd.nextInt(h);
                    double expected = reference(v, type, y0 + r, x0 + c);
                    assertEquals(expected, a[r * w + c], TOL * expected, type + " at " + (y0 + r) + "," + (x0 + c));
                    assertEquals(expected * expected, a2[r * w + c], TOL * expected * expected);
                    assertEquals(expected, lut.valueAt(y0 + r, x0 + c), 1e-12 * expected);
                }
            }
        }
    }

    @Test
    void calibratedValueEqualsEsaFormula() throws Exception {
        CalibrationLuts luts = luts();
        List<CalibrationVector> v = luts.calibrationVectorList();
        int x0 = 9000, y0 = 1200, w = 256, h = 128;
        SplittableRandom rnd = new SplittableRandom(3);
        short[] dn = new short[w * h];
        for (int i = 0; i < dn.length; i++) dn[i] = (short) rnd.nextInt(1, 65536);
        for (CalibrationType type : new CalibrationType[] {CalibrationType.SIGMA_NOUGHT, CalibrationType.GAMMA, CalibrationType.BETA_NOUGHT}) {
            float[] a = new float[w * h], out = new float[w * h];
            type.lut(luts).interpolate(x0, y0, w, h, a, 0, false);
            Calibration.detected(dn, a, out, w * h);
            for (int i = 0; i < w * h; i++) {
                double d = dn[i] & 0xFFFF;
                double aa = reference(v, type, y0 + i / w, x0 + i % w);
                double expected = d * d / (aa * aa);
                assertEquals(expected, out[i], TOL * expected, type + " sample " + i);
            }
        }
    }

    @Test
    void slcVectorsWithNegativeLinesClampOutside() throws Exception {
        Path f = S1Fixtures.file(S1Fixtures.sarsenSlc().resolve("annotation/calibration"), "calibration-");
        CalibrationLuts luts = CalibrationLuts.parse(Files.readAllBytes(f), f.getFileName().toString());
        List<CalibrationVector> v = luts.calibrationVectorList();
        assertEquals(-574, v.get(0).line());
        LineVectorLut lut = CalibrationType.SIGMA_NOUGHT.lut(luts);
        // line 0 lies between the vectors at −574 and 70; beyond the last pixel the end value holds
        assertEquals(reference(v, CalibrationType.SIGMA_NOUGHT, 0, 100), lut.valueAt(0, 100), 1e-9);
        assertEquals(v.get(28).sigmaNought()[568], lut.valueAt(20000, 30000), 0);
        assertEquals(v.get(0).sigmaNought()[0], lut.valueAt(-2000, -5), 0);
    }

    @Test
    void decibels() {
        float[] in = {1f, 0.1f, 0f, -1f, Float.NaN, 100f}, out = new float[6];
        Decibel.fromLinear(in, out, 6, Float.NaN);
        assertEquals(0f, out[0]);
        assertEquals(-10f, out[1], 1e-6);
        assertTrue(Float.isNaN(out[2]) && Float.isNaN(out[3]) && Float.isNaN(out[4]));
        assertEquals(20f, out[5], 1e-6);
        Decibel.fromLinear(in, out, 6, Float.NEGATIVE_INFINITY);
        assertEquals(Float.NEGATIVE_INFINITY, out[2]);
        assertEquals(0.1, Decibel.toLinear(-10), 1e-15);
        assertEquals(-3.0103, Decibel.fromLinear(0.5, Double.NaN), 1e-4);
    }
}
