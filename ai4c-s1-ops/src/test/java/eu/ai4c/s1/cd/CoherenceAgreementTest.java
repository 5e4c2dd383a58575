package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.coreg.BackGeocoding;
import eu.ai4c.s1.coreg.CoregisteredSwath;
import eu.ai4c.s1.coreg.OffsetGrid;
import eu.ai4c.s1.coreg.SwathImage;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.synthetic.RepeatPassPair;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The co-registration and coherence chain against the textbook estimator computed directly: on a
 * pair flown on the same orbit track (zero baseline, no along-track shift, no timing error) the
 * secondary needs no resampling and carries no reference phase, so the coherence is
 * |Σ s1·s2*| / √(Σ|s1|²·Σ|s2|²) of the calibrated SLC samples themselves, summed here pixel by
 * pixel over the 10 × 10 window clipped to the burst (no box sums, no phase tables). The chain must
 * agree to mean |Δγ| ≤ 1e-3 (the level a GPU port of SNAP's chain reaches against SNAP); what
 * remains are float roundings of the identity resampling and of the phase tables.
 */
class CoherenceAgreementTest {
    @TempDir
    Path dir;

    @Test
    void coherenceOfTheChainEqualsTheDirectEstimatorOnAZeroBaselinePair() throws Exception {
        RepeatPassPair.Builder b = RepeatPassPair.builder(300, 120, 1).swaths(1).baseline(0).alongTrackShift(0)
                .background(0.05, 0.6).seed(9);
        b.area(0, 10, 110, 40, 140, 0.1, 0.1, 0.3);
        b.area(0, 10, 110, 160, 260, 0.1, 0.1, 0.9);
        Path[] p = b.build().write(dir);
        try (S1Product ref = S1Product.open(p[0]); S1Product sec = S1Product.open(p[1])) {
            SwathImage m = SwathImage.of(ref, "IW1", "VV", CalibrationType.SIGMA_NOUGHT, null, WarningListener.LOG);
            SwathImage s = SwathImage.of(sec, "IW1", "VV", CalibrationType.SIGMA_NOUGHT, null, WarningListener.LOG);
            int j = BackGeocoding.matchingBurst(m, s, 0, PairCoherenceTest.ELLIPSOID);
            OffsetGrid grid = BackGeocoding.grid(m, 0, s, j, PairCoherenceTest.ELLIPSOID);
            CoregisteredSwath chain = new CoregisteredSwath(m, s, new OffsetGrid[] {grid}, new int[] {j}, 10, 10,
                    new TileCache(1 << 26), "Sigma0");
            int w = chain.width();
            float[] gamma = chain.read(CoregisteredSwath.COHERENCE, Region.of(w, chain.height())).floats();

            int[] vl = m.validLines(0), vs = m.validSamples(0);
            int y0 = vl[0], y1 = vl[1], x0 = vs[0], x1 = vs[1];
            int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
            // the geometry of a zero-baseline pair: each sample maps onto itself, with no phase
            double[] line = new double[bw], sample = new double[bw], phase = new double[bw];
            for (int y = y0; y <= y1; y += 17) {
                grid.map(y, x0, bw, line, sample, phase);
                for (int x = 0; x < bw; x += 13) {
                    assertEquals(y, line[x], 1e-6);
                    assertEquals(x0 + x, sample[x], 1e-6);
                    assertEquals(0, phase[x], 1e-6);
                }
            }
            double[][] c1 = calibrated(m, x0, y0, bw, bh), c2 = calibrated(s, x0, y0 + j * s.linesPerBurst(), bw, bh);
            double sumDelta = 0;
            int n = 0;
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    double re = 0, im = 0, p1 = 0, p2 = 0;
                    for (int v = Math.max(0, y - 5); v <= Math.min(bh - 1, y + 4); v++) {
                        for (int u = Math.max(0, x - 5); u <= Math.min(bw - 1, x + 4); u++) {
                            int k = v * bw + u;
                            double a = c1[0][k], bb = c1[1][k], c = c2[0][k], d = c2[1][k];
                            re += a * c + bb * d;
                            im += bb * c - a * d;
                            p1 += a * a + bb * bb;
                            p2 += c * c + d * d;
                        }
                    }
                    double direct = Math.sqrt(re * re + im * im) / Math.sqrt(p1 * p2);
                    float ours = gamma[(y0 + y) * w + x0 + x];
                    assertTrue(ours >= 0 && ours <= 1, "γ " + ours);
                    sumDelta += Math.abs(ours - direct);
                    n++;
                }
            }
            double meanDelta = sumDelta / n;
            System.out.printf("mean |Δγ| against the direct estimator: %.2e over %d samples%n", meanDelta, n);
            assertTrue(meanDelta <= 1e-3, "mean |Δγ| " + meanDelta);
        }
    }

    /** Calibrated complex samples (re, im planes) of a window: DN / A. */
    private static double[][] calibrated(SwathImage image, int x0, int y0, int w, int h) throws Exception {
        float[] dn = image.raster().read(image.band(), new Region(x0, y0, w, h)).floats();
        float[] a2 = new float[w * h];
        image.calibration().interpolate(x0, y0, w, h, a2, 0, true);
        double[][] out = new double[2][w * h];
        for (int i = 0; i < w * h; i++) {
            double g = 1 / Math.sqrt(a2[i]);
            out[0][i] = dn[2 * i] * g;
            out[1][i] = dn[2 * i + 1] * g;
        }
        return out;
    }
}
