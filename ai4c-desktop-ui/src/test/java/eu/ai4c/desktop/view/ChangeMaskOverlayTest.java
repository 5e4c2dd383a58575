package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer opens an S1-CD colour composite in colour (RGB mode on its red, green, blue bands) and
 * draws the change mask found beside it over the changed pixels only; the overlay can be turned off.
 */
class ChangeMaskOverlayTest {
    static final int W = 120, H = 80;
    @TempDir
    Path dir;

    @Test
    void theChangeMaskIsDrawnOverTheCompositeWhereItIsOne() throws Exception {
        System.setProperty("java.awt.headless", "true");
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.wgs84(), 12, 42, 0.001, 0.001);
        Block[] rgb = new Block[3];
        for (int b = 0; b < 3; b++) {
            byte[] v = new byte[W * H];
            for (int i = 0; i < v.length; i++) v[i] = (byte) ((i % W) * 2 + b * 10);
            rgb[b] = new Block(Region.of(W, H), DataType.BYTE, v);
        }
        List<Band> names = List.of(new Band("red", DataType.BYTE, 0, false, "", ""),
                new Band("green", DataType.BYTE, 0, false, "", ""), new Band("blue", DataType.BYTE, 0, false, "", ""));
        Path acd = ProductIO.writer("GeoTIFF").write(Product.of("x_ACD", new MemoryRaster(names, rgb, gc)),
                dir.resolve("S1_IW_CD_x_ACD.tif"), ProcessingContext.defaults());
        byte[] m = new byte[W * H];
        for (int y = 20; y < 40; y++) for (int x = 30; x < 60; x++) m[y * W + x] = 1;
        for (int x = 0; x < W; x++) m[(H - 1) * W + x] = (byte) 255;
        ProductIO.writer("GeoTIFF").write(Product.of("x_change_mask", new MemoryRaster(
                        List.of(new Band("change_mask", DataType.BYTE, 255, true, "", "")),
                        new Block[] {new Block(Region.of(W, H), DataType.BYTE, m)}, gc)),
                dir.resolve("S1_IW_CD_x_change_mask.tif"), ProcessingContext.defaults());

        try (QuickLookSource source = QuickLookSource.open(acd)) {
            assertTrue(source.changeMask().isPresent());
            QuickLookPanel panel = new QuickLookPanel(source);
            assertEquals(QuickLookPanel.Mode.RGB, panel.settings().mode(), "a composite opens in colour");
            BufferedImage with = panel.render();
            panel.setChangeMaskShown(false);
            BufferedImage without = panel.render();
            assertEquals(W, with.getWidth());
            int changed = 0, kept = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    boolean inMask = m[y * W + x] == 1;
                    if (inMask) {
                        assertNotEquals(without.getRGB(x, y), with.getRGB(x, y), "changed pixel " + x + "," + y);
                        int[] one = {without.getRGB(x, y)};
                        ChangeMaskOverlay.blend(new float[] {1}, one);
                        assertEquals(one[0], with.getRGB(x, y));
                        changed++;
                    } else {
                        assertEquals(without.getRGB(x, y), with.getRGB(x, y), "unchanged pixel " + x + "," + y);
                        kept++;
                    }
                }
            }
            assertEquals(600, changed);
            assertEquals(W * H - 600, kept);
        }
        assertTrue(ChangeMaskOverlay.find(dir.resolve("S1_IW_CD_x_change_mask.tif")).isEmpty(), "not over itself");
        assertTrue(ChangeMaskOverlay.find(dir.resolve("other.tif")).isEmpty());
    }
}
