package eu.ai4c.s1.safe;

/** Polynomials of the annotation, coefficients lowest order first. Stateless. */
final class Polynomials {
    private Polynomials() {
    }

    /** {@code c[0] + c[1]·x + c[2]·x² + …} by Horner's rule. */
    static double evaluate(double[] c, double x) {
        double v = 0;
        for (int i = c.length - 1; i >= 0; i--) v = v * x + c[i];
        return v;
    }
}
