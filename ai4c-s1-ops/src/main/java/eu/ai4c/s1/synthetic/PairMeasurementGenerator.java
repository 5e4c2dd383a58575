package eu.ai4c.s1.synthetic;

import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.tops.TopsDeramp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates the complex int16 samples of one sub-swath of one product of a synthetic repeat-pass
 * pair from the {@link PairScene}: at each valid sample, the scene's fields evaluated at the
 * sample's lattice position ({@link LatticeMapping}) — range first (the filtered lattice rows a
 * block needs are computed once per block at the block's middle-line columns), then azimuth with
 * the kernel modulated at the burst's local Doppler frequency — mixed with the area's coherence
 * for the second date, scaled to the power {@code σ⁰·A² } of the calibration LUT, turned by the
 * interferometric phase, plus independent thermal noise of the noise LUT's power. Blocks are
 * generated in parallel with their own random streams (noise only; the fields are fixed by the
 * scene), so the result does not depend on the number of threads.
 */
final class PairMeasurementGenerator {
    private static final int BLOCK_SAMPLES = 1 << 20;
    private static final int H = PairScene.HALF;

    private final SlcModel model;
    private final PairScene scene;
    private final LatticeMapping mapping;
    private final int swath, date, width, linesPerBurst, height;
    private final LineVectorLut sigmaNought;
    private final NoisePowerLut noise;
    private final TopsDeramp[] deramps;
    private final long seed;

    PairMeasurementGenerator(SlcModel model, PairScene scene, LatticeMapping mapping, int swath, int date, int width,
                             int linesPerBurst, int bursts, LineVectorLut sigmaNought, NoisePowerLut noise,
                             TopsDeramp[] deramps, long seed) {
        this.model = model;
        this.scene = scene;
        this.mapping = mapping;
        this.swath = swath;
        this.date = date;
        this.width = width;
        this.linesPerBurst = linesPerBurst;
        this.height = linesPerBurst * bursts;
        this.sigmaNought = sigmaNought;
        this.noise = noise;
        this.deramps = deramps;
        this.seed = seed;
    }

    void write(Path file, int threads) throws IOException {
        int rowsPerBlock = Math.max(1, Math.min(height, BLOCK_SAMPLES / width));
        try (StripTiffWriter tiff = new StripTiffWriter(file, width, height, "AI4C synthetic repeat-pass SLC", true)) {
            tiff.writeBlocks(height, rowsPerBlock, 2 * width, threads, "synthetic-pair", this::block);
        }
    }

    /** Interleaved I, Q of rows {@code y0 .. y0+rows-1}. */
    short[] block(int index, int y0, int rows) {
        short[] iq = new short[2 * rows * width];
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        int y = y0;
        while (y < y0 + rows) {
            int burstEnd = (y / linesPerBurst + 1) * linesPerBurst;
            int end = Math.min(y0 + rows, burstEnd);
            segment(y, end, y0, iq, random);
            y = end;
        }
        return iq;
    }

    /** Lines {@code from … to−1} of one burst into {@code iq} (whose first line is {@code y0}). */
    private void segment(int from, int to, int y0, short[] iq, SplittableRandom random) {
        int w = width, rows = to - from;
        int fields = date == 0 ? 1 : 2;
        double[] u = new double[w], xr = new double[w], phase = new double[w];
        // range positions of the block: those of its middle line
        double[] xrBlock = new double[w];
        mapping.map(swath, (from + to - 1) / 2, 0, w, u, xrBlock, phase);
        double uMin = Double.MAX_VALUE, uMax = -Double.MAX_VALUE;
        for (int y : new int[] {from, to - 1}) {
            mapping.map(swath, y, 0, w, u, xr, phase);
            for (int x = 0; x < w; x++) {
                uMin = Math.min(uMin, u[x]);
                uMax = Math.max(uMax, u[x]);
            }
        }
        long firstRow = (long) Math.floor(uMin) - H + 1 - 1;
        int latticeRows = (int) ((long) Math.floor(uMax) + H + 1 - firstRow + 1);
        float[][][] filtered = new float[fields][latticeRows][];
        float[] lattice = new float[2 * scene.columns()];
        float[] weights = new float[2 * H];
        int[] start = new int[w];
        float[][] rangeWeights = new float[w][2 * H];
        for (int x = 0; x < w; x++) {
            double p = xrBlock[x] - PairScene.FIRST_COLUMN;
            int a0 = (int) Math.floor(p);
            start[x] = a0 - H + 1;
            if (start[x] < 0 || start[x] + 2 * H > scene.columns()) {
                throw new IllegalStateException("Synthetic pair: the secondary images lattice column " + xrBlock[x]
                        + ", beyond the modelled scene; use a smaller baseline");
            }
            PairScene.weights(p - a0, rangeWeights[x]);
        }
        for (int f = 0; f < fields; f++) {
            for (int a = 0; a < latticeRows; a++) {
                scene.latticeRow(f, swath, firstRow + a, lattice);
                float[] row = new float[2 * w];
                for (int x = 0; x < w; x++) {
                    double re = 0, im = 0;
                    float[] rw = rangeWeights[x];
                    int o = 2 * start[x];
                    for (int i = 0; i < 2 * H; i++) {
                        re += rw[i] * lattice[o + 2 * i];
                        im += rw[i] * lattice[o + 2 * i + 1];
                    }
                    row[2 * x] = (float) re;
                    row[2 * x + 1] = (float) im;
                }
                filtered[f][a] = row;
            }
        }
        float[] a2 = new float[rows * w], n = new float[rows * w];
        sigmaNought.interpolate(0, from, w, rows, a2, 0, true);
        noise.interpolate(0, from, w, rows, n);
        int k = from / linesPerBurst;
        TopsDeramp deramp = deramps == null ? null : deramps[k];
        int[] valid = model.validSamples(k);
        double dt = SlcModel.AZIMUTH_TIME_INTERVAL;
        double[] field = new double[4];
        for (int r = 0; r < rows; r++) {
            int y = from + r, l = y - k * linesPerBurst;
            if (!model.validLine(l)) continue;
            mapping.map(swath, y, 0, w, u, xr, phase);
            int o = (y - y0) * w;
            for (int x = valid[0]; x <= valid[1]; x++) {
                double pu = u[x];
                long a0 = (long) Math.floor(pu);
                PairScene.weights(pu - a0, weights);
                int first = (int) (a0 - H + 1 - firstRow);
                // azimuth kernel modulated at the local Doppler frequency: e^(iθ·(u − a)), θ = 2π·f·Δt
                double theta = deramp == null ? 0 : 2 * Math.PI * deramp.frequency(l, x) * dt;
                double d0 = pu - (a0 - H + 1);
                double mr = Math.cos(theta * d0), mi = Math.sin(theta * d0);
                double sr = Math.cos(theta), si = -Math.sin(theta);
                field[0] = field[1] = field[2] = field[3] = 0;
                for (int i = 0; i < 2 * H; i++) {
                    double wr = weights[i] * mr, wi = weights[i] * mi;
                    for (int f = 0; f < fields; f++) {
                        float[] row = filtered[f][first + i];
                        double re = row[2 * x], im = row[2 * x + 1];
                        field[2 * f] += wr * re - wi * im;
                        field[2 * f + 1] += wr * im + wi * re;
                    }
                    double t = mr * sr - mi * si;
                    mi = mr * si + mi * sr;
                    mr = t;
                }
                double re = field[0], im = field[1];
                if (date == 1) {
                    double g = scene.coherence(swath, pu, xr[x]), q = Math.sqrt(Math.max(0, 1 - g * g));
                    re = g * re + q * field[2];
                    im = g * im + q * field[3];
                    double c = Math.cos(phase[x]), s = Math.sin(phase[x]);
                    double t = re * c - im * s;
                    im = re * s + im * c;
                    re = t;
                }
                double amplitude = Math.sqrt(scene.sigma0(swath, pu, xr[x], date) * a2[r * w + x]);
                double noiseSd = Math.sqrt(n[r * w + x] / 2);
                iq[2 * (o + x)] = clamp(amplitude * re + random.nextGaussian() * noiseSd);
                iq[2 * (o + x) + 1] = clamp(amplitude * im + random.nextGaussian() * noiseSd);
            }
        }
    }

    private static short clamp(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
