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
 * <h2>Method</h2>
 * Up to {@value #NETWORK_LIMIT} dates a month (all real series), pixels go in chunks of
 * {@value #CHUNK}: invalid samples get bit 16 set (sorting after every uint16), a sorting network of the
 * month's date count (Batcher's odd-even merge sort) runs compare-exchange by compare-exchange over
 * the whole chunk — branch-free min/max loops the JIT turns into vector instructions — and each
 * pixel reads its middle values at its own valid count. Insertion sort per pixel branches on every
 * comparison of random-order samples and mispredicts most of them; the network does not branch.
 * More dates fall back to the per-pixel selection.
 *
 * <h2>Thread-safety</h2>
 * An instance owns its scratch arrays: use one per thread. No allocation per pixel.
 */
public final class MonthlyMedian {
    /** Up to this many samples an insertion sort beats quickselect (per-pixel fallback path). */
    private static final int INSERTION_LIMIT = 16;
    /** Most dates in a month sorted by a network; more use per-pixel selection. */
    static final int NETWORK_LIMIT = 32;
    /** Pixels per network pass: 32 rows of 1024 ints stay in the L2 cache. */
    static final int CHUNK = 1024;
    private static final int[][] NETWORKS = new int[NETWORK_LIMIT + 1][];
    private int[] scratch;
    private int[][] rows = new int[0][];
    private final int[] counts = new int[CHUNK];

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
        if (dates > NETWORK_LIMIT) {
            computePerPixel(samples, valid, dates, pixels, noData, out);
            return;
        }
        if (rows.length < dates) {
            rows = new int[dates][];
            for (int d = 0; d < dates; d++) rows[d] = new int[CHUNK];
        }
        int[] net = network(dates);
        int[] cnt = counts;
        short nd = (short) noData;
        for (int base = 0; base < pixels; base += CHUNK) {
            int len = Math.min(CHUNK, pixels - base);
            java.util.Arrays.fill(cnt, 0, len, 0);
            for (int d = 0; d < dates; d++) {
                short[] s = samples[d];
                byte[] ok = valid[d];
                int[] r = rows[d];
                // widening alone, then the validity arithmetic: two simple loops the JIT vectorises
                for (int j = 0; j < len; j++) r[j] = s[base + j] & 0xFFFF;
                for (int j = 0; j < len; j++) {
                    int v = r[j], o = ok[base + j], e = v ^ noData;
                    // 1 when the validity byte is non-zero and the sample is not no-data; branch-free
                    // because clouds come in no predictable order
                    int good = ((o | -o) & (e | -e)) >>> 31;
                    r[j] = v | (good ^ 1) << 16; // invalid: bit 16 set, sorts after every sample
                    cnt[j] += good;
                }
            }
            for (int p = 0; p < net.length; p += 2) {
                int[] a = rows[net[p]], b = rows[net[p + 1]];
                for (int j = 0; j < len; j++) {
                    // min/max by arithmetic (C2 vectorises this, not Math.min/max on ints)
                    int x = a[j], y = b[j], diff = x - y, lower = diff & diff >> 31;
                    a[j] = y + lower;
                    b[j] = x - lower;
                }
            }
            for (int j = 0; j < len; j++) {
                int n = cnt[j];
                if (n == 0) {
                    out[base + j] = nd;
                    continue;
                }
                out[base + j] = (short) middle(rows[(n - 1) >>> 1][j], rows[n >>> 1][j]);
            }
        }
    }

    /** The per-pixel path: gather the valid samples, then insertion sort or quickselect. */
    private void computePerPixel(short[][] samples, byte[][] valid, int dates, int pixels, int noData, short[] out) {
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

    /** Mean of the two middle values rounded half to even (numpy.rint); equal values give themselves. */
    private static int middle(int lower, int upper) {
        int sum = lower + upper;
        int half = sum >>> 1;
        return half + (sum & half & 1); // +1 when odd sum and odd half: branch-free (random parity)
    }

    /**
     * Compare-exchange pairs (lower index first) sorting {@code n} values ascending: Batcher's
     * odd-even merge sort of the next power of two without the comparators that touch an index
     * of {@code n} or more (padding with +∞ that never moves).
     */
    static synchronized int[] network(int n) {
        int[] net = NETWORKS[n];
        if (net != null) return net;
        int size = 1;
        while (size < n) size <<= 1;
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        for (int p = 1; p < size; p <<= 1) {
            for (int k = p; k >= 1; k >>= 1) {
                for (int j = k % p; j + k < size; j += 2 * k) {
                    for (int i = 0; i < Math.min(k, size - j - k); i++) {
                        int a = i + j, b = i + j + k;
                        if (a / (2 * p) == b / (2 * p) && b < n) pairs.add(new int[] {a, b});
                    }
                }
            }
        }
        net = new int[2 * pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            net[2 * i] = pairs.get(i)[0];
            net[2 * i + 1] = pairs.get(i)[1];
        }
        NETWORKS[n] = net;
        return net;
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
