package eu.ai4c.cli.bench;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.noise.ThermalNoise;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code s1-grd}: {@code S1-GRD-preprocess} end to end (thermal noise removal, σ⁰ calibration, Lee
 * Sigma, terrain correction to 10 m WGS84, GeoTIFF) on the synthetic IW GRD of
 * {@link SyntheticGrdInput} (default 25,000 × 16,700); and {@code s1-grd-calibration}, the first
 * stage alone on one thread: the measurement read in 1024×512 tiles, thermal noise removed and σ⁰
 * calibrated by the kernels, with the time split into reading, look-up tables and kernel. No peer:
 * SNAP's graph is not installed here; the geocoding step alone is compared with GDAL by
 * {@code terrain-correction}.
 */
public final class S1GrdBenchmark extends DeclaredBenchmark {

    public S1GrdBenchmark() {
        super("s1-grd",
                "S1-GRD-preprocess (Lee Sigma, 10 m WGS84) of a synthetic N-sample IW GRD to GeoTIFF; no peer (default N 25000;"
                        + " -Pverify false leaves out the measurement MD5 check).", "verify");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int samples = context.size(SyntheticGrdInput.DEFAULT_SAMPLES);
        Path safe = SyntheticGrdInput.safe(context, samples);
        Path out = Files.createDirectories(context.workDir().resolve("s1-grd-out")).resolve("grd.tif");
        // -Pverify=false leaves out the MD5 check of the measurement, to measure what it costs
        String verify = context.option("verify", "true");
        BenchContext.Measured ours = context.measure(() -> ServiceRun.run("S1-GRD-preprocess", Map.of("input", safe),
                Map.of("speckle", "Lee Sigma", "resolution", "10", "verify", verify), out, "GeoTIFF", context.processing()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("verify", verify);
        extra.put("bytes", Files.size(out));
        String input = samples + "x" + SyntheticGrdInput.lines(samples) + " IW GRD VV uint16";
        return List.of(BenchResult.of(name(), input, ours, null, Double.NaN, extra), calibration(context, safe, input));
    }

    private static BenchResult calibration(BenchContext context, Path safe, String input) throws IOException {
        long[] parts = new long[4];
        double[] check = new double[1];
        BenchContext.Measured ours = context.measure(() -> {
            java.util.Arrays.fill(parts, 0);
            check[0] = calibrate(safe, parts);
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", 1);
        extra.put("read_seconds", parts[0] / 1e9);
        extra.put("calibration_lut_seconds", parts[1] / 1e9);
        extra.put("noise_lut_seconds", parts[2] / 1e9);
        extra.put("kernel_seconds", parts[3] / 1e9);
        extra.put("check", check[0]);
        return BenchResult.of("s1-grd-calibration", input, ours, null, Double.NaN, extra);
    }

    /** Reads, denoises and calibrates the whole image; adds nanoseconds per part; returns a sum of samples. */
    private static double calibrate(Path safe, long[] parts) throws IOException {
        double sum = 0;
        try (S1Product s1 = S1Product.open(safe)) {
            S1Image vv = s1.image("IW", "VV");
            LineVectorLut sigma = CalibrationType.SIGMA_NOUGHT.lut(vv.calibration());
            NoisePowerLut noise = NoisePowerLut.of(vv.noise());
            Annotation.ImageInformation info = vv.annotation().imageInformation();
            int w = info.numberOfSamples(), h = info.numberOfLines(), tw = 1024, th = 512;
            float[] a = new float[tw * th], n = new float[tw * th], out = new float[tw * th];
            for (int y = 0; y < h; y += th) {
                for (int x = 0; x < w; x += tw) {
                    Region r = new Region(x, y, Math.min(tw, w - x), Math.min(th, h - y));
                    long t0 = System.nanoTime();
                    Block dn = s1.measurement(vv).read(r);
                    long t1 = System.nanoTime();
                    sigma.interpolate(r.x(), r.y(), r.width(), r.height(), a, 0, false);
                    long t2 = System.nanoTime();
                    noise.interpolate(r.x(), r.y(), r.width(), r.height(), n);
                    long t3 = System.nanoTime();
                    int count = r.width() * r.height();
                    ThermalNoise.denoiseAndCalibrate(dn.shorts(), n, a, out, count);
                    long t4 = System.nanoTime();
                    parts[0] += t1 - t0;
                    parts[1] += t2 - t1;
                    parts[2] += t3 - t2;
                    parts[3] += t4 - t3;
                    sum += out[count / 2];
                }
            }
        }
        return sum;
    }
}
