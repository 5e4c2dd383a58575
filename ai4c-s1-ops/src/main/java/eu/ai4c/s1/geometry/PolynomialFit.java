package eu.ai4c.s1.geometry;

/** Small polynomial helpers on primitive arrays. Pure functions; thread-safe. */
final class PolynomialFit {

    private PolynomialFit() {
    }

    /**
     * Monomial coefficients of the polynomial of degree n-1 through (u[k], y[k]), by Newton divided
     * differences expanded with Horner's scheme.
     *
     * @param u   distinct abscissae
     * @param y   ordinates
     * @param out receives coefficients c[0] + c[1] u + … ; length ≥ u.length
     */
    static void interpolate(double[] u, double[] y, double[] out) {
        int n = u.length;
        double[] dd = y.clone();
        for (int j = 1; j < n; j++) {
            for (int k = n - 1; k >= j; k--) {
                dd[k] = (dd[k] - dd[k - 1]) / (u[k] - u[k - j]);
            }
        }
        java.util.Arrays.fill(out, 0, n, 0);
        out[0] = dd[n - 1];
        int deg = 0;
        for (int k = n - 2; k >= 0; k--) {
            // out = out * (x - u[k]) + dd[k]
            for (int j = deg + 1; j >= 1; j--) out[j] = out[j - 1] - u[k] * out[j];
            out[0] = -u[k] * out[0] + dd[k];
            deg++;
        }
    }

    /** Value of c[0] + c[1] x + … + c[n-1] x^(n-1). */
    static double evaluate(double[] c, double x) {
        double p = 0;
        for (int k = c.length - 1; k >= 0; k--) p = p * x + c[k];
        return p;
    }
}
