package eu.ai4c.agri.unet;

/**
 * Where the prediction windows lie and how their results are blended. Along each axis of
 * {@code length} px, windows of {@code size} px start at {@code 0, step, 2·step, …} with
 * {@code step = size - overlap} and {@code overlap = size / 4}, plus a last window flush with
 * the end; the lattice depends only on the image size, so every pixel's result is the same
 * whatever region of the map is asked for. Inside a window, pixel {@code i} weighs
 * {@code min(1, (min(i, size-1-i) + 1) / (overlap + 1))} along each axis (a ramp over the
 * overlap, 1 inside, positive everywhere); a pixel's class probabilities are the weighted mean
 * over the windows covering it, which removes the seams of window edges. Pure functions.
 */
public final class SlidingWindows {
    private SlidingWindows() {
    }

    public static int overlap(int size) {
        return size / 4;
    }

    /** Window origins along an axis of {@code length} px (one window at 0 when the axis is shorter than a window). */
    public static int[] origins(int length, int size) {
        int step = size - overlap(size);
        if (length <= size) return new int[] {0};
        int n = (length - size) / step + 1;
        boolean flush = (n - 1) * step + size < length;
        int[] o = new int[n + (flush ? 1 : 0)];
        for (int i = 0; i < n; i++) o[i] = i * step;
        if (flush) o[n] = length - size;
        return o;
    }

    /** The blending weights of one axis of a window. */
    public static float[] weights(int size) {
        int overlap = overlap(size);
        float[] w = new float[size];
        for (int i = 0; i < size; i++) w[i] = Math.min(1f, (Math.min(i, size - 1 - i) + 1f) / (overlap + 1f));
        return w;
    }
}
