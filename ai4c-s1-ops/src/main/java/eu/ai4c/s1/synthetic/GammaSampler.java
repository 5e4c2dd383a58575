package eu.ai4c.s1.synthetic;

import java.util.SplittableRandom;

/**
 * Draws fully developed speckle: intensity of an L-look homogeneous area is Gamma-distributed
 * with shape L and mean μ ({@code I = μ·G/L}, G ~ Gamma(L, 1)), by Marsaglia and Tsang's method
 * (ACM TOMS 26(3), 2000), with the {@code U^(1/L)} boost for L &lt; 1. Not thread-safe (owns its random source).
 */
final class GammaSampler {
    private final SplittableRandom random;

    GammaSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One intensity of mean {@code mean} and {@code looks} looks. */
    double intensity(double mean, double looks) {
        return mean * gamma(looks) / looks;
    }

    private double gamma(double shape) {
        if (shape < 1) {
            return gamma(shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
