package eu.ai4c.s1.synthetic;

import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Generates the uint16 amplitude DNs of one synthetic GRD measurement, block of rows by block of
 * rows: {@code |DN|² ~ Gamma(L, (σ⁰·A² + N)/L)} with A the interpolated {@code sigmaNought} LUT and
 * N the noise power, then point targets (exact DN) and the optional no-value border (DN 1).
 * Each block has its own random stream (seeded from the product seed and the block index), so
 * the result does not depend on the number of threads. Blocks are computed in parallel, at most
 * {@code 2 × threads} in flight, and written in order: memory stays bounded for any scene size.
 * Immutable; {@link #write} may be called from one thread at a time.
 */
final class MeasurementGenerator {
    /** Rows per block are chosen so that a block holds about this many samples. */
    private static final int BLOCK_SAMPLES = 1 << 20;

    private final int width, height;
    private final LineVectorLut sigmaNought;
    private final NoisePowerLut noise;
    private final double backgroundSigma0, backgroundLooks;
    private final List<SyntheticGrd.HomogeneousArea> areas;
    private final List<SyntheticGrd.PointTarget> targets;
    private final int noValueBorder;
    private final long seed;

    MeasurementGenerator(int width, int height, LineVectorLut sigmaNought, NoisePowerLut noise, double backgroundSigma0,
                         double backgroundLooks, List<SyntheticGrd.HomogeneousArea> areas,
                         List<SyntheticGrd.PointTarget> targets, int noValueBorder, long seed) {
        this.width = width;
        this.height = height;
        this.sigmaNought = sigmaNought;
        this.noise = noise;
        this.backgroundSigma0 = backgroundSigma0;
        this.backgroundLooks = backgroundLooks;
        this.areas = List.copyOf(areas);
        this.targets = List.copyOf(targets);
        this.noValueBorder = noValueBorder;
        this.seed = seed;
    }

    /** Writes the measurement TIFF with {@code threads} worker threads. */
    void write(Path file, int threads) throws IOException {
        int rowsPerBlock = Math.max(1, Math.min(height, BLOCK_SAMPLES / width));
        try (StripTiffWriter tiff = new StripTiffWriter(file, width, height, "AI4C synthetic GRD")) {
            tiff.writeBlocks(height, rowsPerBlock, width, threads, "synthetic-grd", this::block);
        }
    }

    /** The DNs of rows {@code y0 .. y0+rows-1}. */
    short[] block(int index, int y0, int rows) {
        int w = width;
        float[] a2 = new float[rows * w], n = new float[rows * w];
        sigmaNought.interpolate(0, y0, w, rows, a2, 0, true);
        noise.interpolate(0, y0, w, rows, n);
        double[] sigma = new double[w], looks = new double[w];
        short[] dn = new short[rows * w];
        GammaSampler sampler = new GammaSampler(seed * 1_000_003L + index);
        for (int r = 0; r < rows; r++) {
            int y = y0 + r, o = r * w;
            Arrays.fill(sigma, backgroundSigma0);
            Arrays.fill(looks, backgroundLooks);
            for (SyntheticGrd.HomogeneousArea area : areas) {
                Region q = area.region();
                if (y < q.y() || y >= q.maxY()) continue;
                int from = Math.max(0, q.x()), to = Math.min(w, q.maxX());
                if (from < to) {
                    Arrays.fill(sigma, from, to, area.sigma0());
                    Arrays.fill(looks, from, to, area.looks());
                }
            }
            for (int x = 0; x < w; x++) {
                double mean = sigma[x] * a2[o + x] + n[o + x];
                long v = Math.round(Math.sqrt(sampler.intensity(mean, looks[x])));
                dn[o + x] = (short) Math.min(65535, Math.max(1, v));
            }
            for (int x = 0; x < Math.min(noValueBorder, w); x++) {
                dn[o + x] = 1;
                dn[o + w - 1 - x] = 1;
            }
        }
        for (SyntheticGrd.PointTarget t : targets) {
            if (t.line() >= y0 && t.line() < y0 + rows) dn[(t.line() - y0) * w + t.sample()] = (short) t.dn();
        }
        return dn;
    }
}
