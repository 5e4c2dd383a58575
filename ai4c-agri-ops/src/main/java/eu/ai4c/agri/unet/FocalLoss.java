package eu.ai4c.agri.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import eu.ai4c.agri.torch.Tensors;

/**
 * Pixel-wise focal loss of Lin et al. (2017) for logits {@code [batch, classes, H, W]} and int64
 * labels {@code [batch, H, W]}: {@code FL = mean over pixels of -α·(1 - p_t)^γ · log p_t}, with
 * {@code p_t} the softmax probability of the true class. {@code γ = 0, α = 1} is the plain
 * cross-entropy ({@link #crossEntropy()}); {@code -criterion focal_loss} uses {@value #GAMMA}
 * and α = 1 (no class weighting: the modulating factor already down-weights the easy, mostly
 * background pixels). Not thread-safe (a DJL evaluator).
 */
public final class FocalLoss extends Loss {
    /** γ of {@code -criterion focal_loss} (Lin et al.'s recommended value). */
    public static final float GAMMA = 2f;

    private final int classes;
    private final float gamma;
    private final float alpha;

    public FocalLoss(int classes, float gamma, float alpha) {
        super(gamma == 0 ? "cross_entropy" : "focal_loss");
        this.classes = classes;
        this.gamma = gamma;
        this.alpha = alpha;
    }

    /** The cross-entropy (γ = 0, α = 1). */
    public static FocalLoss crossEntropy(int classes) {
        return new FocalLoss(classes, 0f, 1f);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logp = predictions.singletonOrThrow().logSoftmax(1);
        // one-hot [B, H, W, C] → [B, C, H, W]
        NDArray target = labels.singletonOrThrow().oneHot(classes, DataType.FLOAT32).transpose(0, 3, 1, 2);
        NDArray logpt = logp.mul(target).sum(new int[] {1});
        NDArray loss = logpt.neg();
        // constants as PyTorch-owned scalars: pow and mul keep their operand for the backward pass (Tensors)
        NDManager m = logpt.getManager();
        if (gamma != 0f) loss = loss.mul(logpt.exp().neg().add(Tensors.scalar(m, 1f)).pow(Tensors.scalar(m, gamma)));
        if (alpha != 1f) loss = loss.mul(Tensors.scalar(m, alpha));
        return loss.mean();
    }
}
