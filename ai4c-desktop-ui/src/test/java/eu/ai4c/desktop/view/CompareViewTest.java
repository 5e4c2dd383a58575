package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Zoom and pan of the image canvas, and two canvases whose views are linked. */
class CompareViewTest {
    private static ImageCanvas canvas(int w, int h, int imgW, int imgH) {
        ImageCanvas c = new ImageCanvas();
        c.setSize(w, h);
        c.setImage(new BufferedImage(imgW, imgH, BufferedImage.TYPE_INT_ARGB));
        return c;
    }

    @Test
    void zoomKeepsThePointUnderTheCursorAndPanMovesTheImage() {
        ImageCanvas c = canvas(400, 300, 200, 100); // fit scale 2: image drawn 400 x 200 at y 50
        double[] before = c.imagePosition(100, 100);
        assertArrayEquals(new double[] {50, 25}, before, 1e-9);
        c.zoomAt(100, 100, 4);
        assertArrayEquals(before, c.imagePosition(100, 100), 1e-9, "the point under the cursor stays");
        assertEquals(4, c.view()[0], 0);
        // at zoom 4 (scale 8) a drag of 80 px right moves the image 10 image pixels
        c.pan(80, 0);
        assertArrayEquals(new double[] {before[0] - 10, before[1]}, c.imagePosition(100, 100), 1e-9);
        // zoom is clamped to fit … 64 × fit; double-click resets
        c.zoomAt(0, 0, 1e6);
        assertEquals(ImageCanvas.MAX_ZOOM, c.view()[0], 0);
        c.setView(0.1, -3, 7, true);
        assertArrayEquals(new double[] {1, 0, 1}, c.view(), 0);
    }

    @Test
    void linkedCanvasesShowTheSameFractionOfTheirImages() {
        ImageCanvas a = canvas(400, 300, 200, 100);
        ImageCanvas b = canvas(400, 300, 1000, 500); // the same area at 5 × the resolution
        Runnable unlink = ImageCanvas.linkViews(a, b);
        a.zoomAt(120, 90, 3);
        a.pan(-25, 13);
        assertArrayEquals(a.view(), b.view(), 1e-12);
        double[] pa = a.imagePosition(200, 150);
        double[] pb = b.imagePosition(200, 150);
        assertNotNull(pa);
        assertArrayEquals(new double[] {pa[0] * 5, pa[1] * 5}, pb, 1e-9, "the same ground point at the centre");
        b.zoomAt(10, 10, 2); // both ways
        assertArrayEquals(b.view(), a.view(), 1e-12);
        unlink.run();
        a.zoomAt(50, 50, 1.5);
        assertEquals(false, java.util.Arrays.equals(a.view(), b.view()), "unlinked views move alone");
    }
}
