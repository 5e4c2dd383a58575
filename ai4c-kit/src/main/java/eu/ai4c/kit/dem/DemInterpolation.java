package eu.ai4c.kit.dem;

/** Bilinear interpolation of DEM posts that leaves no-data posts out. Pure functions. */
final class DemInterpolation {

    private DemInterpolation() {
    }

    /**
     * Bilinear value of the four posts a (top-left), b (top-right), c (bottom-left), d (bottom-right)
     * at fractions (wx, wy); posts equal to {@code noData} (when {@code hasNoData}) or NaN are left
     * out and the weights renormalised.
     *
     * @return the height, or NaN when all four posts are void
     */
    static double bilinear(float a, float b, float c, float d, double wx, double wy, boolean hasNoData,
                           float noData) {
        boolean va = valid(a, hasNoData, noData), vb = valid(b, hasNoData, noData);
        boolean vc = valid(c, hasNoData, noData), vd = valid(d, hasNoData, noData);
        double w00 = (1 - wx) * (1 - wy), w10 = wx * (1 - wy), w01 = (1 - wx) * wy, w11 = wx * wy;
        if (va && vb && vc && vd) {
            return w00 * a + w10 * b + w01 * c + w11 * d;
        }
        double sum = 0, wsum = 0;
        if (va) { sum += w00 * a; wsum += w00; }
        if (vb) { sum += w10 * b; wsum += w10; }
        if (vc) { sum += w01 * c; wsum += w01; }
        if (vd) { sum += w11 * d; wsum += w11; }
        return wsum > 0 ? sum / wsum : Double.NaN;
    }

    private static boolean valid(float v, boolean hasNoData, float noData) {
        return v == v && !(hasNoData && v == noData);
    }
}
