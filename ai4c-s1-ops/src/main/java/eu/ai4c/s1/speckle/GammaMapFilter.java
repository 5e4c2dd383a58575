package eu.ai4c.s1.speckle;

/**
 * Gamma-MAP filter (Lopes, Nezry, Touzi, Laur 1990, "Maximum a posteriori speckle filtering and first
 * order texture models in SAR images", IGARSS'90): the scene reflectivity has a gamma prior of
 * order α estimated from the local statistics, the speckle is L-look gamma. With the coefficients of
 * variation {@code Cu = 1/√L} (speckle) and {@code Ci = σ/z̄} (window of {@code sizeX × sizeY}) and
 * {@code Cmax = √2·Cu}:
 * <ul>
 *   <li>{@code Ci ≤ Cu}: homogeneous, x̂ = z̄;</li>
 *   <li>{@code Ci ≥ Cmax}: strong scatterer or edge, x̂ = z (unfiltered);</li>
 *   <li>otherwise the MAP root {@code x̂ = (b z̄ + √(z̄² b² + 4 α L z̄ z)) / (2α)}, with
 *       {@code α = (1 + Cu²)/(Ci² − Cu²)} and {@code b = α − L − 1}.</li>
 * </ul>
 * Immutable, thread-safe.
 */
final class GammaMapFilter implements SpeckleFilter {
    private final int sizeX;
    private final int sizeY;
    private final double looks;

    GammaMapFilter(int sizeX, int sizeY, double looks) {
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.looks = looks;
    }

    @Override
    public int halo() {
        return Math.max(sizeX / 2, sizeY / 2);
    }

    @Override
    public void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        SpeckleFilter.checkWindow(src, srcW, srcH, offX, offY, dst, dstW, dstH);
        LocalStatistics stats = new LocalStatistics(sizeX, sizeY, srcW, dstW);
        double cu2 = 1.0 / looks, cmax2 = 2.0 * cu2;
        for (int j = 0; j < dstH; j++) {
            int cy = offY + j;
            stats.computeRow(src, srcW, srcH, offX, dstW, cy);
            int s = cy * srcW + offX, d = j * dstW;
            for (int i = 0; i < dstW; i++) {
                float z = src[s + i];
                if (z != z) {
                    dst[d + i] = Float.NaN;
                    continue;
                }
                double m = stats.mean[i];
                if (m <= 0) {
                    dst[d + i] = (float) m;
                    continue;
                }
                double ci2 = stats.variance[i] / (m * m);
                double x;
                if (ci2 <= cu2) {
                    x = m;
                } else if (ci2 >= cmax2) {
                    x = z;
                } else {
                    double alpha = (1 + cu2) / (ci2 - cu2);
                    double b = alpha - looks - 1;
                    x = (b * m + Math.sqrt(m * m * b * b + 4 * alpha * looks * m * z)) / (2 * alpha);
                }
                dst[d + i] = (float) x;
            }
        }
    }
}
