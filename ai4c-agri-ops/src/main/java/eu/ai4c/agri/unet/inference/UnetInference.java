package eu.ai4c.agri.unet.inference;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.Safetensors;
import eu.ai4c.agri.unet.UnetModel;
import eu.ai4c.agri.unet.UnetNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    /**
     * One convolution of the architecture: its tensor names ({@code bn} null for the head, which has
     * a bias instead), channels, kernel side and stride, and whether ReLU follows it.
     */
    record Layer(String conv, String bn, int cin, int cout, int kernel, int stride, boolean relu) {
    }

    /** A residual unit's layers: its path and its projection shortcut (or null). */
    private record UnitPlan(Layer[] path, Layer shortcut) {
    }

    /** The architecture as layers: stem, the units of each stage, decoder blocks, head. */
    private record Plan(Layer stem, List<List<UnitPlan>> stages, List<Layer[]> decoder, Layer head) {
        List<Layer> all() {
            List<Layer> out = new ArrayList<>(List.of(stem));
            for (List<UnitPlan> stage : stages) {
                for (UnitPlan unit : stage) {
                    out.addAll(List.of(unit.path()));
                    if (unit.shortcut() != null) out.add(unit.shortcut());
                }
            }
            for (Layer[] block : decoder) out.addAll(List.of(block));
            out.add(head);
            return out;
        }
    }

    /** The layers of {@code UnetNetwork} (torchvision ResNet encoder, U-Net decoder, head) under their PyTorch names. */
    private static Plan plan(Backbone b, int bands, int classes) {
        Layer stem = new Layer("encoder.conv1", "encoder.bn1", bands, 64, 7, 2, true);
        List<List<UnitPlan>> stages = new ArrayList<>();
        int in = 64;
        for (int s = 0; s < 4; s++) {
            List<UnitPlan> units = new ArrayList<>();
            int width = Backbone.width(s), out = b.stageChannels(s);
            for (int u = 0; u < b.units()[s]; u++) {
                int stride = u == 0 && s > 0 ? 2 : 1;
                String n = "encoder.layer" + (s + 1) + "." + u;
                // the last convolution of the path gets its ReLU after the residual is added
                Layer[] path = b.bottleneck()
                        ? new Layer[] {
                                new Layer(n + ".conv1", n + ".bn1", in, width, 1, 1, true),
                                new Layer(n + ".conv2", n + ".bn2", width, width, 3, stride, true),
                                new Layer(n + ".conv3", n + ".bn3", width, out, 1, 1, true)}
                        : new Layer[] {
                                new Layer(n + ".conv1", n + ".bn1", in, width, 3, stride, true),
                                new Layer(n + ".conv2", n + ".bn2", width, out, 3, 1, true)};
                Layer shortcut = stride != 1 || in != out
                        ? new Layer(n + ".downsample.0", n + ".downsample.1", in, out, 1, stride, false) : null;
                units.add(new UnitPlan(path, shortcut));
                in = out;
            }
            stages.add(units);
        }
        int[] skips = b.featureChannels();
        int[] widths = UnetNetwork.decoderChannels();
        List<Layer[]> decoder = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String p = "decoder.blocks." + i;
            int cin = in + (i < 4 ? skips[3 - i] : 0);
            decoder.add(new Layer[] {
                    new Layer(p + ".conv1.0", p + ".conv1.1", cin, widths[i], 3, 1, true),
                    new Layer(p + ".conv2.0", p + ".conv2.1", widths[i], widths[i], 3, 1, true)});
            in = widths[i];
        }
        return new Plan(stem, stages, decoder, new Layer("segmentation_head.0", null, in, classes, 3, 1, false));
    }

    /**
     * Every tensor of the architecture by PyTorch name, with its shape: convolution weights
     * {@code [cout, cin, k, k]}, batch-norm weight, bias and running statistics {@code [cout]}, the
     * head's bias {@code [classes]}; in network order.
     */
    public static Map<String, long[]> tensorShapes(Backbone backbone, int bands, int classes) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Layer l : plan(backbone, bands, classes).all()) {
            shapes.put(l.conv() + ".weight", new long[] {l.cout(), l.cin(), l.kernel(), l.kernel()});
            if (l.bn() == null) {
                shapes.put(l.conv() + ".bias", new long[] {l.cout()});
            } else {
                for (String v : new String[] {"weight", "bias", "running_mean", "running_var"}) {
                    shapes.put(l.bn() + "." + v, new long[] {l.cout()});
                }
            }
        }
        return shapes;
    }

    /**
     * Checks that {@code model}'s tensors are exactly those of its architecture (backbone, bands,
     * classes: {@link #tensorShapes}), each of the expected shape.
     *
     * @throws IllegalArgumentException naming the first tensor that is missing, of another shape, or not part of the network
     */
    public static void requireMatchingTensors(UnetModel model) {
        Map<String, Safetensors.Tensor> w = model.weights();
        Map<String, long[]> shapes = tensorShapes(model.backbone(), model.bands(), model.classes());
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            Safetensors.Tensor t = w.get(e.getKey());
            String expected = Arrays.toString(e.getValue());
            if (t == null) throw new IllegalArgumentException("the tensor " + e.getKey() + " " + expected + " is missing");
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException("the tensor " + e.getKey() + " has the shape "
                        + Arrays.toString(t.shape()) + " where the network has " + expected);
            }
        }
        for (String name : w.keySet()) {
            if (!shapes.containsKey(name)) {
                throw new IllegalArgumentException("the tensor " + name + " is not part of a " + model.backbone().id()
                        + " U-Net");
            }
        }
    }

    /** The model with the fastest kernel this JVM has ({@link ConvKernel#best()}). */
    public UnetInference(UnetModel model) {
        this(model, ConvKernel.best());
    }

    /** @throws IllegalArgumentException when the model's tensors do not fit its architecture ({@link #requireMatchingTensors}) */
    public UnetInference(UnetModel model, ConvKernel kernel) {
        requireMatchingTensors(model);
        this.kernel = kernel;
        this.bands = model.bands();
        this.classes = model.classes();
        Map<String, Safetensors.Tensor> w = model.weights();
        Plan plan = plan(model.backbone(), bands, classes);
        stem = FoldedConv.of(w, plan.stem());
        for (List<UnitPlan> stage : plan.stages()) {
            List<Unit> units = new ArrayList<>();
            for (UnitPlan unit : stage) {
                FoldedConv[] path = new FoldedConv[unit.path().length];
                for (int i = 0; i < path.length; i++) path[i] = FoldedConv.of(w, unit.path()[i]);
                units.add(new Unit(path, unit.shortcut() == null ? null : FoldedConv.of(w, unit.shortcut())));
            }
            stages.add(units);
        }
        for (Layer[] block : plan.decoder()) {
            decoder.add(new FoldedConv[] {FoldedConv.of(w, block[0]), FoldedConv.of(w, block[1])});
        }
        head = FoldedConv.of(w, plan.head());
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
