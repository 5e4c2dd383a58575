package eu.ai4c.s1.speckle;

import eu.ai4c.kit.math.IncompleteGamma;

import eu.ai4c.kit.Ai4cException;

/**
 * The sigma range of the improved Lee sigma filter (Lee, Wen, Ainsworth, Chen, Chen 2009,
 * "Improved Sigma Filter for Speckle Filtering of SAR Imagery", IEEE TGRS 47(1), Section III.B),
 * for L-look intensity speckle {@code v} of unit mean, gamma distributed
 * {@code p(v) = L^L v^(L-1) e^(-Lv) / Γ(L)}.
 *
 * <p>The range {@code [i1, i2]} (as multiples of the a-priori mean) holds the fraction {@code sigma}
 * of the speckle distribution, {@code ∫ p = sigma}, and is placed so that the speckle truncated to it
 * still has unit mean, {@code ∫ v p dv / sigma = 1}: averaging the pixels inside the range is then
 * unbiased, which is the paper's fix of the original sigma filter's bias. {@code etaV2} is the
 * variance of the truncated speckle, the paper's {@code ηv²}, which replaces {@code 1/L} in the
 * MMSE step over the selected pixels. The paper tabulates these for L = 1…4; here they are solved
 * for any real L ≥ 0.5 with the incomplete gamma function (moments of the gamma pdf:
 * {@code ∫₀ᵃ v p = P(L+1, La)}, {@code ∫₀ᵃ v² p = (L+1)/L · P(L+2, La)}).</p>
 *
 * @param looks number of looks L (equivalent number of looks of intensity)
 * @param sigma probability mass of the range, 0.5 … 0.9 in SNAP
 * @param i1    lower bound, multiple of the mean
 * @param i2    upper bound, multiple of the mean
 * @param etaV2 variance of the speckle truncated to the range (unit mean)
 */
public record SigmaRange(double looks, double sigma, double i1, double i2, double etaV2) {

    private static final int ITERATIONS = 100;

    /** Solves the range for {@code looks} and {@code sigma}. */
    public static SigmaRange of(double looks, double sigma) {
        if (!(looks >= 0.5) || Double.isInfinite(looks)) {
            throw Ai4cException.usage("Speckle-Filter: number of looks " + looks
                    + " is out of range; give enl >= 0.5 (or estimateENL=true on intensity data)");
        }
        if (!(sigma > 0 && sigma < 1)) {
            throw Ai4cException.usage("Speckle-Filter: sigmaStr " + sigma + " must lie strictly between 0 and 1");
        }
        // As i1 grows (with i2 following to keep mass sigma) the truncated mean grows monotonically:
        // from below 1 (i1 = 0, upper tail cut) to above 1 (i2 = ∞, lower tail cut). Bisect on i1.
        double lo = 0, hi = quantile(looks, 1 - sigma);
        for (int it = 0; it < ITERATIONS; it++) {
            double mid = 0.5 * (lo + hi);
            if (truncatedMean(looks, sigma, mid, upperFor(looks, sigma, mid)) < 1) lo = mid;
            else hi = mid;
        }
        double i1 = 0.5 * (lo + hi), i2 = upperFor(looks, sigma, i1);
        double l = looks;
        double m2 = (l + 1) / l * (IncompleteGamma.regularizedP(l + 2, l * i2)
                - IncompleteGamma.regularizedP(l + 2, l * i1)) / sigma;
        double mean = truncatedMean(looks, sigma, i1, i2);
        return new SigmaRange(looks, sigma, i1, i2, Math.max(0, m2 - mean * mean));
    }

    /** Speckle CDF F(v) for unit mean: P(L, L v). */
    static double cdf(double looks, double v) {
        return IncompleteGamma.regularizedP(looks, looks * v);
    }

    /** v with F(v) = p, by bisection. */
    static double quantile(double looks, double p) {
        if (p <= 0) return 0;
        double hi = 1;
        while (cdf(looks, hi) < p && hi < 1e6) hi *= 2;
        double lo = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(looks, mid) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double upperFor(double looks, double sigma, double i1) {
        return quantile(looks, Math.min(1.0, cdf(looks, i1) + sigma));
    }

    private static double truncatedMean(double looks, double sigma, double i1, double i2) {
        return (IncompleteGamma.regularizedP(looks + 1, looks * i2)
                - IncompleteGamma.regularizedP(looks + 1, looks * i1)) / sigma;
    }
}
