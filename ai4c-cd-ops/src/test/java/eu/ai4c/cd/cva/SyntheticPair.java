package eu.ai4c.cd.cva;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A co-registered pair of 4-band reflectance images for CVA tests: image 1 = base + noise,
 * image 2 = gain · (base + noise + planted change) + offset, with three change types in square
 * patches (type 1: 8 difference-std along +B2, angle 0°; type 2: 16 along +B8, 90°; type 3: 24
 * along −(B2+B3+B4)/√3, 125.3°) and a no-data strip in image 2 (the last 20 columns).
 */
final class SyntheticPair {
    static final int SIZE = 300;
    static final int NO_DATA_FROM = 280;
    static final double NOISE = 0.002;
    static final double DIFF_STD = NOISE * Math.sqrt(2);
    static final double[] GAINS = {1.08, 0.95, 1.12, 0.9};
    static final double[] OFFSETS = {0.02, -0.015, 0.03, 0.025};
    static final double[][] DIRECTIONS = {{1, 0, 0, 0}, {0, 0, 0, 1},
        {-1 / Math.sqrt(3), -1 / Math.sqrt(3), -1 / Math.sqrt(3), 0}};
    static final double[] MAGNITUDES = {8, 16, 24};
    /** Patch upper-left corners {x, y}, 60×60 px each. */
    static final int[][] PATCHES = {{20, 20}, {150, 40}, {60, 180}};
    static final int PATCH = 60;

    final MemoryRaster image1;
    final MemoryRaster image2;
    /** Planted type per pixel: 0 none, 1..3. */
    final int[] type = new int[SIZE * SIZE];

    SyntheticPair(GeoCoding gc) {
        int n = SIZE * SIZE;
        for (int t = 0; t < PATCHES.length; t++) {
            for (int y = PATCHES[t][1]; y < PATCHES[t][1] + PATCH; y++) {
                for (int x = PATCHES[t][0]; x < PATCHES[t][0] + PATCH; x++) type[y * SIZE + x] = t + 1;
            }
        }
        SplittableRandom rnd = new SplittableRandom(42);
        Block[] b1 = new Block[4], b2 = new Block[4];
        List<Band> bands = new ArrayList<>();
        String[] names = {"B2", "B3", "B4", "B8"};
        for (int b = 0; b < 4; b++) {
            float[] a = new float[n], c = new float[n];
            for (int i = 0; i < n; i++) {
                double base = 0.05 + 0.4 * rnd.nextDouble();
                double change = type[i] == 0 ? 0 : MAGNITUDES[type[i] - 1] * DIFF_STD * DIRECTIONS[type[i] - 1][b];
                a[i] = (float) (base + NOISE * gaussian(rnd));
                c[i] = i % SIZE >= NO_DATA_FROM ? Float.NaN
                        : (float) (GAINS[b] * (base + NOISE * gaussian(rnd) + change) + OFFSETS[b]);
            }
            b1[b] = new Block(Region.of(SIZE, SIZE), DataType.FLOAT32, a);
            b2[b] = new Block(Region.of(SIZE, SIZE), DataType.FLOAT32, c);
            bands.add(Band.of(names[b], DataType.FLOAT32, Double.NaN));
        }
        image1 = new MemoryRaster(bands, b1, gc);
        image2 = new MemoryRaster(bands, b2, gc);
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Adjusted Rand index of two labelings with labels in [0, k). */
    static double adjustedRand(int[] a, int[] b, int k) {
        long[][] t = new long[k][k];
        long[] ra = new long[k], rb = new long[k];
        for (int i = 0; i < a.length; i++) {
            t[a[i]][b[i]]++;
            ra[a[i]]++;
            rb[b[i]]++;
        }
        double index = 0, sa = 0, sb = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) index += pairs(t[i][j]);
            sa += pairs(ra[i]);
            sb += pairs(rb[i]);
        }
        double expected = sa * sb / pairs(a.length), max = (sa + sb) / 2;
        return (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
