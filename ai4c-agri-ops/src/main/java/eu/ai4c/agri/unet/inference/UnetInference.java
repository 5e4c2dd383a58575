package eu.ai4c.agri.unet.inference;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.Safetensors;
import eu.ai4c.agri.unet.UnetModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained U-Net's softmax probabilities for one window, computed in plain Java
 * ({@link ConvKernel}): the layers of {@code UnetNetwork} in inference mode (batch norm from the
 * running statistics, folded into the convolutions), reading the model's tensors by their PyTorch
 * names. The result does not depend on the CPU, the vector width or the kernel chosen; it agrees
 * with the PyTorch engine's to float rounding (see {@code UnetInferenceTest}).
 *
 * <p>Thread-safe: the folded weights are read-only and every call allocates its own feature maps.</p>
 */
public final class UnetInference {
    private final int bands;
    private final int classes;
    private final ConvKernel kernel;
    private final FoldedConv stem;
    private final List<List<Unit>> stages = new ArrayList<>();
    private final List<FoldedConv[]> decoder = new ArrayList<>();
    private final FoldedConv head;

    /** A residual unit: its path (last convolution without its own ReLU) and projection shortcut (or null). */
    private record Unit(FoldedConv[] path, FoldedConv shortcut) {
    }

    /** The model with the fastest kernel this JVM has ({@link ConvKernel#best()}). */
    public UnetInference(UnetModel model) {
        this(model, ConvKernel.best());
    }

    public UnetInference(UnetModel model, ConvKernel kernel) {
        this.kernel = kernel;
        this.bands = model.bands();
        this.classes = model.classes();
        Backbone b = model.backbone();
        Map<String, Safetensors.Tensor> w = model.weights();
        stem = FoldedConv.withBatchNorm(w, "encoder.conv1", "encoder.bn1", 2, true);
        int in = 64;
        for (int s = 0; s < 4; s++) {
            List<Unit> units = new ArrayList<>();
            int out = b.stageChannels(s);
            for (int u = 0; u < b.units()[s]; u++) {
                int stride = u == 0 && s > 0 ? 2 : 1;
                String n = "encoder.layer" + (s + 1) + "." + u;
                FoldedConv[] path = b.bottleneck()
                        ? new FoldedConv[] {
                                FoldedConv.withBatchNorm(w, n + ".conv1", n + ".bn1", 1, true),
                                FoldedConv.withBatchNorm(w, n + ".conv2", n + ".bn2", stride, true),
                                FoldedConv.withBatchNorm(w, n + ".conv3", n + ".bn3", 1, true)}
                        : new FoldedConv[] {
                                FoldedConv.withBatchNorm(w, n + ".conv1", n + ".bn1", stride, true),
                                FoldedConv.withBatchNorm(w, n + ".conv2", n + ".bn2", 1, true)};
                FoldedConv shortcut = stride != 1 || in != out
                        ? FoldedConv.withBatchNorm(w, n + ".downsample.0", n + ".downsample.1", stride, false) : null;
                units.add(new Unit(path, shortcut));
                in = out;
            }
            stages.add(units);
        }
        for (int i = 0; i < 5; i++) {
            String p = "decoder.blocks." + i;
            decoder.add(new FoldedConv[] {
                    FoldedConv.withBatchNorm(w, p + ".conv1.0", p + ".conv1.1", 1, true),
                    FoldedConv.withBatchNorm(w, p + ".conv2.0", p + ".conv2.1", 1, true)});
        }
        head = FoldedConv.withBias(w, "segmentation_head.0");
        if (stem.cin != bands || head.cout != classes) {
            throw new IllegalStateException("model tensors for " + stem.cin + " bands and " + head.cout
                    + " classes, description " + bands + " and " + classes);
        }
    }

    /** The kernel this instance runs. */
    public ConvKernel kernel() {
        return kernel;
    }

    /**
     * Softmax probabilities {@code [classes][size][size]} (class-major) of one normalised window
     * {@code [bands][size][size]}; {@code size} a multiple of 32.
     */
    public float[] probabilities(float[] window, int size) {
        float[] logits = logits(window, size);
        softmax(logits, classes, size * size);
        return logits;
    }

    /** Class logits {@code [classes][size][size]} of one normalised window {@code [bands][size][size]}. */
    public float[] logits(float[] window, int size) {
        if (size % 32 != 0 || window.length != bands * size * size) {
            throw new IllegalArgumentException("window of " + window.length + " values for " + bands + " bands of "
                    + size + "² (size a multiple of 32)");
        }
        FeatureMap x = FeatureMap.zeros(bands, size, size);
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(window, (b * size + y) * size, x.planes()[b], (y + 1) * x.pitch() + 1, size);
            }
        }
        FeatureMap[] features = new FeatureMap[5];
        x = stem.apply(x, null, kernel);
        features[0] = x;
        x = x.maxPool3s2();
        for (int s = 0; s < 4; s++) {
            for (Unit u : stages.get(s)) x = unit(u, x);
            features[s + 1] = x;
        }
        for (int i = 0; i < decoder.size(); i++) {
            x = x.upsample2();
            if (i < 4) x = x.concat(features[3 - i]);
            x = decoder.get(i)[0].apply(x, null, kernel);
            x = decoder.get(i)[1].apply(x, null, kernel);
        }
        x = head.apply(x, null, kernel);
        float[] out = new float[classes * size * size];
        for (int c = 0; c < classes; c++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(x.planes()[c], (y + 1) * x.pitch() + 1, out, (c * size + y) * size, size);
            }
        }
        return out;
    }

    private FeatureMap unit(Unit u, FeatureMap x) {
        FeatureMap y = x;
        FoldedConv[] path = u.path();
        for (int i = 0; i < path.length - 1; i++) y = path[i].apply(y, null, kernel);
        FeatureMap identity = u.shortcut() == null ? x : u.shortcut().apply(x, null, kernel);
        return path[path.length - 1].apply(y, identity, kernel);
    }

    /**
     * Softmax over the classes of each pixel, in place: {@code exp(v − max) / Σ exp(v − max)} in
     * double with {@link StrictMath#exp} (the same on every platform), rounded once to float.
     */
    static void softmax(float[] v, int classes, int pixels) {
        double[] e = new double[classes];
        for (int p = 0; p < pixels; p++) {
            float max = v[p];
            for (int c = 1; c < classes; c++) max = Math.max(max, v[c * pixels + p]);
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                e[c] = StrictMath.exp((double) v[c * pixels + p] - max);
                sum += e[c];
            }
            for (int c = 0; c < classes; c++) v[c * pixels + p] = (float) (e[c] / sum);
        }
    }
}
