package eu.ai4c.agri.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy with a weight per class, averaged over the batch as Keras does with
 * {@code class_weight}: {@code loss = mean_i( -w[y_i] · log softmax(z_i)[y_i] )}. Labels are
 * int64 class ids, predictions logits {@code [batch, classes]}. Not thread-safe (DJL evaluator).
 */
final class WeightedCrossEntropy extends Loss {
    private final NDArray classWeights;
    private final int classes;

    /** @param classWeights float32 {@code [classes]} (ones for the plain cross-entropy) */
    WeightedCrossEntropy(NDArray classWeights) {
        super("weighted_cross_entropy");
        this.classWeights = classWeights;
        this.classes = (int) classWeights.size();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logp = predictions.singletonOrThrow().logSoftmax(1);
        NDArray target = labels.singletonOrThrow().oneHot(classes, DataType.FLOAT32).mul(classWeights);
        return logp.mul(target).sum(new int[] {1}).neg().mean();
    }
}
