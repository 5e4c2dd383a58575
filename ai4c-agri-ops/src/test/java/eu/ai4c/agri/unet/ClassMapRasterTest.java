package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassMapRasterTest {

    static UnetModel randomModel(int bands, int classes, int patch) {
        TorchRuntime.init().setRandomSeed(17);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            UnetNetwork net = new UnetNetwork(Backbone.RESNET18, bands, classes);
            net.initialize(m, DataType.FLOAT32, new Shape(1, bands, patch, patch));
            int[] ids = new int[classes];
            for (int i = 1; i < classes; i++) ids[i] = 10 * i;
            return UnetModel.of(net, List.of("B4", "B8"), ids, patch, new float[] {500, 3000}, new float[] {200, 800});
        }
    }

    static MemoryRaster image(int w, int h, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[w * h];
        float[] b = new float[w * h];
        for (int i = 0; i < a.length; i++) {
            // smooth pattern plus noise, so that classes change across the image
            a[i] = (float) (500 + 300 * Math.sin(i % w / 9.0) + 50 * rng.nextGaussian());
            b[i] = (float) (3000 + 900 * Math.cos(i / w / 7.0) + 100 * rng.nextGaussian());
        }
        a[5 * w + 7] = Float.NaN;
        b[40 * w + 100] = -1f; // band no-data value
        return new MemoryRaster(List.of(Band.of("B4", eu.ai4c.kit.raster.DataType.FLOAT32),
                Band.of("B8", eu.ai4c.kit.raster.DataType.FLOAT32, -1)),
                new Block[] {new Block(Region.of(w, h), eu.ai4c.kit.raster.DataType.FLOAT32, a),
                        new Block(Region.of(w, h), eu.ai4c.kit.raster.DataType.FLOAT32, b)}, null);
    }

    /** Any region, of any size, gets the same classes: the windows lie on a lattice of the image, not of the region. */
    @Test
    void sameMapForAnyRegionSizeAndNoDataWhereInputsHaveNone() throws Exception {
        int w = 110;
        int h = 90;
        UnetModel model = randomModel(2, 3, 64);
        MemoryRaster img = image(w, h, 3);
        byte[] whole;
        try (ClassMapRaster map = new ClassMapRaster(img, new int[] {0, 1}, model, 2)) {
            int lattice = SlidingWindows.origins(w, 64).length * SlidingWindows.origins(h, 64).length;
            whole = map.read(0, Region.of(w, h)).bytes();
            assertEquals(lattice, map.windowsComputed(), "one network call per window");
            int passes = 1;
            for (int[] piece : new int[][] {{37, 53}, {110, 29}}) {
                byte[] assembled = new byte[w * h];
                for (int y = 0; y < h; y += piece[1]) {
                    for (int x = 0; x < w; x += piece[0]) {
                        Region r = new Region(x, y, Math.min(piece[0], w - x), Math.min(piece[1], h - y));
                        byte[] part = map.read(0, r).bytes();
                        for (int yy = 0; yy < r.height(); yy++) {
                            System.arraycopy(part, yy * r.width(), assembled, (y + yy) * w + x, r.width());
                        }
                    }
                }
                assertArrayEquals(whole, assembled, "regions of " + piece[0] + "×" + piece[1]);
                // every window is shared by the regions it touches, and dropped once they all had it
                assertEquals(++passes * (long) lattice, map.windowsComputed(), "regions of " + piece[0] + "×" + piece[1]);
            }
        }
        int[] seen = new int[256];
        for (byte v : whole) seen[v & 0xFF]++;
        assertEquals(2, seen[ClassMapRaster.NO_DATA], "exactly the two no-data pixels");
        assertEquals((byte) ClassMapRaster.NO_DATA, whole[5 * w + 7]);
        assertEquals((byte) ClassMapRaster.NO_DATA, whole[40 * w + 100]);
        int classesSeen = 0;
        for (int id : model.classIds()) if (seen[id] > 0) classesSeen++;
        assertTrue(classesSeen >= 2, "a map of one class would test little: " + classesSeen);
        assertEquals(w * h - 2, seen[0] + seen[10] + seen[20]);
    }

    /** Regions read by several threads at once share their windows: each is computed by one thread only. */
    @Test
    void concurrentRegionsComputeEachWindowOnce() throws Exception {
        int w = 150;
        int h = 130;
        UnetModel model = randomModel(2, 3, 64);
        MemoryRaster img = image(w, h, 5);
        byte[] whole;
        try (ClassMapRaster map = new ClassMapRaster(img, new int[] {0, 1}, model, 3)) {
            whole = map.read(0, Region.of(w, h)).bytes();
        }
        int lattice = SlidingWindows.origins(w, 64).length * SlidingWindows.origins(h, 64).length;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try (ClassMapRaster map = new ClassMapRaster(img, new int[] {0, 1}, model, 3)) {
            byte[] assembled = new byte[w * h];
            List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
            for (int y = 0; y < h; y += 29) {
                for (int x = 0; x < w; x += 31) {
                    Region r = new Region(x, y, Math.min(31, w - x), Math.min(29, h - y));
                    parts.add(pool.submit(() -> {
                        byte[] part = map.read(0, r).bytes();
                        for (int yy = 0; yy < r.height(); yy++) {
                            System.arraycopy(part, yy * r.width(), assembled, (r.y() + yy) * w + r.x(), r.width());
                        }
                        return null;
                    }));
                }
            }
            for (java.util.concurrent.Future<?> f : parts) f.get();
            assertArrayEquals(whole, assembled);
            assertEquals(lattice, map.windowsComputed());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void windowsCoverTheAxisAndBlendWithPositiveWeights() {
        assertArrayEquals(new int[] {0}, SlidingWindows.origins(50, 64));
        assertArrayEquals(new int[] {0, 48, 86}, SlidingWindows.origins(150, 64));
        assertArrayEquals(new int[] {0, 192, 384, 576, 768}, SlidingWindows.origins(1024, 256));
        float[] wgt = SlidingWindows.weights(64);
        assertEquals(1f / 17, wgt[0], 1e-7);
        assertEquals(1f, wgt[32], 0f);
        assertEquals(wgt[3], wgt[60], 0f);
    }

    @Test
    void modelForOtherBandsIsRefused() {
        MemoryRaster three = new MemoryRaster(List.of(Band.of("B2", eu.ai4c.kit.raster.DataType.FLOAT32),
                Band.of("B3", eu.ai4c.kit.raster.DataType.FLOAT32), Band.of("B4", eu.ai4c.kit.raster.DataType.FLOAT32)),
                new Block[] {Block.allocate(eu.ai4c.kit.raster.DataType.FLOAT32, Region.of(8, 8)),
                        Block.allocate(eu.ai4c.kit.raster.DataType.FLOAT32, Region.of(8, 8)),
                        Block.allocate(eu.ai4c.kit.raster.DataType.FLOAT32, Region.of(8, 8))}, null);
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> ImageBands.select(three, List.of("B4", "B8"), java.nio.file.Path.of("t.tif"), "image tile"));
        assertTrue(e.getMessage().contains("[B8] are missing"), e.getMessage());
    }
}
