package eu.ai4c.cd.cva;

import eu.ai4c.kit.math.IncompleteGamma;

/**
 * Chi-square distribution: cumulative probability and quantile. The CDF with k degrees of
 * freedom is the regularized lower incomplete gamma P(k/2, x/2) ({@link IncompleteGamma}). The quantile starts from the
 * Wilson–Hilferty approximation and refines it by Newton steps kept inside a bisection bracket.
 * Stateless, thread-safe.
 */
public final class ChiSquare {

    private ChiSquare() {
    }

    /** P(X ≤ x) for X ~ χ²(k). */
    public static double cdf(double x, int k) {
        if (k <= 0) throw new IllegalArgumentException("degrees of freedom must be positive: " + k);
        return x <= 0 ? 0 : IncompleteGamma.regularizedP(k / 2.0, x / 2.0);
    }

    /**
     * The quantile x with P(X ≤ x) = p for X ~ χ²(k).
     *
     * @param p probability in (0, 1)
     */
    public static double quantile(double p, int k) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("probability must be in (0,1): " + p);
        if (k <= 0) throw new IllegalArgumentException("degrees of freedom must be positive: " + k);
        // Wilson–Hilferty: (X/k)^(1/3) is about normal with mean 1 − 2/(9k), variance 2/(9k).
        double v = 2.0 / (9 * k);
        double x = k * Math.pow(Math.max(1 - v + normalQuantile(p) * Math.sqrt(v), 1e-3), 3);
        double lo = 0, hi = Math.max(2 * x, 1);
        while (cdf(hi, k) < p) hi *= 2;
        double a = k / 2.0, lgA = IncompleteGamma.lnGamma(a);
        for (int i = 0; i < 200; i++) {
            double f = cdf(x, k) - p;
            if (Math.abs(f) < 1e-14) break;
            if (f < 0) lo = x; else hi = x;
            // density of χ²(k) at x
            double pdf = Math.exp((a - 1) * Math.log(x / 2) - x / 2 - lgA) / 2;
            double next = x - f / pdf;
            x = (pdf > 0 && next > lo && next < hi) ? next : (lo + hi) / 2;
            if (hi - lo < 1e-12 * Math.max(1, x)) break;
        }
        return x;
    }

    /** Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double pl = 0.02425;
        if (p < pl) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - pl) return -normalQuantile(1 - p);
        double q = p - 0.5, r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
