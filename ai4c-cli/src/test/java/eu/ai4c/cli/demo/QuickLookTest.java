package eu.ai4c.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.render.ColourRamp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickLookTest {

    @Test
    void stretchTakesPercentilesOfFiniteValues() {
        float[] v = new float[101];
        for (int i = 0; i <= 100; i++) v[i] = i;
        v[50] = Float.NaN;
        eu.ai4c.kit.render.Stretch st = eu.ai4c.kit.render.Stretch.ofSamples(v, 0.02, 0.98);
        float[] r = {(float) st.low(), (float) st.high()};
        // 100 valid values 0..100 without 50: index floor(0.02*99) = 1 and ceil(0.98*99) = 98
        assertEquals(1f, r[0]);
        assertEquals(99f, r[1]);
        eu.ai4c.kit.render.Stretch flat = eu.ai4c.kit.render.Stretch.ofSamples(new float[] {5, 5, 5}, 0.02, 0.98);
        assertArrayEquals(new float[] {5f, 5f + 5e-6f}, new float[] {(float) flat.low(), (float) flat.high()});
        assertThrows(Ai4cException.class, () -> eu.ai4c.kit.render.Stretch.ofSamples(new float[] {Float.NaN}, 0.02, 0.98));
    }

    @Test
    void decimatesStretchesAndMakesNoDataTransparent() throws IOException {
        int w = 1000, h = 10;
        short[] s = new short[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) s[y * w + x] = (short) (x < 100 ? 9999 : x);
        MemoryRaster r = new MemoryRaster(List.of(Band.of("b", DataType.INT16, 9999)),
                new Block[] {new Block(Region.of(w, h), DataType.INT16, s)}, null);
        BufferedImage img = QuickLook.render(r, 0, ColourRamp.GREY, 100);
        assertEquals(100, img.getWidth());
        assertEquals(1, img.getHeight(), "every 10th row and column");
        for (int x = 0; x < 10; x++) assertEquals(0, img.getRGB(x, 0) >>> 24, "no-data is transparent");
        assertEquals(0xFF000000, img.getRGB(10, 0), "low end black");
        assertEquals(0xFFFFFFFF, img.getRGB(99, 0), "high end white");
        int mid = img.getRGB(55, 0) & 0xFF;
        // valid samples x = 100, 110, …, 990: 2 % → index 1 (110), 98 % → index 88 (980)
        assertEquals(255.0 * (550 - 110) / (980 - 110), mid, 1.0);
    }

    @Test
    void sampleCrossesChunkBoundariesOnTheGrid() throws IOException {
        int w = 5000, h = 600;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) v[y * w + x] = y * 10000f + x;
        MemoryRaster r = MemoryRaster.ofFloats("f", w, h, v, null);
        int step = 7, ow = (w + step - 1) / step, oh = (h + step - 1) / step;
        float[] s = QuickLook.sample(r, 0, step, ow, oh);
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                assertEquals(oy * step * 10000f + ox * step, s[oy * ow + ox], "sample " + ox + "," + oy);
            }
        }
    }

    @Test
    void rampsRunFromFirstToLastStop() {
        assertEquals(0xFF440154, ColourRamp.VIRIDIS.table()[0]);
        assertEquals(0xFFFDE725, ColourRamp.VIRIDIS.table()[255]);
        assertEquals(0xFF808080, ColourRamp.GREY.table()[128]);
    }
}
