package eu.ai4c.agri.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The chunked sorting-network median against a plain sort of each pixel's valid samples. */
class MonthlyMedianTest {

    /** numpy.rint(numpy.nanmedian(...)) of one pixel, the reference of the kernel's contract. */
    private static int reference(short[][] s, byte[][] v, int dates, int i, int noData) {
        int[] x = new int[dates];
        int n = 0;
        for (int d = 0; d < dates; d++) {
            int u = s[d][i] & 0xFFFF;
            if (v[d][i] != 0 && u != noData) x[n++] = u;
        }
        if (n == 0) return noData;
        Arrays.sort(x, 0, n);
        if ((n & 1) == 1) return x[n / 2];
        return (int) Math.rint((x[n / 2 - 1] + x[n / 2]) / 2.0);
    }

    @Test
    void everyDateCountGivesTheSortedMedian() {
        SplittableRandom rnd = new SplittableRandom(3);
        // a pixel count that leaves a partial last chunk; date counts on both sides of the network limit
        int pixels = 2 * MonthlyMedian.CHUNK + 77;
        MonthlyMedian median = new MonthlyMedian(4);
        for (int dates = 1; dates <= MonthlyMedian.NETWORK_LIMIT + 5; dates++) {
            for (int noData : new int[] {0, 65535}) {
                short[][] s = new short[dates][pixels];
                byte[][] v = new byte[dates][pixels];
                for (int d = 0; d < dates; d++) {
                    for (int i = 0; i < pixels; i++) {
                        // few distinct values (ties) in part of the pixels, the full uint16 range elsewhere
                        s[d][i] = (short) (i % 3 == 0 ? rnd.nextInt(4) * 21845 : rnd.nextInt(65536));
                        v[d][i] = (byte) (rnd.nextInt(10) < 3 ? 0 : 1);
                    }
                }
                short[] out = new short[pixels];
                median.compute(s, v, dates, pixels, noData, out);
                for (int i = 0; i < pixels; i++) {
                    assertEquals(reference(s, v, dates, i, noData), out[i] & 0xFFFF,
                            dates + " dates, no-data " + noData + ", pixel " + i);
                }
            }
        }
    }

    @Test
    void networksSortEveryZeroOneInput() {
        // 0-1 principle: a comparator network sorts every input when it sorts every 0/1 input
        for (int n = 1; n <= 16; n++) {
            int[] net = MonthlyMedian.network(n);
            for (int bits = 0; bits < 1 << n; bits++) {
                int[] a = new int[n];
                for (int k = 0; k < n; k++) a[k] = bits >>> k & 1;
                for (int p = 0; p < net.length; p += 2) {
                    int x = a[net[p]], y = a[net[p + 1]];
                    a[net[p]] = Math.min(x, y);
                    a[net[p + 1]] = Math.max(x, y);
                }
                for (int k = 1; k < n; k++) assertEquals(true, a[k - 1] <= a[k], "n " + n + " input " + bits);
            }
        }
    }
}
