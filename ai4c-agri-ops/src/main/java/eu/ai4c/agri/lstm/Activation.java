package eu.ai4c.agri.lstm;

import java.util.Locale;

/**
 * Element-wise activations of the LSTM classifier, named as in Keras layer configurations
 * ({@code "tanh"}, {@code "sigmoid"}, {@code "hard_sigmoid"}, {@code "relu"}, {@code "linear"},
 * {@code "softmax"}). {@code hard_sigmoid} is Keras 2's {@code clip(0.2·x + 0.5, 0, 1)}.
 */
public enum Activation {
    TANH("tanh"), SIGMOID("sigmoid"), HARD_SIGMOID("hard_sigmoid"), RELU("relu"), LINEAR("linear"),
    SOFTMAX("softmax");

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The name in a Keras layer configuration. */
    public String kerasName() {
        return kerasName;
    }

    /** The activation of a Keras name, or null when AI4C does not implement it. */
    public static Activation ofKeras(String name) {
        String n = name == null ? "linear" : name.toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.kerasName.equals(n)) return a;
        }
        return null;
    }

    /** Applies this element-wise activation to {@code v[from … to)} in place (softmax: over the range). */
    void apply(float[] v, int from, int to) {
        switch (this) {
            case TANH -> {
                for (int i = from; i < to; i++) v[i] = tanh(v[i]);
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) v[i] = sigmoid(v[i]);
            }
            case HARD_SIGMOID -> {
                for (int i = from; i < to; i++) v[i] = Math.max(0f, Math.min(1f, 0.2f * v[i] + 0.5f));
            }
            case RELU -> {
                for (int i = from; i < to; i++) v[i] = Math.max(0f, v[i]);
            }
            case LINEAR -> {
            }
            case SOFTMAX -> softmax(v, from, to);
        }
    }

    /** This activation of one value; softmax is not element-wise and is refused. */
    float of(float x) {
        return switch (this) {
            case TANH -> tanh(x);
            case SIGMOID -> sigmoid(x);
            case HARD_SIGMOID -> Math.max(0f, Math.min(1f, 0.2f * x + 0.5f));
            case RELU -> Math.max(0f, x);
            case LINEAR -> x;
            case SOFTMAX -> throw new IllegalStateException("softmax is not element-wise");
        };
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    static float tanh(float x) {
        // tanh(x) = 1 - 2 / (exp(2x) + 1): one exp, exact to float precision, saturates cleanly
        return (float) (1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0));
    }

    /** Numerically stable softmax of {@code v[from … to)} in place. */
    static void softmax(float[] v, int from, int to) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) max = Math.max(max, v[i]);
        double sum = 0;
        for (int i = from; i < to; i++) {
            float e = (float) Math.exp(v[i] - max);
            v[i] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int i = from; i < to; i++) v[i] *= inv;
    }
}
