package eu.ai4c.agri.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The U-Net of Ronneberger et al. (2015) with a ResNet encoder ({@link Backbone}), as a DJL block
 * for the PyTorch engine. Input: normalised patches {@code [batch, bands, H, W]} (H, W multiples
 * of 32); output: class logits {@code [batch, classes, H, W]} (softmax is applied by the loss or
 * the predictor).
 *
 * <p>Decoder (the common "U-Net with ResNet encoder" layout): five blocks of
 * {@value #DECODER_CHANNELS_TEXT} channels; block {@code i} upsamples its input ×2 (nearest),
 * concatenates the encoder feature of the same resolution (stage 3, 2, 1 output, then the stem
 * output; the last block has none) and applies two 3×3 convolutions with batch norm and ReLU.
 * A 3×3 convolution with bias gives the class logits.</p>
 *
 * <p>Every weight has a PyTorch state-dict name ({@link #namedWeights()}): the encoder follows
 * torchvision's ResNet ({@code encoder.conv1.weight}, {@code encoder.bn1.running_mean},
 * {@code encoder.layer2.0.downsample.0.weight}, …), the decoder
 * {@code decoder.blocks.<i>.conv<1|2>.<0 conv|1 bn>.<weight|bias|running_mean|running_var>}, the head
 * {@code segmentation_head.0.<weight|bias>}. This is the key layout of the safetensors model file
 * ({@link UnetModelFile}).</p>
 *
 * <p>Not thread-safe while training; inference through {@link #forward} with separate
 * {@link ParameterStore}s may run on several threads.</p>
 */
public final class UnetNetwork extends AbstractBlock {
    /** Decoder block widths, deepest first. */
    static final int[] DECODER_CHANNELS = {256, 128, 64, 32, 16};
    static final String DECODER_CHANNELS_TEXT = "256, 128, 64, 32, 16";

    /** Decoder block widths, deepest first (a copy). */
    public static int[] decoderChannels() {
        return DECODER_CHANNELS.clone();
    }
    /** Patch sides must be multiples of the encoder's total stride. */
    public static final int STRIDE = 32;
    /** Share of the old running statistics a batch-norm update keeps (PyTorch's momentum 0.1). */
    static final float BN_KEEP = 0.9f;

    private final Backbone backbone;
    private final int bands;
    private final int classes;
    private final ConvBn stem;
    private final List<List<ResidualUnit>> stages = new ArrayList<>();
    private final List<ConvBn[]> decoder = new ArrayList<>();
    private final Conv2d head;
    /** PyTorch name → leaf block holding that tensor's owner (conv or batch norm). */
    private final Map<String, Block> leaves = new LinkedHashMap<>();

    /**
     * @param backbone encoder
     * @param bands    input bands
     * @param classes  output classes (background 0 included)
     */
    public UnetNetwork(Backbone backbone, int bands, int classes) {
        this.backbone = backbone;
        this.bands = bands;
        this.classes = classes;
        stem = new ConvBn("encoder.conv1", "encoder.bn1", 64, 7, 2, true);
        int in = 64;
        for (int s = 0; s < 4; s++) {
            List<ResidualUnit> units = new ArrayList<>();
            for (int u = 0; u < backbone.units()[s]; u++) {
                int stride = u == 0 && s > 0 ? 2 : 1;
                units.add(new ResidualUnit("encoder.layer" + (s + 1) + "." + u, in, s, stride));
                in = backbone.stageChannels(s);
            }
            stages.add(units);
        }
        for (int i = 0; i < DECODER_CHANNELS.length; i++) {
            String p = "decoder.blocks." + i;
            decoder.add(new ConvBn[] {
                    new ConvBn(p + ".conv1.0", p + ".conv1.1", DECODER_CHANNELS[i], 3, 1, true),
                    new ConvBn(p + ".conv2.0", p + ".conv2.1", DECODER_CHANNELS[i], 3, 1, true)});
        }
        head = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(classes).optPadding(new Shape(1, 1))
                .optBias(true).build();
        add("segmentation_head.0", head);
    }

    public Backbone backbone() {
        return backbone;
    }

    public int bands() {
        return bands;
    }

    public int classes() {
        return classes;
    }

    private <B extends Block> B add(String name, B block) {
        leaves.put(name, block);
        return addChildBlock(name, block);
    }

    /** A convolution without bias followed by batch norm (and ReLU when asked). */
    private final class ConvBn {
        final Conv2d conv;
        final BatchNorm bn;
        final boolean relu;
        /**
         * A strided 1×1 convolution (the projection shortcuts) is computed as a 1×1 convolution of
         * every {@code subsample}-th row and column: the same result and weights, but PyTorch
         * 2.7.1's oneDNN crashes the process (SIGFPE in its brgemm backward blocking) on the
         * backward pass of some strided 1×1 convolutions of ResNet-50 at small patches.
         */
        final int subsample;

        ConvBn(String convName, String bnName, int filters, int kernel, int stride, boolean relu) {
            subsample = kernel == 1 ? stride : 1;
            int convStride = kernel == 1 ? 1 : stride;
            conv = add(convName, Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                    .optStride(new Shape(convStride, convStride)).optPadding(new Shape(kernel / 2, kernel / 2))
                    .optBias(false).build());
            // PyTorch's defaults: eps 1e-5, running statistics updated with momentum 0.1 (DJL's 0.9 keeps 90 %)
            bn = add(bnName, BatchNorm.builder().optEpsilon(1e-5f).optMomentum(BN_KEEP).build());
            this.relu = relu;
        }

        Shape init(NDManager m, DataType t, Shape in) {
            if (subsample > 1) {
                in = new Shape(in.get(0), in.get(1), (in.get(2) + subsample - 1) / subsample,
                        (in.get(3) + subsample - 1) / subsample);
            }
            conv.initialize(m, t, in);
            Shape out = conv.getOutputShapes(new Shape[] {in})[0];
            bn.initialize(m, t, out);
            return out;
        }

        NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            if (subsample > 1) x = x.get(":, :, ::" + subsample + ", ::" + subsample);
            NDArray y = conv.forward(ps, new NDList(x), training).singletonOrThrow();
            y = bn.forward(ps, new NDList(y), training).singletonOrThrow();
            return relu ? Activation.relu(y) : y;
        }
    }

    /** A basic (two 3×3) or bottleneck (1×1, 3×3, 1×1) residual unit with its projection shortcut. */
    private final class ResidualUnit {
        final ConvBn[] path;
        final ConvBn shortcut;

        ResidualUnit(String name, int in, int stage, int stride) {
            int width = Backbone.width(stage);
            int out = backbone.stageChannels(stage);
            if (backbone.bottleneck()) {
                path = new ConvBn[] {
                        new ConvBn(name + ".conv1", name + ".bn1", width, 1, 1, true),
                        new ConvBn(name + ".conv2", name + ".bn2", width, 3, stride, true),
                        new ConvBn(name + ".conv3", name + ".bn3", out, 1, 1, false)};
            } else {
                path = new ConvBn[] {
                        new ConvBn(name + ".conv1", name + ".bn1", width, 3, stride, true),
                        new ConvBn(name + ".conv2", name + ".bn2", out, 3, 1, false)};
            }
            shortcut = stride != 1 || in != out
                    ? new ConvBn(name + ".downsample.0", name + ".downsample.1", out, 1, stride, false) : null;
        }

        Shape init(NDManager m, DataType t, Shape in) {
            Shape s = in;
            for (ConvBn c : path) s = c.init(m, t, s);
            if (shortcut != null) shortcut.init(m, t, in);
            return s;
        }

        NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray y = x;
            for (ConvBn c : path) y = c.forward(ps, y, training);
            NDArray identity = shortcut == null ? x : shortcut.forward(ps, x, training);
            return Activation.relu(y.add(identity));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape s = stem.init(manager, dataType, in);
        Shape[] features = new Shape[5];
        features[0] = s;
        s = pooled(s);
        for (int st = 0; st < 4; st++) {
            for (ResidualUnit u : stages.get(st)) s = u.init(manager, dataType, s);
            features[st + 1] = s;
        }
        for (int i = 0; i < decoder.size(); i++) {
            Shape up = new Shape(s.get(0), s.get(1), s.get(2) * 2, s.get(3) * 2);
            long skip = i < 4 ? features[3 - i].get(1) : 0;
            Shape cat = new Shape(up.get(0), up.get(1) + skip, up.get(2), up.get(3));
            s = decoder.get(i)[0].init(manager, dataType, cat);
            s = decoder.get(i)[1].init(manager, dataType, s);
        }
        head.initialize(manager, dataType, s);
    }

    private static Shape pooled(Shape s) {
        return new Shape(s.get(0), s.get(1), (s.get(2) + 1) / 2, (s.get(3) + 1) / 2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray[] features = new NDArray[5];
        x = stem.forward(ps, x, training);
        features[0] = x;
        x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
        for (int st = 0; st < 4; st++) {
            for (ResidualUnit u : stages.get(st)) x = u.forward(ps, x, training);
            features[st + 1] = x;
        }
        for (int i = 0; i < decoder.size(); i++) {
            x = upsample2(x);
            if (i < 4) x = NDArrays.concat(new NDList(x, features[3 - i]), 1);
            x = decoder.get(i)[0].forward(ps, x, training);
            x = decoder.get(i)[1].forward(ps, x, training);
        }
        return head.forward(ps, new NDList(x), training);
    }

    /**
     * The encoder alone (stem, max pooling, the four stages): the deepest feature
     * {@code [batch, backbone.stageChannels(3), H/32, W/32]}, for the encoder's self-supervised
     * pre-training ({@link ContrastiveNetwork}).
     */
    NDArray encode(ParameterStore ps, NDArray x, boolean training) {
        x = stem.forward(ps, x, training);
        x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
        for (List<ResidualUnit> stage : stages) for (ResidualUnit u : stage) x = u.forward(ps, x, training);
        return x;
    }

    /** Nearest-neighbour ×2: {@code [b, c, h, w]} → {@code [b, c, 2h, 2w]}, each value copied to a 2×2 cell. */
    static NDArray upsample2(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        return x.reshape(b, c, h, 1, w, 1).broadcast(new Shape(b, c, h, 2, w, 2)).reshape(b, c, 2 * h, 2 * w);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), classes, in.get(2), in.get(3))};
    }

    /**
     * Every tensor of the initialised network under its PyTorch state-dict name, in a fixed
     * order (encoder, decoder, head; per layer weight, bias, running_mean, running_var).
     */
    public Map<String, Parameter> namedWeights() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Block> e : leaves.entrySet()) {
            for (ai.djl.util.Pair<String, Parameter> p : e.getValue().getDirectParameters()) {
                out.put(e.getKey() + "." + torchName(p.getValue()), p.getValue());
            }
        }
        return out;
    }

    private static String torchName(Parameter p) {
        return switch (p.getType()) {
            case WEIGHT, GAMMA -> "weight";
            case BIAS, BETA -> "bias";
            case RUNNING_MEAN -> "running_mean";
            case RUNNING_VAR -> "running_var";
            default -> p.getName();
        };
    }

    /** Trainable values (batch-norm running statistics excluded) of the encoder, or of the whole network. */
    public long trainableParameters(boolean encoderOnly) {
        long n = 0;
        for (Map.Entry<String, Parameter> e : namedWeights().entrySet()) {
            if (encoderOnly && !e.getKey().startsWith("encoder.")) continue;
            if (e.getKey().endsWith("running_mean") || e.getKey().endsWith("running_var")) continue;
            n += e.getValue().getShape().size();
        }
        return n;
    }
}
