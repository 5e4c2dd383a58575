package eu.ai4c.s1.speckle;

import eu.ai4c.kit.math.IncompleteGamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import org.junit.jupiter.api.Test;

/**
 * The Lee sigma ranges satisfy their defining conditions, checked by integrating the gamma speckle
 * pdf directly (Simpson's rule), independently of the incomplete gamma function used to solve them.
 */
class SigmaRangeTest {

    @Test
    void rangeHoldsSigmaOfSpeckleAndIsUnbiased() {
        for (double looks : new double[] {1, 2, 3, 4, 4.4}) {
            for (String s : SpeckleParameters.SIGMA_VALUES) {
                double sigma = Double.parseDouble(s);
                SigmaRange r = SigmaRange.of(looks, sigma);
                assertTrue(r.i1() < 1 && r.i2() > 1, r.toString());
                double mass = integrate(looks, r.i1(), r.i2(), 0);
                double mean = integrate(looks, r.i1(), r.i2(), 1) / mass;
                double var = integrate(looks, r.i1(), r.i2(), 2) / mass - mean * mean;
                assertEquals(sigma, mass, 1e-6, "mass " + r);
                assertEquals(1.0, mean, 1e-6, "truncated mean " + r);
                assertEquals(var, r.etaV2(), 1e-6, "eta² " + r);
                assertTrue(r.etaV2() < 1 / looks, "truncation reduces the speckle variance");
            }
        }
        // 1-look intensity, sigma 0.9: the widest range, skewed far to the right of the mean
        SigmaRange r = SigmaRange.of(1, 0.9);
        assertEquals(0.0838, r.i1(), 1e-3);
        assertEquals(3.932, r.i2(), 1e-2);
    }

    @Test
    void incompleteGammaMatchesClosedForms() {
        for (double x : new double[] {0.01, 0.5, 1, 2.5, 7, 30}) {
            assertEquals(1 - Math.exp(-x), IncompleteGamma.regularizedP(1, x), 1e-13);
            assertEquals(1 - (1 + x) * Math.exp(-x), IncompleteGamma.regularizedP(2, x), 1e-13);
            assertEquals(1 - (1 + x + x * x / 2) * Math.exp(-x), IncompleteGamma.regularizedP(3, x), 1e-13);
        }
        assertEquals(Math.log(24), IncompleteGamma.lnGamma(5), 1e-12);
        assertEquals(0.5 * Math.log(Math.PI), IncompleteGamma.lnGamma(0.5), 1e-12);
    }

    @Test
    void rejectsImpossibleLooks() {
        assertThrows(Ai4cException.class, () -> SigmaRange.of(0.1, 0.9));
        assertThrows(Ai4cException.class, () -> SigmaRange.of(Double.NaN, 0.9));
    }

    /** ∫ v^k p(v) dv over [a, b] for the unit-mean gamma pdf of shape L, by composite Simpson. */
    private static double integrate(double looks, double a, double b, int k) {
        int n = 200_000;
        double h = (b - a) / n, sum = 0;
        double lnNorm = looks * Math.log(looks) - IncompleteGamma.lnGamma(looks);
        for (int i = 0; i <= n; i++) {
            double v = a + i * h;
            double f = Math.pow(v, k) * Math.exp(lnNorm + (looks - 1) * Math.log(v) - looks * v);
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }
}
