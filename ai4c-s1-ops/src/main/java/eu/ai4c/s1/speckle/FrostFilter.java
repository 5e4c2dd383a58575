package eu.ai4c.s1.speckle;

/**
 * Frost filter (Frost, Stiles, Shanmugan, Holtzman 1982, "A model for radar images and its
 * application to adaptive digital filtering of multiplicative noise", IEEE PAMI 4(2)): a weighted mean
 * of the window with the exponential kernel {@code m(t) = exp(−K · Ci² · |t|)}, where {@code |t|} is
 * the Euclidean distance in pixels from the centre, {@code K} the damping factor and
 * {@code Ci² = var(z)/z̄²} the squared local coefficient of variation of the {@code sizeX × sizeY}
 * window. Homogeneous areas (small Ci) are averaged broadly, edges and targets (large Ci) keep their
 * centre pixel. Simplification: the paper's normalising constant cancels in the weighted mean; the
 * exponential is evaluated once per distinct distance of the window. Immutable, thread-safe.
 */
final class FrostFilter implements SpeckleFilter {
    private final int sizeX;
    private final int sizeY;
    private final double damping;
    /** Distinct distances |t| of the window offsets. */
    private final double[] distances;
    /** For each window offset (row-major, sizeX × sizeY), index into {@link #distances}. */
    private final int[] distanceIndex;

    FrostFilter(int sizeX, int sizeY, double damping) {
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.damping = damping;
        int left = (sizeX - 1) / 2, up = (sizeY - 1) / 2;
        distanceIndex = new int[sizeX * sizeY];
        java.util.TreeMap<Integer, Integer> bySquare = new java.util.TreeMap<>();
        for (int dy = 0; dy < sizeY; dy++) {
            for (int dx = 0; dx < sizeX; dx++) {
                int sq = (dx - left) * (dx - left) + (dy - up) * (dy - up);
                bySquare.putIfAbsent(sq, bySquare.size());
            }
        }
        distances = new double[bySquare.size()];
        bySquare.forEach((sq, idx) -> distances[idx] = Math.sqrt(sq));
        for (int dy = 0; dy < sizeY; dy++) {
            for (int dx = 0; dx < sizeX; dx++) {
                int sq = (dx - left) * (dx - left) + (dy - up) * (dy - up);
                distanceIndex[dy * sizeX + dx] = bySquare.get(sq);
            }
        }
    }

    @Override
    public int halo() {
        return Math.max(sizeX / 2, sizeY / 2);
    }

    @Override
    public void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        SpeckleFilter.checkWindow(src, srcW, srcH, offX, offY, dst, dstW, dstH);
        LocalStatistics stats = new LocalStatistics(sizeX, sizeY, srcW, dstW);
        double[] weights = new double[distances.length];
        int left = (sizeX - 1) / 2, right = sizeX / 2, up = (sizeY - 1) / 2, down = sizeY / 2;
        for (int j = 0; j < dstH; j++) {
            int cy = offY + j;
            stats.computeRow(src, srcW, srcH, offX, dstW, cy);
            int y0 = Math.max(0, cy - up), y1 = Math.min(srcH - 1, cy + down);
            for (int i = 0; i < dstW; i++) {
                int cx = offX + i;
                float z = src[cy * srcW + cx];
                if (z != z) {
                    dst[j * dstW + i] = Float.NaN;
                    continue;
                }
                double m = stats.mean[i];
                double a = m > 0 ? damping * stats.variance[i] / (m * m) : 0;
                for (int k = 0; k < distances.length; k++) {
                    weights[k] = Math.exp(-a * distances[k]);
                }
                int x0 = Math.max(0, cx - left), x1 = Math.min(srcW - 1, cx + right);
                double sw = 0, swz = 0;
                for (int y = y0; y <= y1; y++) {
                    int row = (y - cy + up) * sizeX - (cx - left);
                    for (int x = x0; x <= x1; x++) {
                        float v = src[y * srcW + x];
                        if (v == v) {
                            double w = weights[distanceIndex[row + x]];
                            sw += w;
                            swz += w * v;
                        }
                    }
                }
                dst[j * dstW + i] = (float) (swz / sw);
            }
        }
    }
}
