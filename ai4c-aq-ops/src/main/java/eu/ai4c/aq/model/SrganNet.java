package eu.ai4c.aq.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import eu.ai4c.agri.torch.Tensors;
import eu.ai4c.agri.torch.TorchRuntime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generator and critic of an {@link SrganArchitecture} on DJL's PyTorch engine: parameters as
 * NDArrays and the two forward passes. Tensors are NCHW float32. Arrays made by a forward pass
 * belong to the manager of its first input, so a caller frees a step's intermediates by closing
 * that manager. For training, {@link #withLeaves} gives a view whose chosen parameters are fresh
 * copies with gradients, made for one step: so no gradient (and no graph of a WGAN-GP inner pass)
 * outlives its step, and the stored parameters are only ever changed by the optimiser. Not
 * thread-safe; close when done.
 */
public final class SrganNet implements AutoCloseable {
    private static final float SLOPE = 0.2f;
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape TWO = new Shape(2, 2);

    private final SrganArchitecture arch;
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    /**
     * @param train attach gradients to the parameters
     */
    public SrganNet(SrganWeights weights) {
        TorchRuntime.init();
        this.arch = weights.architecture();
        this.manager = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE);
        for (SrganArchitecture.Param p : arch.parameters()) {
            params.put(p.name(), Tensors.of(manager, weights.get(p.name()), new Shape(p.shape())));
        }
    }

    private SrganNet(SrganArchitecture arch, NDManager manager, Map<String, NDArray> params) {
        this.arch = arch;
        this.manager = manager;
        this.params.putAll(params);
    }

    /**
     * A view for one training step: the parameters whose names start with {@code prefix} are
     * copies in {@code step} with gradients attached (read them with {@link #parameters()}); the
     * others are the stored ones. Closing {@code step} frees the copies; do not close the view.
     */
    public SrganNet withLeaves(String prefix, NDManager step) {
        Map<String, NDArray> p = new LinkedHashMap<>(params);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            NDArray leaf = e.getValue().duplicate();
            leaf.attach(step);
            leaf.setRequiresGradient(true);
            p.put(e.getKey(), leaf);
        }
        return new SrganNet(arch, step, p);
    }

    public SrganArchitecture architecture() {
        return arch;
    }

    public NDManager manager() {
        return manager;
    }

    /** The parameter arrays (generator's names start with {@code g.}, the critic's with {@code d.}). */
    public Map<String, NDArray> parameters() {
        return params;
    }

    /** The current values as plain arrays. */
    public SrganWeights weights() {
        Map<String, float[]> v = new LinkedHashMap<>();
        params.forEach((k, a) -> v.put(k, a.toFloatArray()));
        return SrganWeights.of(arch, v);
    }

    private NDArray conv(NDArray x, String name, int stride) {
        return Conv2d.conv2d(x, params.get(name + ".w"), params.get(name + ".b"), stride == 1 ? ONE : TWO, ONE, ONE, 1)
                .singletonOrThrow();
    }

    private static NDArray lrelu(NDArray x) {
        return Activation.leakyRelu(x, SLOPE);
    }

    /** [B, C·4, h, w] → [B, C, 2h, 2w] (sub-pixel convolution's rearrangement). */
    static NDArray pixelShuffle(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1) / 4;
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(b, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(b, c, 2 * h, 2 * w);
    }

    /** [B, 1, h, w] → [B, 1, 8h, 8w], each LR value repeated over its 8 × 8 HR cells. */
    static NDArray repeatToHr(NDArray x) {
        return x.repeat(2, SrganArchitecture.FACTOR).repeat(3, SrganArchitecture.FACTOR);
    }

    /** The LR target channel [B, 1, h, w] of normalised LR inputs. */
    public NDArray lrTarget(NDArray lr) {
        int t = arch.targetChannel();
        return lr.get(":, " + t + ":" + (t + 1) + ", :, :");
    }

    /**
     * The generator.
     *
     * @param lr      normalised LR inputs [B, C, h, w]
     * @param noiseLr standard normal noise [B, noise, h, w]
     * @param statics HR static inputs [B, S, 8h, 8w]
     * @param noiseHr standard normal noise [B, 1, 8h, 8w]
     * @param base    the LR target field interpolated bicubically onto the HR grid [B, 1, 8h, 8w]
     *                ({@link eu.ai4c.aq.generate.Bicubic}), normalised
     * @return the normalised HR target field [B, 1, 8h, 8w]
     */
    public NDArray generate(NDArray lr, NDArray noiseLr, NDArray statics, NDArray noiseHr, NDArray base) {
        NDArray x = lrelu(conv(lr.concat(noiseLr, 1), "g.head", 1));
        NDArray skip = x;
        for (int b = 0; b < arch.blocks(); b++) {
            NDArray y = conv(lrelu(conv(x, "g.block" + b + ".c1", 1)), "g.block" + b + ".c2", 1);
            x = x.add(y);
        }
        x = conv(x, "g.mid", 1).add(skip);
        x = lrelu(pixelShuffle(conv(x, "g.up1", 1)));
        x = lrelu(pixelShuffle(conv(x, "g.up2", 1)));
        x = lrelu(pixelShuffle(conv(x, "g.up3", 1)));
        x = NDArrays.concat(new NDList(x, statics, noiseHr), 1);
        x = conv(lrelu(conv(x, "g.hr1", 1)), "g.out", 1);
        return x.add(base);
    }

    /**
     * The critic: a real number per sample, higher for fields it takes as real.
     *
     * @param hr      normalised HR target field [B, 1, H, W]
     * @param statics HR static inputs [B, S, H, W]
     * @param lrUp    the conditioning LR target field on the HR grid (the bicubic baseline) [B, 1, H, W]
     * @return [B]
     */
    public NDArray critic(NDArray hr, NDArray statics, NDArray lrUp) {
        NDArray x = NDArrays.concat(new NDList(hr, statics, lrUp), 1);
        x = lrelu(conv(x, "d.c0", 1));
        x = lrelu(conv(x, "d.c1", 2));
        x = lrelu(conv(x, "d.c2", 2));
        x = lrelu(conv(x, "d.c3", 2));
        x = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2});
        return x.matMul(params.get("d.dense.w").transpose()).add(params.get("d.dense.b")).reshape(-1);
    }

    /**
     * ∇_hr Σ_b critic(hr, statics, lrUp)_b, written out with the operations of backpropagation
     * (LeakyReLU slopes of the forward pass, transposed convolutions with the same weights), so
     * that it is differentiable with respect to the critic's weights by a first-order pass (the
     * WGAN-GP penalty, {@link GradientPenalty}). Equal to autograd's input gradient
     * ({@code CriticInputGradientTest}).
     *
     * @return [B, 1, H, W]
     */
    public NDArray criticInputGradient(NDArray hr, NDArray statics, NDArray lrUp) {
        NDArray x = NDArrays.concat(new NDList(hr, statics, lrUp), 1);
        NDArray a0 = conv(x, "d.c0", 1);
        NDArray a1 = conv(lrelu(a0), "d.c1", 2);
        NDArray a2 = conv(lrelu(a1), "d.c2", 2);
        NDArray a3 = conv(lrelu(a2), "d.c3", 2);
        Shape s3 = a3.getShape();
        long c3 = s3.get(1);
        // d mean_{h,w}(h3)·w_d / d h3 = w_d / (H3·W3) at every cell
        NDArray d = a3.onesLike().mul(params.get("d.dense.w").reshape(1, c3, 1, 1))
                .mul(Tensors.scalar(a3.getManager(), 1f / (s3.get(2) * s3.get(3))));
        d = back(d.mul(slope(a3)), "d.c3", 2, a2.getShape());
        d = back(d.mul(slope(a2)), "d.c2", 2, a1.getShape());
        d = back(d.mul(slope(a1)), "d.c1", 2, a0.getShape());
        d = back(d.mul(slope(a0)), "d.c0", 1, x.getShape());
        return d.get(":, 0:1, :, :");
    }

    /** The LeakyReLU derivative at {@code a}: 1 where a > 0, else the slope (a constant). */
    private static NDArray slope(NDArray a) {
        NDManager m = a.getManager();
        return a.gt(Tensors.scalar(m, 0f)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .mul(Tensors.scalar(m, 1 - SLOPE)).add(Tensors.scalar(m, SLOPE));
    }

    /**
     * The gradient of a 3 × 3, padding 1 convolution with respect to its input of shape {@code in}:
     * the output gradient, spread onto the input grid (zeros between its values for stride 2),
     * convolved with the kernel flipped in space and with input and output channels swapped (the
     * transposed convolution, written so because DJL's PyTorch engine lacks it).
     */
    private NDArray back(NDArray dy, String name, int stride, Shape in) {
        NDArray d = dy;
        if (stride == 2) {
            Shape s = dy.getShape();
            long b = s.get(0);
            long c = s.get(1);
            long h = s.get(2);
            long w = s.get(3);
            NDArray x = dy.reshape(b, c, h, 1, w, 1);
            x = x.concat(x.zerosLike(), 5);
            x = x.concat(x.zerosLike(), 3);
            d = x.reshape(b, c, 2 * h, 2 * w);
        }
        NDArray kernel = params.get(name + ".w").transpose(1, 0, 2, 3).flip(2, 3);
        NDArray dx = Conv2d.conv2d(d, kernel, null, ONE, ONE, ONE, 1).singletonOrThrow();
        if (dx.getShape().get(2) != in.get(2) || dx.getShape().get(3) != in.get(3)) {
            dx = dx.get(":, :, 0:" + in.get(2) + ", 0:" + in.get(3));
        }
        return dx;
    }

    @Override
    public void close() {
        manager.close();
    }
}
