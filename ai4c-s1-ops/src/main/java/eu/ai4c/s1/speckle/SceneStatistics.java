package eu.ai4c.s1.speckle;

import eu.ai4c.kit.math.Select;

/**
 * Scene-wide statistics the speckle filters need, computed once before tiling so that every tile
 * uses the same values: the estimated number of looks and Z98, the 98th percentile of intensity
 * (Lee sigma point-target threshold). Immutable.
 *
 * @param enl estimated equivalent number of looks; NaN when it could not be estimated
 * @param z98 98th percentile of the valid intensities; +∞ when unknown (point-target detection off)
 */
public record SceneStatistics(double enl, double z98) {

    /** Statistics of a sample of intensities ({@code width × height}, row-major, NaN = no-data). */
    public static SceneStatistics measure(float[] intensity, int width, int height) {
        EnlEstimator e = new EnlEstimator();
        e.add(intensity, width, height);
        return new SceneStatistics(e.estimate(), percentile(intensity, width * height, 0.98));
    }

    /**
     * The {@code p}-quantile (0 ≤ p ≤ 1, nearest rank) of the valid values of {@code values[0..n)};
     * +∞ when there are none.
     */
    public static double percentile(float[] values, int n, double p) {
        float[] valid = new float[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            float v = values[i];
            if (v == v) valid[m++] = v;
        }
        if (m == 0) return Double.POSITIVE_INFINITY;
        int rank = (int) Math.min(m - 1, Math.max(0, Math.ceil(p * m) - 1));
        return Select.kth(valid, m, rank);
    }
}
