package eu.ai4c.agri.lstm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * LSTM classifiers with random weights (Glorot-like scale), seeded and reproducible: for format and
 * forward-pass tests and for inference benchmarks, where the cost does not depend on the weights.
 * Stateless.
 */
public final class RandomModels {
    private RandomModels() {
    }

    /**
     * A model of {@code timesteps × bands} inputs, LSTM layers of {@code lstmUnits} and dense
     * layers of {@code denseUnits} (the last one softmax, the classes), normalisation mean
     * {@code 1000 + 100·band} and std {@code 300 + 20·band}.
     */
    public static LstmModel of(long seed, int timesteps, int bands, int[] lstmUnits, int[] denseUnits, Activation hidden) {
        Random r = new Random(seed);
        List<LstmLayer> lstm = new ArrayList<>();
        int in = bands;
        for (int i = 0; i < lstmUnits.length; i++) {
            int u = lstmUnits[i];
            lstm.add(new LstmLayer(i == 0 ? "lstm" : "lstm_" + i, in, u, random(r, in * 4 * u, in + u),
                    random(r, u * 4 * u, 2 * u), random(r, 4 * u, 4), i < lstmUnits.length - 1,
                    Activation.TANH, Activation.SIGMOID));
            in = u;
        }
        List<DenseLayer> dense = new ArrayList<>();
        for (int i = 0; i < denseUnits.length; i++) {
            int u = denseUnits[i];
            boolean last = i == denseUnits.length - 1;
            dense.add(new DenseLayer(i == 0 ? "dense" : "dense_" + i, in, u, random(r, in * u, in + u),
                    random(r, u, 4), last ? Activation.SOFTMAX : hidden));
            in = u;
        }
        float[] mean = new float[bands];
        float[] std = new float[bands];
        for (int b = 0; b < bands; b++) {
            mean[b] = 1000 + 100 * b;
            std[b] = 300 + 20 * b;
        }
        return new LstmModel(timesteps, bands, mean, std, lstm, dense);
    }

    /** {@code n} raw series ({@code n × timesteps × bands}, C order) around the model's normalisation. */
    public static float[] series(long seed, LstmModel model, int n) {
        Random r = new Random(seed);
        float[] x = new float[n * model.seriesLength()];
        for (int i = 0; i < x.length; i++) {
            int b = i % model.bands();
            x[i] = (float) (model.mean()[b] + 1.5 * model.std()[b] * r.nextGaussian());
        }
        return x;
    }

    private static float[] random(Random r, int n, int fan) {
        float scale = (float) Math.sqrt(6.0 / fan);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (r.nextFloat() * 2 - 1) * scale;
        return a;
    }
}
