package eu.ai4c.s1.cd;

/**
 * A minimum mapping unit for a change mask: changed regions smaller than a number of pixels
 * (isolated speckle-driven detections) become no change, then unchanged regions smaller than it
 * (speckle holes inside a changed object) become change. Regions are 8-connected; no-data pixels
 * never change. Flood fill with an explicit stack of pixel indices; no recursion.
 */
public final class SmallRegions {

    private SmallRegions() {
    }

    /** Applies the unit to both classes, changes first; returns the number of pixels whose class changed. */
    public static int apply(byte[] mask, int width, int height, int minPixels) {
        return relabel(mask, width, height, minPixels, ChangeMask.CHANGE, ChangeMask.NO_CHANGE)
                + relabel(mask, width, height, minPixels, ChangeMask.NO_CHANGE, ChangeMask.CHANGE);
    }

    /** Changed regions under {@code minPixels} become no change; returns the number of pixels relabelled. */
    public static int remove(byte[] mask, int width, int height, int minPixels) {
        return relabel(mask, width, height, minPixels, ChangeMask.CHANGE, ChangeMask.NO_CHANGE);
    }

    /** Regions of value {@code from} under {@code minPixels} take value {@code to}. */
    static int relabel(byte[] mask, int width, int height, int minPixels, byte from, byte to) {
        if (minPixels <= 1) return 0;
        int n = width * height;
        int[] label = new int[n];
        int[] stack = new int[n];
        int[] region = new int[n];
        int removed = 0, next = 0;
        for (int start = 0; start < n; start++) {
            if (mask[start] != from || label[start] != 0) continue;
            next++;
            int top = 0, size = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int p = stack[--top];
                region[size++] = p;
                int x = p % width, y = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= height) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= width || (dx == 0 && dy == 0)) continue;
                        int q = yy * width + xx;
                        if (mask[q] == from && label[q] == 0) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (size < minPixels) {
                for (int i = 0; i < size; i++) mask[region[i]] = to;
                removed += size;
            }
        }
        return removed;
    }
}
