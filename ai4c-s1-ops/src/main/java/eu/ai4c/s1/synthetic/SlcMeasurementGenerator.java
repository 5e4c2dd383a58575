package eu.ai4c.s1.synthetic;

import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the complex int16 samples of one synthetic SLC sub-swath measurement, block of rows by
 * block of rows. Single-look speckle of a homogeneous area is circular Gaussian: I and Q are
 * independent normal with variance {@code μ/2}, so {@code |DN|²} is exponential with mean
 * {@code μ = σ⁰·A² + N} (A the {@code sigmaNought} LUT, N the noise power of the burst). Samples
 * outside a burst's valid lines and samples are 0, as in real products; point targets get the
 * exact value {@code (amplitude, 0)}. Each block has its own random stream (seeded from the product
 * seed and the block index), so the result does not depend on the number of threads; blocks are
 * computed in parallel, at most {@code 2 × threads} in flight, and written in order.
 * Immutable; {@link #write} may be called from one thread at a time.
 */
final class SlcMeasurementGenerator {
    private static final int BLOCK_SAMPLES = 1 << 20;

    private final SlcModel model;
    private final int swath, width, linesPerBurst, height;
    private final LineVectorLut sigmaNought;
    private final NoisePowerLut noise;
    private final double background;
    private final List<SyntheticSlc.HomogeneousArea> areas;
    private final List<SyntheticSlc.PointTarget> targets;
    private final long seed;

    SlcMeasurementGenerator(SlcModel model, int swath, int width, int linesPerBurst, int bursts,
                            LineVectorLut sigmaNought, NoisePowerLut noise, double background,
                            List<SyntheticSlc.HomogeneousArea> areas, List<SyntheticSlc.PointTarget> targets, long seed) {
        this.model = model;
        this.swath = swath;
        this.width = width;
        this.linesPerBurst = linesPerBurst;
        this.height = linesPerBurst * bursts;
        this.sigmaNought = sigmaNought;
        this.noise = noise;
        this.background = background;
        this.areas = areas.stream().filter(a -> a.swath() == swath).toList();
        this.targets = targets.stream().filter(t -> t.swath() == swath).toList();
        this.seed = seed;
    }

    void write(Path file, int threads) throws IOException {
        int rowsPerBlock = Math.max(1, Math.min(height, BLOCK_SAMPLES / width));
        try (StripTiffWriter tiff = new StripTiffWriter(file, width, height, "AI4C synthetic SLC", true)) {
            tiff.writeBlocks(height, rowsPerBlock, 2 * width, threads, "synthetic-slc", this::block);
        }
    }

    /** Interleaved I, Q of rows {@code y0 .. y0+rows-1}. */
    short[] block(int index, int y0, int rows) {
        int w = width;
        float[] a2 = new float[rows * w], n = new float[rows * w];
        sigmaNought.interpolate(0, y0, w, rows, a2, 0, true);
        noise.interpolate(0, y0, w, rows, n);
        double[] sigma = new double[w];
        short[] iq = new short[2 * rows * w];
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        for (int r = 0; r < rows; r++) {
            int y = y0 + r, o = r * w;
            int k = y / linesPerBurst, l = y % linesPerBurst;
            if (!model.validLine(l)) continue;
            Arrays.fill(sigma, background);
            for (SyntheticSlc.HomogeneousArea area : areas) {
                if (y < area.region().y() || y >= area.region().maxY()) continue;
                int from = Math.max(0, area.region().x()), to = Math.min(w, area.region().maxX());
                if (from < to) Arrays.fill(sigma, from, to, area.sigma0());
            }
            int[] valid = model.validSamples(k);
            for (int x = valid[0]; x <= valid[1]; x++) {
                double sd = Math.sqrt((sigma[x] * a2[o + x] + n[o + x]) / 2);
                iq[2 * (o + x)] = clamp(random.nextGaussian() * sd);
                iq[2 * (o + x) + 1] = clamp(random.nextGaussian() * sd);
            }
        }
        for (SyntheticSlc.PointTarget t : targets) {
            int y = t.burst() * linesPerBurst + t.line();
            if (y >= y0 && y < y0 + rows) {
                int at = 2 * ((y - y0) * w + t.sample());
                iq[at] = (short) t.amplitude();
                iq[at + 1] = 0;
            }
        }
        return iq;
    }

    private static short clamp(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
