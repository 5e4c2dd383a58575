package eu.ai4c.agri.composite;

import eu.ai4c.kit.math.Select;

/**
 * Per-pixel median of the valid samples of one month and one band: the kernel of
 * {@code monthlycomposite} (specification 3.2.3.4: "performs the median operation masking the
 * cloudy samples"). Pure: arrays in, arrays out, no I/O.
 *
 * <h2>Conventions</h2>
 * Samples are uint16 held in {@code short[]} (read with {@code & 0xFFFF}). A sample counts when
 * its validity byte is non-zero and it differs from the band's no-data value. With an odd count
 * the median is the middle value; with an even count it is the mean of the two middle values
 * rounded half to even, i.e. exactly {@code numpy.rint(numpy.nanmedian(x))} of the same samples
 * with the invalid ones set to NaN. A pixel without any valid sample gets {@code noData}.
 *
 * <h2>Thread-safety</h2>
 * An instance owns its scratch array: use one per thread. No allocation per pixel.
 */
public final class MonthlyMedian {
    /** Up to this many samples an insertion sort beats quickselect (typical monthly counts are 2..12). */
    private static final int INSERTION_LIMIT = 16;
    private int[] scratch;

    /** @param maxSamples the largest number of dates in one month (the scratch grows if needed) */
    public MonthlyMedian(int maxSamples) {
        this.scratch = new int[Math.max(1, maxSamples)];
    }

    /**
     * Computes the median of each pixel over the given dates.
     *
     * @param samples one array per date, each with at least {@code pixels} uint16 samples
     * @param valid   one array per date (same order): non-zero where the date is usable (not cloudy)
     * @param dates   number of dates to use from {@code samples}/{@code valid}
     * @param pixels  number of pixels
     * @param noData  the band's no-data value (also written where no sample is valid)
     * @param out     receives the medians, {@code pixels} long
     */
    public void compute(short[][] samples, byte[][] valid, int dates, int pixels, int noData, short[] out) {
        if (scratch.length < dates) scratch = new int[dates];
        int[] s = scratch;
        short nd = (short) noData;
        for (int i = 0; i < pixels; i++) {
            int n = 0;
            for (int d = 0; d < dates; d++) {
                int v = samples[d][i] & 0xFFFF;
                if (valid[d][i] != 0 && v != noData) s[n++] = v;
            }
            out[i] = n == 0 ? nd : (short) median(s, n);
        }
    }

    /**
     * The median of {@code values[0..n)} (n ≥ 1), reordering them; even counts give the mean of the
     * two middle values rounded half to even.
     */
    public static int median(int[] values, int n) {
        int hi = n >>> 1;
        int upper;
        int lower;
        if (n <= INSERTION_LIMIT) {
            insertionSort(values, n);
            upper = values[hi];
            lower = values[hi - 1 + (n & 1)];
        } else {
            upper = Select.kth(values, n, hi);
            if ((n & 1) == 1) return upper;
            // after selection every value left of hi is ≤ upper: the lower middle is their maximum
            lower = values[0];
            for (int k = 1; k < hi; k++) if (values[k] > lower) lower = values[k];
        }
        int sum = lower + upper;
        int half = sum >>> 1;
        // round half to even, as numpy.rint does
        if ((sum & 1) != 0 && (half & 1) != 0) half++;
        return half;
    }

    private static void insertionSort(int[] a, int n) {
        for (int i = 1; i < n; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
