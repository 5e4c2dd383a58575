package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoherenceTest {

    /** s2 = γ·s1 + √(1−γ²)·n with s1, n independent circular complex Gaussians: true coherence γ. */
    static float[][] pair(int w, int h, double gamma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[2 * w * h], b = new float[2 * w * h];
        double k = Math.sqrt(1 - gamma * gamma);
        for (int i = 0; i < w * h; i++) {
            double ar = gauss(r), ai = gauss(r), nr = gauss(r), ni = gauss(r);
            a[2 * i] = (float) ar;
            a[2 * i + 1] = (float) ai;
            b[2 * i] = (float) (gamma * ar + k * nr);
            b[2 * i + 1] = (float) (gamma * ai + k * ni);
        }
        return new float[][] {a, b};
    }

    static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Expected sample coherence magnitude for L independent looks (Touzi, Lopes, Bruniquel, Vachon,
     * IEEE TGRS 37(1), 1999): Γ(L)Γ(3/2)/Γ(L+1/2) · ₃F₂(3/2, L, L; L+1/2, 1; γ²) · (1−γ²)^L.
     * Written here from the formula, independently of the estimator.
     */
    static double touziMean(double gamma, int looks) {
        double g2 = gamma * gamma, sum = 0, term = 1;
        for (int k = 0; k < 100000 && term > 1e-17 * Math.max(1, sum); k++) {
            sum += term;
            // ratio of consecutive terms of 3F2(3/2, L, L; L+1/2, 1; z)
            term *= (1.5 + k) * (looks + k) * (looks + k) / ((looks + 0.5 + k) * (1.0 + k) * (k + 1.0)) * g2;
        }
        double lnPrefix = lgamma(looks) + lgamma(1.5) - lgamma(looks + 0.5) + looks * Math.log1p(-g2);
        return Math.exp(lnPrefix + Math.log(sum));
    }

    /** ln Γ(x) by Lanczos (g = 7, 9 terms), accurate to ~1e-15 relative for x > 0.5. */
    static double lgamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        x -= 1;
        double a = c[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) a += c[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    @Test
    void identicalImagesHaveCoherenceOne() {
        float[][] p = pair(64, 48, 0.3, 1);
        float[] g = Coherence.estimate(p[0], p[0], null, 64, 48, 10, 10);
        for (float v : g) assertEquals(1.0, v, 1e-6);
    }

    /**
     * On areas of known coherence the mean estimate equals the estimator's expected value for a
     * 10×10 window (100 independent looks): 0.2, 0.5 and 0.9 give about 0.22, 0.50 and 0.90. The
     * mean is over 100 disjoint windows; the spread of one estimate is at most ~0.09 (at γ = 0),
     * so the mean's standard error is below 0.01 and 0.02 is three of them.
     */
    @Test
    void meanEstimateMatchesTheTheoreticalBiasOfTheWindow() {
        int w = 100, h = 100;
        for (double gamma : new double[] {0.2, 0.5, 0.9}) {
            float[][] p = pair(w, h, gamma, Double.doubleToLongBits(gamma));
            float[] g = Coherence.estimate(p[0], p[1], null, w, h, 10, 10);
            double sum = 0;
            int n = 0;
            for (int y = 5; y < h; y += 10) {
                for (int x = 5; x < w; x += 10) {
                    sum += g[y * w + x];
                    n++;
                }
            }
            double expected = touziMean(gamma, 100);
            assertEquals(expected, sum / n, 0.02, "γ = " + gamma + ": expected E|γ̂| = " + expected);
            for (float v : g) assertTrue(v >= 0 && v <= 1, "γ̂ out of [0, 1]: " + v);
        }
        // the reference formula itself at γ = 0: Γ(L)Γ(3/2)/Γ(L+½) ≈ √(π/4L) for large L
        assertEquals(Math.sqrt(Math.PI / 400), touziMean(0, 100), 3e-4);
        assertEquals(Math.exp(lgamma(100) + lgamma(1.5) - lgamma(100.5)), touziMean(0, 100), 1e-12);
    }

    /** A fringe pattern that decorrelates the window is removed exactly when its phase is given. */
    @Test
    void referencePhaseIsRemovedBeforeSumming() {
        int w = 80, h = 60;
        float[][] p = pair(w, h, 1.0, 3);
        float[] phase = new float[w * h];
        float[] s2 = new float[2 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double phi = 1.3 * x + 0.4 * y; // a steep flat-earth-like ramp
                phase[i] = (float) phi;
                // s2 = s1·e^(−iφ), so s1·s2* = |s1|²·e^(iφ)
                double re = p[0][2 * i], im = p[0][2 * i + 1], c = Math.cos(phi), s = Math.sin(phi);
                s2[2 * i] = (float) (re * c + im * s);
                s2[2 * i + 1] = (float) (im * c - re * s);
            }
        }
        float[] without = Coherence.estimate(p[0], s2, null, w, h, 10, 10);
        float[] with = Coherence.estimate(p[0], s2, phase, w, h, 10, 10);
        double meanWithout = 0;
        for (int i = 0; i < w * h; i++) {
            assertEquals(1.0, with[i], 1e-5);
            meanWithout += without[i] / (w * h);
        }
        assertTrue(meanWithout < 0.3, "the ramp decorrelates the unflattened interferogram: " + meanWithout);
    }

    /** The running sums equal a direct sum over each shrinking window; no-data samples are left out. */
    @Test
    void runningSumsEqualDirectSumsAndSkipNoData() {
        int w = 23, h = 17;
        float[][] p = pair(w, h, 0.6, 9);
        p[0][2 * (5 * w + 7)] = Float.NaN;
        float[] g = Coherence.estimate(p[0], p[1], null, w, h, 4, 5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double cr = 0, ci = 0, p1 = 0, p2 = 0;
                for (int yy = y - 2; yy <= y + 1; yy++) {
                    for (int xx = x - 2; xx <= x + 2; xx++) {
                        if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
                        int i = yy * w + xx;
                        double a = p[0][2 * i], b = p[0][2 * i + 1], c = p[1][2 * i], d = p[1][2 * i + 1];
                        if (Double.isNaN(a + b + c + d)) continue;
                        cr += a * c + b * d;
                        ci += b * c - a * d;
                        p1 += a * a + b * b;
                        p2 += c * c + d * d;
                    }
                }
                assertEquals(Math.hypot(cr, ci) / Math.sqrt(p1 * p2), g[y * w + x], 1e-5, "at " + x + "," + y);
            }
        }
        float[] nan = new float[2 * 9];
        java.util.Arrays.fill(nan, Float.NaN);
        assertTrue(Float.isNaN(Coherence.estimate(nan, nan, null, 3, 3, 3, 3)[4]));
    }

    @Test
    void boxSumEqualsTheDirectSumOverTheClippedWindow() {
        java.util.Random random = new java.util.Random(4);
        int[][] cases = {{37, 23, 10, 10}, {50, 9, 3, 5}, {8, 40, 1, 1}, {12, 7, 20, 16}, {30, 30, 4, 7}};
        for (int[] c : cases) {
            int w = c[0], h = c[1], wx = c[2], wy = c[3];
            double[] v = new double[w * h];
            for (int i = 0; i < v.length; i++) v[i] = random.nextDouble() * 1e3;
            double[] expected = new double[v.length];
            int bx = wx / 2, by = wy / 2;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    for (int yy = Math.max(0, y - by); yy <= Math.min(h - 1, y - by + wy - 1); yy++) {
                        for (int xx = Math.max(0, x - bx); xx <= Math.min(w - 1, x - bx + wx - 1); xx++) sum += v[yy * w + xx];
                    }
                    expected[y * w + x] = sum;
                }
            }
            Coherence.boxSum(v, w, h, wx, wy, new double[Math.max(w, h) + 1]);
            for (int i = 0; i < v.length; i++) {
                assertEquals(expected[i], v[i], 1e-9 * expected[i], "case " + java.util.Arrays.toString(c) + " pixel " + i);
            }
        }
    }
}
