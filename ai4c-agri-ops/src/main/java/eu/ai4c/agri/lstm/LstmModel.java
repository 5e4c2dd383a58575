package eu.ai4c.agri.lstm;

import java.util.List;

/**
 * A trained LSTM crop-type classifier: per-band normalisation, a stack of LSTM layers (all but
 * the last return sequences; the last one's final step goes on), then dense layers ending in a
 * softmax over the classes. This is what {@code model.h5} stores ({@link LstmH5}) and what both
 * forward passes ({@link LstmForward}, {@link DjlLstmNetwork}) run. Immutable (arrays shared,
 * never modified).
 *
 * <p>Input series are raw values laid out {@code timesteps × bands}; each value is normalised as
 * {@code (x - mean[band]) / std[band]} before the first layer.</p>
 *
 * @param timesteps steps per series (12 for monthly composites)
 * @param bands     bands per step
 * @param mean      per-band mean of the training set
 * @param std       per-band standard deviation of the training set (never 0)
 */
public record LstmModel(int timesteps, int bands, float[] mean, float[] std, List<LstmLayer> lstm,
                        List<DenseLayer> dense) {

    public LstmModel {
        lstm = List.copyOf(lstm);
        dense = List.copyOf(dense);
        if (lstm.isEmpty() || dense.isEmpty()) {
            throw new IllegalArgumentException("An LSTM classifier needs at least one LSTM and one dense layer");
        }
        if (mean.length != bands || std.length != bands) {
            throw new IllegalArgumentException("Normalisation has " + mean.length + "/" + std.length
                    + " values for " + bands + " bands");
        }
        int in = bands;
        for (int i = 0; i < lstm.size(); i++) {
            LstmLayer l = lstm.get(i);
            if (l.inputs() != in) {
                throw new IllegalArgumentException("LSTM layer " + l.name() + " takes " + l.inputs() + " inputs, gets " + in);
            }
            if (l.returnSequences() != (i < lstm.size() - 1)) {
                throw new IllegalArgumentException("LSTM layer " + l.name() + ": only layers below another LSTM"
                        + " may return sequences (the classifier takes the last step of the last one)");
            }
            in = l.units();
        }
        for (DenseLayer d : dense) {
            if (d.inputs() != in) {
                throw new IllegalArgumentException("Dense layer " + d.name() + " takes " + d.inputs() + " inputs, gets " + in);
            }
            in = d.units();
        }
    }

    /** Number of classes (units of the last dense layer). */
    public int classes() {
        return dense.get(dense.size() - 1).units();
    }

    /** Values per series. */
    public int seriesLength() {
        return timesteps * bands;
    }

    /** Largest layer width (LSTM units or dense units), for scratch buffers. */
    int maxWidth() {
        int w = bands;
        for (LstmLayer l : lstm) w = Math.max(w, l.units());
        for (DenseLayer d : dense) w = Math.max(w, d.units());
        return w;
    }

    /** {@code 12×9 → LSTM 64 → Dense 16 softmax}. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(timesteps).append('×').append(bands);
        for (LstmLayer l : lstm) sb.append(" → LSTM ").append(l.units());
        for (DenseLayer d : dense) sb.append(" → Dense ").append(d.units()).append(' ').append(d.activation().kerasName());
        return sb.toString();
    }
}
