package eu.ai4c.agri.lstm;

import eu.ai4c.agri.model.SequenceClassifier;

/**
 * What the LSTM classifiers share: the model they run, its dimensions, and the check of a
 * {@link #predict} call's arrays. Subclasses supply the forward pass ({@link #forward}).
 */
abstract class LstmModelClassifier implements SequenceClassifier {
    protected final LstmModel model;

    LstmModelClassifier(LstmModel model) {
        this.model = model;
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
    public final void predict(float[] x, int offset, int n, float[] probabilities) {
        if (offset < 0 || (long) offset + (long) n * model.seriesLength() > x.length
                || probabilities.length < (long) n * model.classes()) {
            throw new IllegalArgumentException(n + " series at " + offset + " do not fit arrays of " + x.length
                    + " values / " + probabilities.length + " probabilities");
        }
        forward(x, offset, n, probabilities);
    }

    /** Class probabilities of {@code n} series from {@code x[offset…]}; arguments already checked. */
    protected abstract void forward(float[] x, int offset, int n, float[] probabilities);
}
