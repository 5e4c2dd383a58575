package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.dem.ElevationModel;
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
 * Coherence of a co-registered synthetic pair on areas of set true coherence 0.2, 0.5 and 0.9: the
 * mean estimate equals the expected value of the 10 × 10 estimator (Touzi et al. 1999) for the
 * pair's true coherence (γ times the thermal-noise factor S/(S+N), 0.997 here) and L = 64
 * independent looks — the scene keeps 80 % of the band in each direction, so 100 samples carry
 * about 0.8² × 100 independent looks. Tolerance 0.03: the spread of the mean over the ~30 disjoint
 * windows of an area (≤ 0.1/√30 ≈ 0.02) plus the resampling's loss (< 0.005).
 */
class PairCoherenceTest {
    @TempDir
    Path dir;

    static final ElevationModel ELLIPSOID = eu.ai4c.s1.coreg.EllipsoidSurface.INSTANCE;

    @Test
    void areasOfSetCoherenceAreEstimatedWithTheEstimatorsKnownBias() throws Exception {
        double[] gammas = {0.2, 0.5, 0.9};
        RepeatPassPair.Builder b = RepeatPassPair.builder(400, 150, 1).swaths(1).background(0.05, 0.6);
        for (int i = 0; i < 3; i++) b.area(0, 10, 140, 30 + 120 * i, 130 + 120 * i, 0.1, 0.1, gammas[i]);
        Path[] p = b.build().write(dir);
        try (S1Product ref = S1Product.open(p[0]); S1Product sec = S1Product.open(p[1])) {
            SwathImage m = SwathImage.of(ref, "IW1", "VV", CalibrationType.SIGMA_NOUGHT, null, WarningListener.LOG);
            SwathImage s = SwathImage.of(sec, "IW1", "VV", CalibrationType.SIGMA_NOUGHT, null, WarningListener.LOG);
            int j = BackGeocoding.matchingBurst(m, s, 0, ELLIPSOID);
            OffsetGrid grid = BackGeocoding.grid(m, 0, s, j, ELLIPSOID);
            CoregisteredSwath pair = new CoregisteredSwath(m, s, new OffsetGrid[] {grid}, new int[] {j}, 10, 10,
                    new TileCache(1 << 26), "Sigma0");
            float[] g = pair.read(CoregisteredSwath.COHERENCE, Region.of(pair.width(), pair.height())).floats();
            for (int i = 0; i < 3; i++) {
                double sum = 0;
                int n = 0;
                for (int y = 25; y < 125; y++) {
                    for (int x = 45 + 120 * i; x < 115 + 120 * i; x++) {
                        float v = g[y * pair.width() + x];
                        assertTrue(v >= 0 && v <= 1, "coherence " + v);
                        sum += v;
                        n++;
                    }
                }
                double expected = CoherenceTest.touziMean(gammas[i] * 0.997, 64);
                System.out.printf("γ = %.1f: mean estimate %.4f, expected %.4f%n", gammas[i], sum / n, expected);
                assertEquals(expected, sum / n, 0.03, "γ = " + gammas[i]);
            }
        }
    }
}
