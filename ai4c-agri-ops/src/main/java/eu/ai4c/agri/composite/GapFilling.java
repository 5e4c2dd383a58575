package eu.ai4c.agri.composite;

/**
 * Fills months without any valid sample by linear interpolation in time between the nearest
 * earlier and later valid months of the same pixel and band ({@code --gap_filling}). Months before
 * the first or after the last valid month of the agronomic year stay no-data (no extrapolation).
 * Interpolated values are rounded half up to uint16. Months are equally spaced (index distance).
 * Pure kernel; stateless and thread-safe.
 */
public final class GapFilling {

    private GapFilling() {
    }

    /**
     * Fills the gaps in place.
     *
     * @param months one uint16 array per month of the agronomic year (September first)
     * @param pixels number of pixels in each array
     * @param noData the no-data value marking empty months
     */
    public static void fill(short[][] months, int pixels, int noData) {
        int m = months.length;
        for (int i = 0; i < pixels; i++) {
            int prev = -1;
            for (int t = 0; t < m; t++) {
                if ((months[t][i] & 0xFFFF) == noData) continue;
                if (prev >= 0 && t - prev > 1) {
                    double a = months[prev][i] & 0xFFFF;
                    double b = months[t][i] & 0xFFFF;
                    int span = t - prev;
                    for (int g = prev + 1; g < t; g++) {
                        months[g][i] = (short) (int) Math.floor(a + (b - a) * (g - prev) / span + 0.5);
                    }
                }
                prev = t;
            }
        }
    }
}
