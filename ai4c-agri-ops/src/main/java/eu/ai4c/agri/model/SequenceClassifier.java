package eu.ai4c.agri.model;

/**
 * A trained model that assigns a class to each pixel time series (crop type from monthly
 * composites, for instance). Input series are raw reflectances laid out
 * {@code n × timesteps × bands} (C order); the model applies its own stored normalisation.
 * Implementations say whether they are thread-safe; callers batch series for speed.
 */
public interface SequenceClassifier extends AutoCloseable {

    /** Time steps per series the model was trained on (12 for monthly composites). */
    int timesteps();

    /** Spectral bands per time step. */
    int bands();

    /** Number of classes; predicted ids are {@code 0 … classes()-1}. */
    int classes();

    /**
     * Class probabilities of {@code n} series read from {@code x} starting at {@code offset};
     * written to {@code probabilities[i * classes() + c]}.
     */
    void predict(float[] x, int offset, int n, float[] probabilities);

    /** Most probable class id of each of {@code n} series into {@code labels[0 … n-1]}. */
    default void classify(float[] x, int offset, int n, int[] labels) {
        int k = classes();
        float[] p = new float[n * k];
        predict(x, offset, n, p);
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (p[i * k + c] > p[i * k + best]) best = c;
            }
            labels[i] = best;
        }
    }

    /** Releases native resources (engine memory). */
    @Override
    void close();
}
