package eu.ai4c.s1.cd;

/**
 * Kittler–Illingworth minimum-error thresholding (Pattern Recognition 19(1), 1986): the histogram
 * is taken as a mixture of two Gaussian classes, and the threshold T minimises
 * J(T) = 1 + 2·[P₁ ln σ₁ + P₂ ln σ₂] − 2·[P₁ ln P₁ + P₂ ln P₂], with P, σ the prior and standard
 * deviation of the bins at or below T and above it. Used on the absolute log-ratio of two
 * backscatters, where unchanged pixels form the class near 0 and changes the tail.
 */
public final class MinimumErrorThreshold {

    private MinimumErrorThreshold() {
    }

    /**
     * @param counts  histogram counts
     * @param lowEdge value of the lower edge of bin 0
     * @param width   bin width
     * @return the threshold (upper edge of the last bin of the lower class), NaN when no split
     *         leaves both classes with a spread
     */
    public static double threshold(long[] counts, double lowEdge, double width) {
        int bins = counts.length;
        // cumulative count, first and second moment of bin centres
        double[] n = new double[bins + 1], s = new double[bins + 1], q = new double[bins + 1];
        for (int b = 0; b < bins; b++) {
            double c = counts[b], x = lowEdge + (b + 0.5) * width;
            n[b + 1] = n[b] + c;
            s[b + 1] = s[b] + c * x;
            q[b + 1] = q[b] + c * x * x;
        }
        double total = n[bins];
        double best = Double.POSITIVE_INFINITY;
        int bestBin = -1;
        for (int t = 1; t < bins; t++) {
            double n1 = n[t], n2 = total - n1;
            if (n1 < 2 || n2 < 2) continue;
            double m1 = s[t] / n1, m2 = (s[bins] - s[t]) / n2;
            double v1 = q[t] / n1 - m1 * m1, v2 = (q[bins] - q[t]) / n2 - m2 * m2;
            if (!(v1 > 0) || !(v2 > 0)) continue;
            double p1 = n1 / total, p2 = n2 / total;
            double j = 1 + p1 * Math.log(v1) + p2 * Math.log(v2) - 2 * (p1 * Math.log(p1) + p2 * Math.log(p2));
            if (j < best) {
                best = j;
                bestBin = t;
            }
        }
        return bestBin < 0 ? Double.NaN : lowEdge + bestBin * width;
    }
}
