package eu.ai4c.s1.speckle;

/**
 * Lee filter (J.-S. Lee 1980, "Digital image enhancement and noise filtering by use of local
 * statistics", IEEE PAMI 2(2)), multiplicative speckle model {@code z = x·v}, E[v] = 1,
 * var(v) = σv² = 1/L for L-look intensity. With the local mean {@code z̄} and variance
 * {@code var(z)} of a {@code sizeX × sizeY} window, the minimum-mean-square-error estimate is
 * <pre>  x̂ = z̄ + b (z − z̄),   b = var(x) / var(z),   var(x) = (var(z) − z̄² σv²) / (1 + σv²)</pre>
 * with {@code b} clamped to [0, 1] (in homogeneous areas b → 0 and x̂ → z̄; on edges and targets b → 1).
 * This is the exact MMSE weight of the multiplicative model, the form Lee et al. (2009) also use,
 * rather than the 1980 first-order linearisation. Immutable, thread-safe.
 */
final class LeeFilter implements SpeckleFilter {
    private final int sizeX;
    private final int sizeY;
    private final double noiseVariance;

    /** @param looks number of looks L (σv² = 1/L) */
    LeeFilter(int sizeX, int sizeY, double looks) {
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.noiseVariance = 1.0 / looks;
    }

    @Override
    public int halo() {
        return Math.max(sizeX / 2, sizeY / 2);
    }

    @Override
    public void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        SpeckleFilter.checkWindow(src, srcW, srcH, offX, offY, dst, dstW, dstH);
        LocalStatistics stats = new LocalStatistics(sizeX, sizeY, srcW, dstW);
        for (int j = 0; j < dstH; j++) {
            int cy = offY + j;
            stats.computeRow(src, srcW, srcH, offX, dstW, cy);
            int s = cy * srcW + offX, d = j * dstW;
            for (int i = 0; i < dstW; i++) {
                float z = src[s + i];
                dst[d + i] = z != z ? Float.NaN
                        : (float) mmse(z, stats.mean[i], stats.variance[i], noiseVariance);
            }
        }
    }

    /**
     * The MMSE estimate of the multiplicative model.
     *
     * @param z             the pixel's intensity
     * @param mean          local mean z̄
     * @param variance      local variance var(z)
     * @param noiseVariance speckle variance σv² (1/L, or the truncated ηv² of the sigma filter)
     */
    static double mmse(double z, double mean, double variance, double noiseVariance) {
        if (variance <= 0) return mean;
        double varX = (variance - mean * mean * noiseVariance) / (1 + noiseVariance);
        double b = varX / variance;
        if (b <= 0) return mean;
        if (b >= 1) return z;
        return mean + b * (z - mean);
    }
}
