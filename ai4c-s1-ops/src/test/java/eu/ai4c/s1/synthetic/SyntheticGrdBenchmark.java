package eu.ai4c.s1.synthetic;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.noise.ThermalNoise;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Full-size benchmark (not run by surefire): writes a 25,000 × 16,700 one-polarisation synthetic
 * IW GRD, then reads it tile by tile (1024 × 512) with thermal noise removal and σ⁰ calibration.
 * Prints one machine-readable line per stage: {@code stage=… seconds=… mpixPerSecond=…}.
 * Usage: {@code java … SyntheticGrdBenchmark [folder] [width] [height]}.
 */
public final class SyntheticGrdBenchmark {
    private SyntheticGrdBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("s1bench");
        int w = args.length > 1 ? Integer.parseInt(args[1]) : 25_000, h = args.length > 2 ? Integer.parseInt(args[2]) : 16_700;
        double mpix = (double) w * h / 1e6;
        long t0 = System.nanoTime();
        Path safe = SyntheticGrd.builder(w, h).polarisations("VV").pointTarget(h / 2, w / 2, 30000).build().write(folder);
        double gen = (System.nanoTime() - t0) / 1e9;
        System.out.printf("stage=generate seconds=%.2f mpixPerSecond=%.1f heapMB=%d%n", gen, mpix / gen, usedMb());

        t0 = System.nanoTime();
        double sum = 0;
        try (S1Product s1 = S1Product.open(safe)) {
            S1Image vv = s1.image("IW", "VV");
            LineVectorLut sigma = CalibrationType.SIGMA_NOUGHT.lut(vv.calibration());
            NoisePowerLut noise = NoisePowerLut.of(vv.noise());
            double open = (System.nanoTime() - t0) / 1e9;
            System.out.printf("stage=open seconds=%.2f%n", open);
            t0 = System.nanoTime();
            int tw = 1024, th = 512;
            float[] a = new float[tw * th], n = new float[tw * th], out = new float[tw * th];
            long tRead = 0, tCal = 0, tNoise = 0, tKernel = 0;
            for (int y = 0; y < h; y += th) {
                for (int x = 0; x < w; x += tw) {
                    Region r = new Region(x, y, Math.min(tw, w - x), Math.min(th, h - y));
                    long s0 = System.nanoTime();
                    Block dn = s1.measurement(vv).read(r);
                    int cnt = r.width() * r.height();
                    long s1t = System.nanoTime();
                    sigma.interpolate(r.x(), r.y(), r.width(), r.height(), a, 0, false);
                    long s2 = System.nanoTime();
                    noise.interpolate(r.x(), r.y(), r.width(), r.height(), n);
                    long s3 = System.nanoTime();
                    ThermalNoise.denoiseAndCalibrate(dn.shorts(), n, a, out, cnt);
                    long s4 = System.nanoTime();
                    tRead += s1t - s0;
                    tCal += s2 - s1t;
                    tNoise += s3 - s2;
                    tKernel += s4 - s3;
                    sum += out[cnt / 2];
                }
            }
            System.out.printf("stage=parts readSeconds=%.2f calibrationLutSeconds=%.2f noiseLutSeconds=%.2f kernelSeconds=%.2f%n",
                    tRead / 1e9, tCal / 1e9, tNoise / 1e9, tKernel / 1e9);
        }
        double cal = (System.nanoTime() - t0) / 1e9;
        System.out.printf("stage=read+denoise+calibrate seconds=%.2f mpixPerSecond=%.1f heapMB=%d check=%.3f%n",
                cal, mpix / cal, usedMb(), sum);
        AtomicOutput.deleteTree(safe);
    }

    private static long usedMb() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }
}
