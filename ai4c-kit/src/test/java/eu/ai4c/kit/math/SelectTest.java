package eu.ai4c.kit.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectTest {

    @Test
    void floatRankMatchesSortingAndPartitions() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 3, 7, 1000}) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) a[i] = r.nextInt(50) - 10.5f; // many ties
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            for (int k : new int[] {0, n / 2, n - 1}) {
                float[] work = a.clone();
                float v = Select.kth(work, n, k);
                assertEquals(sorted[k], v, 0, "n " + n + " rank " + k);
                for (int i = 0; i < k; i++) assertTrue(work[i] <= v, "left of rank at " + i);
                for (int i = k + 1; i < n; i++) assertTrue(work[i] >= v, "right of rank at " + i);
            }
        }
    }

    @Test
    void intRankMatchesSortingOnlyInPrefix() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 4, 17, 513}) {
            int[] a = new int[n + 3];
            for (int i = 0; i < a.length; i++) a[i] = r.nextInt(65536);
            int[] sorted = Arrays.copyOf(a, n);
            Arrays.sort(sorted);
            for (int k : new int[] {0, (n - 1) / 2, n - 1}) {
                int[] work = a.clone();
                assertEquals(sorted[k], Select.kth(work, n, k), "n " + n + " rank " + k);
                // values past n are not touched
                for (int i = n; i < a.length; i++) assertEquals(a[i], work[i]);
            }
        }
    }
}
