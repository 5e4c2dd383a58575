package eu.ai4c.desktop.view;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Picks the changed pixels of an S2-CD result for the polar scatter plot, deterministically and
 * at most {@code maxPoints} of them. Two passes over full-width strips of rows in row-major
 * order: the first counts changed pixels per class (class 1…254; 0 no change and 255 no-data
 * are left out); the second keeps every {@code stride_c}-th pixel of class {@code c} and reads
 * magnitude and angle only for strips holding kept pixels. The budget gives each class at least
 * {@code min(count, maxPoints / (4 · classes))} points (rare classes stay visible) and shares the
 * rest in proportion to the counts. Same inputs, same points. Stateless; thread-safe.
 */
public final class CvaSampler {
    /** Default point budget of the plot. */
    public static final int DEFAULT_MAX_POINTS = 50_000;
    private static final int CLASSES = 256;
    private static final int NO_DATA = 255;

    private CvaSampler() {
    }

    /**
     * @param classes the S2-CD class raster (band 0: uint8)
     * @param cva     the CVA raster (band 0 magnitude, band 1 angle in degrees), same size
     * @throws Ai4cException when the rasters do not fit together
     */
    public static CvaPoints sample(Raster classes, Raster cva, int maxPoints) throws IOException {
        if (classes.width() != cva.width() || classes.height() != cva.height() || cva.bands().size() < 2) {
            throw new Ai4cException("S2-CD result: the class image (" + classes.width() + "x" + classes.height()
                    + ") and the CVA image (" + cva.width() + "x" + cva.height() + ", " + cva.bands().size()
                    + " bands) do not match; open the class GeoTIFF and the _CVA.tif of the same run.");
        }
        if (classes.bands().get(0).type() != DataType.BYTE) {
            throw new Ai4cException("S2-CD result: the class image is " + classes.bands().get(0).type()
                    + ", expected uint8 classes; open the main S2-CD output GeoTIFF.");
        }
        int w = classes.width(), h = classes.height();
        int stripRows = Math.max(1, Math.min(h, (1 << 22) / Math.max(1, w)));
        long[] counts = new long[CLASSES];
        for (int y = 0; y < h; y += stripRows) {
            checkInterrupt();
            byte[] c = classes.read(0, new Region(0, y, w, Math.min(stripRows, h - y))).bytes();
            for (byte b : c) counts[b & 0xFF]++;
        }
        counts[0] = 0;
        counts[NO_DATA] = 0;
        int[] strides = strides(counts, maxPoints);
        int total = 0;
        for (int c = 0; c < CLASSES; c++) if (counts[c] > 0) total += (int) ((counts[c] + strides[c] - 1) / strides[c]);
        float[] mag = new float[total], ang = new float[total];
        byte[] cls = new byte[total];
        long[] running = new long[CLASSES];
        int[] picked = new int[w * stripRows];
        int n = 0;
        for (int y = 0; y < h; y += stripRows) {
            checkInterrupt();
            Region strip = new Region(0, y, w, Math.min(stripRows, h - y));
            byte[] c = classes.read(0, strip).bytes();
            int k = select(c, (int) strip.area(), strides, running, picked);
            if (k == 0) continue;
            Block m = cva.read(0, strip), a = cva.read(1, strip);
            for (int j = 0; j < k; j++) {
                int i = picked[j];
                mag[n] = (float) m.getDouble(i);
                ang[n] = (float) a.getDouble(i);
                cls[n++] = c[i];
            }
        }
        return new CvaPoints(mag, ang, cls, counts);
    }

    /**
     * Kernel of the second pass: indexes of the kept pixels of one strip.
     *
     * @param classes class per pixel (unsigned bytes)
     * @param n       pixels in the strip
     * @param strides keep every stride-th pixel of each class (0 = class not sampled)
     * @param running per class, pixels of that class seen so far (updated)
     * @param picked  receives the kept pixel indexes
     * @return number of kept pixels
     */
    static int select(byte[] classes, int n, int[] strides, long[] running, int[] picked) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            int c = classes[i] & 0xFF;
            int s = strides[c];
            if (s == 0) continue;
            if (running[c]++ % s == 0) picked[k++] = i;
        }
        return k;
    }

    /**
     * Stride per class value so that {@code Σ ⌈count_c / stride_c⌉ ≤ maxPoints}; 0 for classes
     * without pixels.
     */
    static int[] strides(long[] counts, int maxPoints) {
        int active = 0;
        long sum = 0;
        for (long c : counts) {
            if (c > 0) {
                active++;
                sum += c;
            }
        }
        int[] strides = new int[counts.length];
        if (active == 0) return strides;
        long floor = Math.max(1, maxPoints / (4L * active));
        long[] alloc = new long[counts.length];
        long used = 0, rest = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                alloc[c] = Math.min(counts[c], floor);
                used += alloc[c];
                rest += counts[c] - alloc[c];
            }
        }
        long spare = Math.max(0, maxPoints - used);
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) continue;
            if (rest > 0) alloc[c] += (long) Math.floor((double) spare * (counts[c] - alloc[c]) / rest);
            alloc[c] = Math.max(1, Math.min(counts[c], alloc[c]));
            strides[c] = (int) Math.min(Integer.MAX_VALUE, (counts[c] + alloc[c] - 1) / alloc[c]);
        }
        return strides;
    }

    private static void checkInterrupt() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("CVA sampling cancelled");
    }
}
