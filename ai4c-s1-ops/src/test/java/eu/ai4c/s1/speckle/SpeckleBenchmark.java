package eu.ai4c.s1.speckle;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.util.Random;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Throughput of the speckle filters through {@link SpeckleRaster} and the tile engine on a synthetic
 * 4-look 4096×4096 scene (fields of three means, as in a GRD over mixed land cover), 512×512 tiles.
 * Prints one machine-readable line per configuration: {@code filter threads Mpixel/s}; the best of
 * three timed runs after one warm-up run, wall-clock and per CPU-second (the machine may be shared). Usage: {@code SpeckleBenchmark [size] [threads]}; not a test.
 */
public final class SpeckleBenchmark {
    /** Process CPU time: on a shared machine, throughput per CPU-second is steadier than wall-clock. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        float[] img = new float[size * size];
        Random random = new Random(1);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double mean = ((x / 300 + y / 200) % 3 + 1) * 0.02;
                img[y * size + x] = (float) (mean * SyntheticSpeckle.speckle(random, 4));
            }
        }
        MemoryRaster source = MemoryRaster.ofFloats("Sigma0_VV", size, size, img, null);
        String[] filters = args.length > 2 ? args[2].split(",") : new String[] {"Lee Sigma"};
        for (String name : filters) {
            SpeckleRaster raster = SpeckleRaster.of(source, SpeckleParameters.defaults().withFilter(name));
            for (int t : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
                double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
                for (int run = 0; run < 4; run++) {
                    DoubleAdder checksum = new DoubleAdder();
                    long c0 = OS.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    TileEngine.run("speckle", raster, new int[] {0}, new TileGrid(size, size, 512, 512),
                            ProcessingContext.defaults().withThreads(t), (col, row, blocks) -> {
                                float[] f = blocks[0].floats();
                                checksum.add(f[f.length / 2]);
                            });
                    double s = (System.nanoTime() - t0) / 1e9;
                    double cpu = (OS.getProcessCpuTime() - c0) / 1e9;
                    if (run > 0) {
                        best = Math.min(best, s);
                        bestCpu = Math.min(bestCpu, cpu);
                    }
                }
                double mpix = (double) size * size / 1e6;
                System.out.printf("%s windowSize=%s threads=%d %.1f Mpixel/s wall (%.2f s), %.1f Mpixel per CPU-second,"
                        + " ENL %.2f%n", name, raster.parameters().windowSize(), t, mpix / best, best, mpix / bestCpu,
                        raster.looks(0));
            }
        }
    }
}
