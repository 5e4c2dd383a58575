package eu.ai4c.agri.lstm;

import eu.ai4c.agri.model.SequenceClassifier;

/**
 * A {@link SequenceClassifier} running an {@link LstmModel} with the plain-Java forward pass
 * ({@link LstmForward}): no native resources, any supported Keras activation; the reference the
 * DJL classifier is checked against, and the fallback of {@code ModelFiles.open} when PyTorch
 * cannot run the model. Slower than {@link DjlLstmClassifier} on large batches.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: each calling thread gets its own scratch buffers (one {@link LstmForward} per
 * thread, made on its first call), so tile workers may share one instance. Pass batches of
 * series (hundreds to thousands) rather than one at a time.
 */
public final class LstmClassifier extends LstmModelClassifier {
    private final ThreadLocal<LstmForward> passes;

    public LstmClassifier(LstmModel model) {
        super(model);
        this.passes = ThreadLocal.withInitial(() -> new LstmForward(model));
    }

    @Override
    protected void forward(float[] x, int offset, int n, float[] probabilities) {
        passes.get().predict(x, offset, n, probabilities);
    }

    @Override
    public void close() {
        // nothing native to release
    }

    @Override
    public String toString() {
        return "LSTM classifier " + model.describe();
    }
}
