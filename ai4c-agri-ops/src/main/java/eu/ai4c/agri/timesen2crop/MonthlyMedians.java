package eu.ai4c.agri.timesen2crop;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Harmonises irregular TimeSen2Crop series to 12 monthly values over an agronomic year
 * (September of {@code seasonStart} to August of the next year, month index 0 = September), as
 * the monthly composite service does for images (specification section 3.2.3): per sample, month
 * and band, the median of the clear observations (condition 0) of that month; with an even
 * count, the mean of the two middle values (NumPy's {@code median}). A month without a clear
 * observation is linearly interpolated, per band, between the nearest months before and after
 * that have one; months before the first (after the last) such month copy it. Dates outside the
 * agronomic year are ignored. Values keep the files' scale (reflectance × 10000).
 * Pure: arrays in, arrays out; thread-safe.
 */
public final class MonthlyMedians {
    /** Months of an agronomic year. */
    public static final int MONTHS = 12;

    private MonthlyMedians() {
    }

    /** Month index 0–11 (0 = September of {@code seasonStart}) of each date, or -1 outside the year. */
    public static int[] monthIndex(List<LocalDate> dates, int seasonStart) {
        int[] m = new int[dates.size()];
        for (int t = 0; t < m.length; t++) {
            LocalDate d = dates.get(t);
            int k = (d.getYear() - seasonStart) * 12 + d.getMonthValue() - 9;
            m[t] = k >= 0 && k < MONTHS ? k : -1;
        }
        return m;
    }

    /**
     * Monthly medians of {@code count} samples.
     *
     * @param values     {@code count × dates × bands} values
     * @param conditions {@code count × dates} pixel condition codes
     * @param month      month index per date ({@link #monthIndex}); -1 = not used
     * @param valid      out: per sample, whether it had at least one clear observation in the year
     *                   (samples without one are left all zero)
     * @return {@code count × 12 × bands} values
     */
    public static float[] compute(float[] values, byte[] conditions, int[] month, int count, int bands, boolean[] valid) {
        int ts = month.length;
        float[] out = new float[count * MONTHS * bands];
        // dates of each month, grouped once for all samples
        int[][] datesOfMonth = new int[MONTHS][];
        for (int k = 0; k < MONTHS; k++) {
            int n = 0;
            for (int t = 0; t < ts; t++) if (month[t] == k) n++;
            datesOfMonth[k] = new int[n];
            n = 0;
            for (int t = 0; t < ts; t++) if (month[t] == k) datesOfMonth[k][n++] = t;
        }
        float[] scratch = new float[ts];
        boolean[] has = new boolean[MONTHS];
        for (int i = 0; i < count; i++) {
            int vBase = i * ts * bands, oBase = i * MONTHS * bands;
            int filled = 0;
            for (int k = 0; k < MONTHS; k++) {
                int[] dk = datesOfMonth[k];
                for (int b = 0; b < bands; b++) {
                    int n = 0;
                    for (int t : dk) {
                        if (conditions[i * ts + t] == 0) scratch[n++] = values[vBase + t * bands + b];
                    }
                    has[k] = n > 0;
                    if (n > 0) out[oBase + k * bands + b] = median(scratch, n);
                }
                if (has[k]) filled++;
            }
            valid[i] = filled > 0;
            if (filled > 0 && filled < MONTHS) fillGaps(out, oBase, bands, has);
        }
        return out;
    }

    /** Interpolates months without data linearly between their neighbours; copies at the edges. */
    static void fillGaps(float[] out, int oBase, int bands, boolean[] has) {
        for (int k = 0; k < MONTHS; k++) {
            if (has[k]) continue;
            int before = k - 1, after = k + 1;
            while (before >= 0 && !has[before]) before--;
            while (after < MONTHS && !has[after]) after++;
            for (int b = 0; b < bands; b++) {
                float v;
                if (before < 0) v = out[oBase + after * bands + b];
                else if (after >= MONTHS) v = out[oBase + before * bands + b];
                else {
                    float lo = out[oBase + before * bands + b], hi = out[oBase + after * bands + b];
                    v = lo + (hi - lo) * (k - before) / (float) (after - before);
                }
                out[oBase + k * bands + b] = v;
            }
        }
    }

    private static float median(float[] a, int n) {
        Arrays.sort(a, 0, n);
        int h = n / 2;
        return (n & 1) == 1 ? a[h] : (float) (((double) a[h - 1] + a[h]) / 2);
    }
}
