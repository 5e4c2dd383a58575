package eu.ai4c.aq.model;

import eu.ai4c.aq.data.SampleFile;
import java.util.SplittableRandom;

/**
 * Samples in the network's form: LR inputs normalised per variable with the stored mean and
 * standard deviation, the HR target normalised with those of the LR target variable, statics as
 * they are (0–1); and batch assembly into NCHW float arrays. Immutable after construction.
 */
public final class Batches {
    private final SampleFile.Samples s;
    private final float[] lr;
    private final float[] target;
    private final int targetChannel;
    private final float[] base;

    public Batches(SampleFile.Samples samples, String targetVariable) {
        this.s = samples;
        this.targetChannel = samples.lrInputs().indexOf(targetVariable);
        if (targetChannel < 0) {
            throw new IllegalArgumentException(targetVariable + " is not among the LR inputs " + samples.lrInputs());
        }
        int cells = samples.lrH() * samples.lrW();
        int nv = samples.lrInputs().size();
        lr = new float[samples.lr().length];
        for (int i = 0; i < samples.count(); i++) {
            for (int v = 0; v < nv; v++) {
                float m = (float) samples.mean()[v];
                float sd = (float) samples.std()[v];
                int base = (i * nv + v) * cells;
                for (int k = 0; k < cells; k++) lr[base + k] = (samples.lr()[base + k] - m) / sd;
            }
        }
        target = normaliseTarget(samples.target(), samples.mean()[targetChannel], samples.std()[targetChannel]);
        int factor = samples.hrH() / samples.lrH();
        base = new float[samples.count() * samples.hrSize()];
        float[] frame = new float[cells];
        for (int i = 0; i < samples.count(); i++) {
            System.arraycopy(lr, (i * nv + targetChannel) * cells, frame, 0, cells);
            float[] up = eu.ai4c.aq.generate.Bicubic.upsample(frame, samples.lrW(), samples.lrH(), factor);
            System.arraycopy(up, 0, base, i * samples.hrSize(), up.length);
        }
    }

    /** Copies the bicubic baseline (normalised) into {@code out} [n, 1, H, W]. */
    public void base(int[] idx, int from, int n, float[] out) {
        int size = s.hrSize();
        for (int i = 0; i < n; i++) System.arraycopy(base, idx[from + i] * size, out, i * size, size);
    }

    static float[] normaliseTarget(float[] y, double mean, double std) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (float) ((y[i] - mean) / std);
        return out;
    }

    public SampleFile.Samples samples() {
        return s;
    }

    public int count() {
        return s.count();
    }

    public int targetChannel() {
        return targetChannel;
    }

    /** Copies the LR inputs of samples {@code idx[from..from+n)} into {@code out} [n, C, h, w]. */
    public void lr(int[] idx, int from, int n, float[] out) {
        int size = s.lrSize();
        for (int i = 0; i < n; i++) System.arraycopy(lr, idx[from + i] * size, out, i * size, size);
    }

    /** Copies the normalised targets into {@code out} [n, 1, H, W]. */
    public void target(int[] idx, int from, int n, float[] out) {
        int size = s.hrSize();
        for (int i = 0; i < n; i++) System.arraycopy(target, idx[from + i] * size, out, i * size, size);
    }

    /** Copies the statics of each sample's frame position into {@code out} [n, S, H, W]. */
    public void statics(int[] idx, int from, int n, float[] out) {
        int size = s.staticSize();
        for (int i = 0; i < n; i++) System.arraycopy(s.statics(), s.tile()[idx[from + i]] * size, out, i * size, size);
    }

    /** Fills {@code out} with standard normal numbers. */
    public static void gaussian(SplittableRandom rng, float[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = (float) SrganWeights.gaussian(rng);
    }
}
