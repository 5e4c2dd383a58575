package eu.ai4c.kit.landsea;

import java.util.Random;

/**
 * Throughput of {@link ToleranceBuffer} on a 512×512 tile plus a 20-pixel halo, with a random
 * coastline-like mask (half-planes with noise). Run with {@code main}; not a unit test.
 */
public final class ToleranceBufferBenchmark {
    private ToleranceBufferBenchmark() {
    }

    public static void main(String[] args) {
        int w = 552, h = 552;
        byte[] m = new byte[w * h];
        Random rnd = new Random(1);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                m[r * w + c] = (byte) (c + 40 * Math.sin(r / 30.0) + rnd.nextGaussian() * 3 < w / 2.0 ? 1 : 0);
            }
        }
        byte[] out = new byte[w * h];
        ToleranceBuffer buffer = new ToleranceBuffer();
        for (int i = 0; i < 20; i++) buffer.buffer(m, w, h, 10, 10, 200, out);
        int runs = 100;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) buffer.buffer(m, w, h, 10, 10, 200, out);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d x %d window: %.2f ms per call, %.1f Mpixel/s%n", w, h, 1e3 * s / runs,
                (double) w * h * runs / s / 1e6);
    }
}
