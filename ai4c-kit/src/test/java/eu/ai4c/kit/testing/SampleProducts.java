package eu.ai4c.kit.testing;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small products in the {@code RAW-TEST} format for tests of the graph runner and the CLI. */
public final class SampleProducts {
    public static final int WIDTH = 150, HEIGHT = 70;

    private SampleProducts() {
    }

    /**
     * Writes {@code dir/in.a4r}: {@value #WIDTH}×{@value #HEIGHT}, band {@code b1} uint16 = {@code 100·y + x}
     * with no-data 0, band {@code b2} uint16 = 7.
     */
    public static Path twoBandUint16(Path dir) throws IOException {
        short[] a = new short[WIDTH * HEIGHT], b = new short[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                a[y * WIDTH + x] = (short) (y * 100 + x);
                b[y * WIDTH + x] = 7;
            }
        }
        Region all = Region.of(WIDTH, HEIGHT);
        MemoryRaster r = new MemoryRaster(List.of(Band.of("b1", DataType.UINT16, 0), Band.of("b2", DataType.UINT16)),
                new Block[] {new Block(all, DataType.UINT16, a), new Block(all, DataType.UINT16, b)}, null);
        Path p = dir.resolve("in.a4r");
        ProductIO.writer("RAW-TEST").write(Product.of("in", r), p, ProcessingContext.defaults());
        return p;
    }
}
