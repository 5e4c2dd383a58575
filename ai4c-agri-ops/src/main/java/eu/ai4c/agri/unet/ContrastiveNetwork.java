package eu.ai4c.agri.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * The network of SimCLR pre-training: the U-Net's ResNet encoder ({@link UnetNetwork#encode},
 * so its weights carry the U-Net's names), global average pooling of the deepest feature, and a
 * projection head of two fully connected layers {@code C → C → }{@value #PROJECTION} with ReLU
 * between them ({@code C} the encoder's output channels: 512 for ResNet-18/34, 2048 for
 * ResNet-50), as in SimCLR. The head is dropped after pre-training. The decoder and segmentation
 * head of the wrapped U-Net are not used: their parameters are frozen (no gradient, not updated).
 * Not thread-safe.
 */
public final class ContrastiveNetwork extends AbstractBlock {
    /** Width of the projection the loss compares. */
    public static final int PROJECTION = 128;

    private final UnetNetwork unet;
    private final Linear hidden;
    private final Linear projection;

    public ContrastiveNetwork(Backbone backbone, int bands) {
        unet = addChildBlock("unet", new UnetNetwork(backbone, bands, 2));
        int c = backbone.stageChannels(3);
        hidden = addChildBlock("projection_0", Linear.builder().setUnits(c).build());
        projection = addChildBlock("projection_2", Linear.builder().setUnits(PROJECTION).build());
    }

    /** The wrapped U-Net, whose {@code encoder.*} weights are the pre-trained backbone. */
    public UnetNetwork unet() {
        return unet;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        unet.initialize(manager, dataType, in);
        for (Map.Entry<String, Parameter> e : unet.namedWeights().entrySet()) {
            if (!e.getKey().startsWith("encoder.")) e.getValue().freeze(true);
        }
        int c = unet.backbone().stageChannels(3);
        hidden.initialize(manager, dataType, new Shape(in.get(0), c));
        projection.initialize(manager, dataType, new Shape(in.get(0), c));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray features = unet.encode(ps, inputs.singletonOrThrow(), training);
        Shape f = features.getShape();
        NDArray pooled = features.reshape(f.get(0), f.get(1), -1).mean(new int[] {2});
        NDArray h = Activation.relu(hidden.forward(ps, new NDList(pooled), training).singletonOrThrow());
        return projection.forward(ps, new NDList(h), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), PROJECTION)};
    }
}
