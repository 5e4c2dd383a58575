package eu.ai4c.kit.io.geotiff;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic rasters for the writer tests: random samples with some no-data pixels. */
final class TestRasters {

    private TestRasters() {
    }

    /** The no-data value used for a type: NaN for floating types, else a value inside the type's range. */
    static double noDataOf(DataType type) {
        return switch (type) {
            case BYTE -> 255;
            case INT16 -> -9999;
            case UINT16 -> 65535;
            case INT32 -> -2147483647;
            default -> Double.NaN;
        };
    }

    /**
     * A raster of {@code bands} bands of random samples: half smooth (a ramp with noise, which the
     * predictors compress), half uniform random bits, with every 17th pixel set to no-data.
     */
    static MemoryRaster random(DataType type, int width, int height, int bands, long seed, GeoCoding gc) {
        Random rnd = new Random(seed);
        List<Band> list = new ArrayList<>();
        Block[] blocks = new Block[bands];
        double nd = noDataOf(type);
        int n = width * height;
        for (int b = 0; b < bands; b++) {
            list.add(Band.of("band_" + (b + 1), type, nd).withUnit("dB"));
            Block block = Block.allocate(type, Region.of(width, height));
            for (int i = 0; i < n; i++) {
                int x = i % width, y = i / width;
                boolean smooth = y < height / 2;
                double ramp = (x + y) * 0.5 + rnd.nextInt(4);
                switch (type) {
                    case BYTE -> block.bytes()[i] = (byte) (smooth ? ramp : rnd.nextInt(255));
                    case INT16 -> block.shorts()[i] = (short) (smooth ? ramp - 300 : rnd.nextInt(65536) - 32768);
                    case UINT16 -> block.shorts()[i] = (short) (smooth ? ramp * 40 : rnd.nextInt(65535));
                    case INT32 -> block.ints()[i] = smooth ? (int) (ramp * 1000) - 50000 : rnd.nextInt();
                    case FLOAT32 -> block.floats()[i] = (float) (smooth ? ramp * 0.01 : rnd.nextGaussian() * 1e3);
                    case FLOAT64 -> block.doubles()[i] = smooth ? ramp * 0.001 : rnd.nextGaussian() * 1e6;
                    case CFLOAT32 -> {
                        block.floats()[2 * i] = (float) (smooth ? ramp : rnd.nextGaussian());
                        block.floats()[2 * i + 1] = (float) rnd.nextGaussian();
                    }
                }
                if (i % 17 == 0) block.setDouble(i, nd);
            }
            blocks[b] = block;
        }
        return new MemoryRaster(list, blocks, gc);
    }
}
