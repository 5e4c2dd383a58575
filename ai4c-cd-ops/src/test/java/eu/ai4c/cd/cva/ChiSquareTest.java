package eu.ai4c.cd.cva;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChiSquareTest {

    @Test
    void quantilesMatchTables() {
        assertEquals(23.513, ChiSquare.quantile(0.9999, 4), 0.001);
        assertEquals(9.4877, ChiSquare.quantile(0.95, 4), 0.0001);
        assertEquals(6.6349, ChiSquare.quantile(0.99, 1), 0.0001);
        assertEquals(13.2767, ChiSquare.quantile(0.99, 4), 0.0001);
        assertEquals(3.8415, ChiSquare.quantile(0.95, 1), 0.0001);
        assertEquals(0.7107, ChiSquare.quantile(0.05, 4), 0.0001);
        assertEquals(29.141, ChiSquare.quantile(0.99, 14), 0.001);
    }

    @Test
    void cdfMatchesClosedForms() {
        // k = 2: exponential, P = 1 − e^{−x/2}
        for (double x : new double[] {0.1, 1, 5, 20}) assertEquals(1 - Math.exp(-x / 2), ChiSquare.cdf(x, 2), 1e-12);
        // k = 4: P = 1 − e^{−x/2}(1 + x/2)
        for (double x : new double[] {0.5, 3, 9.4877, 40}) {
            assertEquals(1 - Math.exp(-x / 2) * (1 + x / 2), ChiSquare.cdf(x, 4), 1e-12);
        }
        for (int k = 1; k <= 13; k++) {
            for (double p : new double[] {0.01, 0.5, 0.99, 0.9999}) assertEquals(p, ChiSquare.cdf(ChiSquare.quantile(p, k), k), 1e-10);
        }
    }
}
