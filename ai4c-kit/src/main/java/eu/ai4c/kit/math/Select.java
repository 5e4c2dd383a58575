package eu.ai4c.kit.math;

/**
 * Order statistics in place: the element of a given rank of the first {@code n} values of an
 * array, by Hoare's quickselect with a median-of-three pivot (expected O(n), no allocation). Used
 * for medians and percentiles (median speckle filter, robust normalisation statistics, monthly
 * composites). The array is reordered: afterwards {@code a[0..rank)} holds values ≤ the result and
 * {@code a(rank..n)} values ≥ it, so the largest of {@code a[0..rank)} is the next smaller order
 * statistic (the lower middle of an even-sized median). Stateless, thread-safe (callers own the
 * arrays).
 */
public final class Select {
    private Select() {
    }

    /**
     * The element of rank {@code rank} (0-based: 0 is the smallest) of {@code a[0..n)}, reordering
     * them. Values must not be NaN.
     */
    public static float kth(float[] a, int n, int rank) {
        int lo = 0, hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot, placed at a[mid]
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            float pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) swap(a, i++, j--);
            }
            if (rank <= j) hi = j;
            else if (rank >= i) lo = i;
            else return a[rank];
        }
        return a[rank];
    }

    /** The element of rank {@code rank} (0-based) of {@code a[0..n)}, reordering them. */
    public static int kth(int[] a, int n, int rank) {
        int lo = 0, hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            int pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) swap(a, i++, j--);
            }
            if (rank <= j) hi = j;
            else if (rank >= i) lo = i;
            else return a[rank];
        }
        return a[rank];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
