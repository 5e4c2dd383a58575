package eu.ai4c.agri.cropmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MajorityFilterTest {

    /** Brute force: count the window of every pixel directly (the definition in MajorityFilter's Javadoc). */
    static byte[] reference(byte[] img, int w, int h, int size, int classes) {
        int r = size / 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int centre = img[y * w + x] & 0xFF;
                if (centre >= classes) {
                    out[y * w + x] = (byte) centre;
                    continue;
                }
                int[] count = new int[classes];
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        int v = img[yy * w + xx] & 0xFF;
                        if (v < classes) count[v]++;
                    }
                }
                int max = 0;
                for (int c : count) max = Math.max(max, c);
                int best = centre;
                if (count[centre] != max) {
                    for (int c = 0; c < classes; c++) {
                        if (count[c] == max) {
                            best = c;
                            break;
                        }
                    }
                }
                out[y * w + x] = (byte) best;
            }
        }
        return out;
    }

    static byte[] randomClasses(int w, int h, int classes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] img = new byte[w * h];
        for (int i = 0; i < img.length; i++) img[i] = (byte) (rnd.nextInt(10) == 0 ? 255 : rnd.nextInt(classes));
        return img;
    }

    @Test
    void wholeImageEqualsBruteForce() {
        for (int size : new int[] {3, 5, 7, 9}) {
            for (int classes : new int[] {2, 4, 16}) {
                byte[] img = randomClasses(41, 29, classes, size * 100L + classes);
                byte[] out = new byte[img.length];
                MajorityFilter.filter(img, 41, 29, size / 2, classes, 0, 0, 41, 29, out);
                assertArrayEquals(reference(img, 41, 29, size, classes), out, "size " + size + ", classes " + classes);
            }
        }
    }

    @Test
    void windowsWithHaloEqualTheWholeImage() {
        int w = 53, h = 47, size = 5, r = 2, classes = 3;
        byte[] img = randomClasses(w, h, classes, 7);
        byte[] whole = reference(img, w, h, size, classes);
        // every window with the halo the image has around it, including windows at the borders
        for (int y0 = 0; y0 < h; y0 += 11) {
            for (int x0 = 0; x0 < w; x0 += 13) {
                int tw = Math.min(13, w - x0), th = Math.min(11, h - y0);
                int hx0 = Math.max(0, x0 - r), hy0 = Math.max(0, y0 - r);
                int hx1 = Math.min(w, x0 + tw + r), hy1 = Math.min(h, y0 + th + r);
                int hw = hx1 - hx0, hh = hy1 - hy0;
                byte[] halo = new byte[hw * hh];
                for (int y = 0; y < hh; y++) System.arraycopy(img, (hy0 + y) * w + hx0, halo, y * hw, hw);
                byte[] out = new byte[tw * th];
                MajorityFilter.filter(halo, hw, hh, r, classes, x0 - hx0, y0 - hy0, tw, th, out);
                byte[] expected = new byte[tw * th];
                for (int y = 0; y < th; y++) System.arraycopy(whole, (y0 + y) * w + x0, expected, y * tw, tw);
                assertArrayEquals(expected, out, "window at " + x0 + "," + y0);
            }
        }
    }

    @Test
    void isolatedPixelRemovedNoDataKeptTiesKeepCentre() {
        byte N = (byte) 255;
        byte[] img = {
            1, 1, 1, 0,
            1, 2, 1, 0,
            1, 1, N, 0,
            0, 0, 0, 0};
        byte[] out = new byte[16];
        MajorityFilter.filter(img, 4, 4, 1, 3, 0, 0, 4, 4, out);
        // (3,0) and (0,3): 0 and 1 tie and the centre 0 stays; (2,1): 1 and 0 tie, the centre 1 stays
        assertArrayEquals(new byte[] {
            1, 1, 1, 0,
            1, 1, 1, 0,
            1, 1, N, 0,
            0, 0, 0, 0}, out);
    }
}
