package eu.ai4c.aq.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import eu.ai4c.aq.model.SrganArchitecture;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganNet;
import eu.ai4c.agri.torch.Tensors;
import java.util.SplittableRandom;

/**
 * Generates HR ensembles with a trained SRGAN over a whole LR grid at once (the generator is
 * fully convolutional, so any LR size works, not only the training frames). One member at a time,
 * so memory holds one member's activations; PyTorch uses {@code threads} intra-op threads. Noise
 * comes from a seeded Java generator: the same model, input and seed give the same ensemble.
 * Not thread-safe; close when done.
 */
public final class EnsembleGenerator implements AutoCloseable {
    private final SrganModelFile model;
    private final SrganNet net;
    private final int threads;

    public EnsembleGenerator(SrganModelFile model, int threads) {
        this.model = model;
        this.net = new SrganNet(model.weights());
        this.threads = Math.max(1, threads);
    }

    public SrganModelFile model() {
        return model;
    }

    /**
     * @param lr      LR inputs in physical units, {@code [C][h·w]} in the model's channel order
     * @param statics HR static inputs {@code [S][(8h)·(8w)]}
     * @param members ensemble size
     * @param seed    noise seed
     * @return {@code [members][(8h)·(8w)]} HR target fields in physical units (µg m⁻³)
     */
    public float[][] generate(float[][] lr, float[][] statics, int w, int h, int members, long seed) {
        SrganArchitecture a = model.weights().architecture();
        int f = SrganArchitecture.FACTOR;
        int hw = w * f;
        int hh = h * f;
        float[] in = new float[a.lrChannels() * h * w];
        for (int c = 0; c < a.lrChannels(); c++) {
            float m = (float) model.mean()[c];
            float s = (float) model.std()[c];
            for (int i = 0; i < h * w; i++) in[c * h * w + i] = (lr[c][i] - m) / s;
        }
        float[] st = new float[a.staticChannels() * hh * hw];
        for (int c = 0; c < a.staticChannels(); c++) System.arraycopy(statics[c], 0, st, c * hh * hw, hh * hw);
        float[] base = Bicubic.upsample(java.util.Arrays.copyOfRange(in, a.targetChannel() * h * w,
                (a.targetChannel() + 1) * h * w), w, h, f);
        double mean = model.mean()[a.targetChannel()];
        double std = model.std()[a.targetChannel()];
        float[][] out = new float[members][];
        SplittableRandom rng = new SplittableRandom(seed);
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            for (int k = 0; k < members; k++) {
                float[] zl = new float[a.noise() * h * w];
                float[] zh = new float[hh * hw];
                gaussian(rng.split(), zl);
                gaussian(rng.split(), zh);
                try (NDManager step = net.manager().newSubManager()) {
                    NDArray y = net.generate(Tensors.of(step, in, new Shape(1, a.lrChannels(), h, w)),
                            Tensors.of(step, zl, new Shape(1, a.noise(), h, w)),
                            Tensors.of(step, st, new Shape(1, a.staticChannels(), hh, hw)),
                            Tensors.of(step, zh, new Shape(1, 1, hh, hw)),
                            Tensors.of(step, base, new Shape(1, 1, hh, hw)));
                    float[] v = y.toFloatArray();
                    for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] * std + mean);
                    out[k] = v;
                }
            }
        } finally {
            JniUtils.setNumThreads(before);
        }
        return out;
    }

    private static void gaussian(SplittableRandom rng, float[] out) {
        for (int i = 0; i < out.length; i++) {
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            out[i] = (float) (Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
