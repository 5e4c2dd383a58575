package eu.ai4c.agri.unet;

import eu.ai4c.agri.unet.OnnxWriter.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX form of a {@link UnetModel} ({@code -model_format onnx}): the same network as
 * {@link UnetNetwork} in inference form, opset {@value #OPSET}, written by {@link OnnxWriter}.
 *
 * <ul>
 * <li>Input {@value #INPUT}: float32 {@code [N, bands, H, W]} of <em>raw</em> band values in the
 * model's band order; the first two nodes normalise them per band as {@code (x - mean) / std}
 * (initializers {@value #MEAN} and {@value #STD}, {@code [1, bands, 1, 1]}). N, H and W are
 * dynamic; H and W must be multiples of 32. No-data pixels are not recognised: give them the band
 * mean (they then enter the network as 0, as in the class maps) and mask the output.</li>
 * <li>Outputs {@value #LOGITS} and {@value #PROBABILITIES} (softmax over the classes), float32
 * {@code [N, classes, H, W]}; channel {@code k} is label {@code class_ids[k]} of the description.</li>
 * <li>Batch norm is kept as {@code BatchNormalization} nodes with the running statistics
 * (epsilon 1e-5), not folded into the convolutions, so every initializer is a tensor of the
 * safetensors model under the same PyTorch name (runtimes may fuse them when optimising).</li>
 * <li>The strided 1×1 projection shortcuts are {@code Conv} with stride 2 (what
 * {@link UnetNetwork}'s subsampling computes); the decoder's ×2 upsampling is {@code Resize}
 * nearest with asymmetric coordinates and floor rounding, which copies each value to a 2×2 cell
 * as {@link UnetNetwork#upsample2} does.</li>
 * <li>{@code metadata_props}: {@value UnetModelFile#KEY} (the architecture description of the
 * safetensors model: bands, class ids, patch size, mean, std).</li>
 * </ul>
 * Stateless.
 */
public final class UnetOnnx {
    /** The ONNX model file's extension. */
    public static final String EXTENSION = ".onnx";
    /** Opset of the default domain: 13 has every operator used, with Softmax over one axis. */
    public static final int OPSET = 13;
    public static final String INPUT = "image";
    public static final String LOGITS = "logits";
    public static final String PROBABILITIES = "probabilities";
    static final String MEAN = "input.mean";
    static final String STD = "input.std";
    private static final float BN_EPSILON = 1e-5f;

    private UnetOnnx() {
    }

    /** Writes the ONNX form of {@code model} to {@code file} (the caller makes it atomic). */
    public static void write(UnetModel model, Path file) throws IOException {
        OnnxWriter.write(build(model), file);
    }

    /** The {@code ModelProto} of {@code model} (holding references to its weight arrays). */
    static Message build(UnetModel model) throws IOException {
        Graph g = new Graph(model.weights());
        int bands = model.bands();
        g.constant(MEAN, new long[] {1, bands, 1, 1}, model.mean());
        g.constant(STD, new long[] {1, bands, 1, 1}, model.std());
        String x = g.op("Sub", "input.centred", List.of(INPUT, MEAN));
        x = g.op("Div", "input.normalised", List.of(x, STD));

        Backbone backbone = model.backbone();
        String[] features = new String[5];
        x = g.convBn(x, "encoder.conv1", "encoder.bn1", 2, true);
        features[0] = x;
        x = g.op("MaxPool", "encoder.maxpool", List.of(x), OnnxWriter.ints("kernel_shape", 3, 3),
                OnnxWriter.ints("strides", 2, 2), OnnxWriter.ints("pads", 1, 1, 1, 1));
        int in = 64;
        for (int s = 0; s < 4; s++) {
            int out = backbone.stageChannels(s);
            int[] units = backbone.units();
            for (int u = 0; u < units[s]; u++) {
                int stride = u == 0 && s > 0 ? 2 : 1;
                x = g.residualUnit(x, "encoder.layer" + (s + 1) + "." + u, backbone.bottleneck(), stride,
                        stride != 1 || in != out);
                in = out;
            }
            features[s + 1] = x;
        }
        for (int i = 0; i < UnetNetwork.DECODER_CHANNELS.length; i++) {
            String p = "decoder.blocks." + i;
            x = g.upsample2(x, p + ".upsampled");
            if (i < 4) x = g.op("Concat", p + ".concat", List.of(x, features[3 - i]), OnnxWriter.integer("axis", 1));
            x = g.convBn(x, p + ".conv1.0", p + ".conv1.1", 1, true);
            x = g.convBn(x, p + ".conv2.0", p + ".conv2.1", 1, true);
        }
        g.nodes.add(OnnxWriter.node("Conv", "segmentation_head.0", List.of(x, g.weight("segmentation_head.0.weight"),
                g.weight("segmentation_head.0.bias")), List.of(LOGITS), g.convAttributes("segmentation_head.0.weight", 1)));
        g.nodes.add(OnnxWriter.node("Softmax", "softmax", List.of(LOGITS), List.of(PROBABILITIES),
                OnnxWriter.integer("axis", 1)));

        Set<String> unused = new HashSet<>(model.weights().keySet());
        unused.removeAll(g.used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException("the ONNX graph of the " + backbone.id() + " U-Net leaves " + unused.size()
                    + " model tensors unused, e.g. " + unused.iterator().next());
        }
        int classes = model.classes();
        Message graph = OnnxWriter.graph("unet_" + backbone.id(), g.nodes, g.initializers,
                List.of(OnnxWriter.floatValue(INPUT, "N", bands, "H", "W")),
                List.of(OnnxWriter.floatValue(LOGITS, "N", classes, "H", "W"),
                        OnnxWriter.floatValue(PROBABILITIES, "N", classes, "H", "W")),
                "U-Net with a " + backbone.id() + " encoder. Input " + INPUT + ": raw band values " + model.bandNames()
                        + " [N, bands, H, W], H and W multiples of 32, normalised inside. Outputs " + LOGITS + " and "
                        + PROBABILITIES + " [N, classes, H, W]; channel k is label class_ids[k] of metadata "
                        + UnetModelFile.KEY + ".");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(UnetModelFile.KEY, UnetModelFile.description(model));
        return OnnxWriter.model(graph, OPSET, "ai4c unet", "1", metadata);
    }

    /** Nodes and initializers being collected; each model tensor becomes one initializer. */
    private static final class Graph {
        final Map<String, Safetensors.Tensor> weights;
        final List<Message> nodes = new ArrayList<>();
        final List<Message> initializers = new ArrayList<>();
        final Set<String> used = new HashSet<>();

        Graph(Map<String, Safetensors.Tensor> weights) {
            this.weights = weights;
        }

        void constant(String name, long[] dims, float[] values) {
            initializers.add(OnnxWriter.floatTensor(name, dims, values));
        }

        /** The initializer of model tensor {@code name} (added on first use). */
        String weight(String name) {
            Safetensors.Tensor t = weights.get(name);
            if (t == null) throw new IllegalStateException("the model has no tensor " + name);
            if (used.add(name)) initializers.add(OnnxWriter.floatTensor(name, t.shape(), t.values()));
            return name;
        }

        /** A node with one output named after it. */
        String op(String type, String name, List<String> inputs, Message... attributes) {
            nodes.add(OnnxWriter.node(type, name, inputs, List.of(name), attributes));
            return name;
        }

        Message[] convAttributes(String weight, int stride) {
            long[] shape = weights.get(weight).shape();
            long kh = shape[2], kw = shape[3];
            return new Message[] {OnnxWriter.ints("kernel_shape", kh, kw), OnnxWriter.ints("strides", stride, stride),
                    OnnxWriter.ints("pads", kh / 2, kw / 2, kh / 2, kw / 2)};
        }

        /** Convolution without bias, batch norm with running statistics, optional ReLU. */
        String convBn(String x, String conv, String bn, int stride, boolean relu) {
            String w = weight(conv + ".weight");
            String c = op("Conv", conv, List.of(x, w), convAttributes(w, stride));
            String y = op("BatchNormalization", bn, List.of(c, weight(bn + ".weight"), weight(bn + ".bias"),
                    weight(bn + ".running_mean"), weight(bn + ".running_var")), OnnxWriter.real("epsilon", BN_EPSILON));
            return relu ? op("Relu", bn + ".relu", List.of(y)) : y;
        }

        /** Basic or bottleneck unit as {@link UnetNetwork}'s, stride on its 3×3 convolution. */
        String residualUnit(String x, String name, boolean bottleneck, int stride, boolean projection) {
            String y;
            if (bottleneck) {
                y = convBn(x, name + ".conv1", name + ".bn1", 1, true);
                y = convBn(y, name + ".conv2", name + ".bn2", stride, true);
                y = convBn(y, name + ".conv3", name + ".bn3", 1, false);
            } else {
                y = convBn(x, name + ".conv1", name + ".bn1", stride, true);
                y = convBn(y, name + ".conv2", name + ".bn2", 1, false);
            }
            String identity = projection ? convBn(x, name + ".downsample.0", name + ".downsample.1", stride, false) : x;
            String sum = op("Add", name + ".add", List.of(y, identity));
            return op("Relu", name + ".relu", List.of(sum));
        }

        /** Nearest ×2 ({@code Resize} with scales [1, 1, 2, 2]; output index i reads input floor(i / 2)). */
        String upsample2(String x, String name) {
            String scales = name + ".scales";
            constant(scales, new long[] {4}, new float[] {1, 1, 2, 2});
            return op("Resize", name, List.of(x, "", scales), OnnxWriter.text("mode", "nearest"),
                    OnnxWriter.text("coordinate_transformation_mode", "asymmetric"),
                    OnnxWriter.text("nearest_mode", "floor"));
        }
    }
}
