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
public final class LstmClassifier implements SequenceClassifier {
    private final LstmModel model;
    private final ThreadLocal<LstmForward> forward;

    public LstmClassifier(LstmModel model) {
        this.model = model;
        this.forward = ThreadLocal.withInitial(() -> new LstmForward(model));
    }

    public LstmModel model() {
        return model;
    }

    @Override
    public int timesteps() {
        return model.timesteps();
    }

    @Override
    public int bands() {
        return model.bands();
    }

    @Override
    public int classes() {
        return model.classes();
    }

    @Override
    public void predict(float[] x, int offset, int n, float[] probabilities) {
        if (offset < 0 || (long) offset + (long) n * model.seriesLength() > x.length
                || probabilities.length < (long) n * model.classes()) {
            throw new IllegalArgumentException(n + " series at " + offset + " do not fit arrays of " + x.length
                    + " values / " + probabilities.length + " probabilities");
        }
        forward.get().predict(x, offset, n, probabilities);
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
