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
        // σ(x) = (1 + tanh(x/2)) / 2: one rational evaluation, no exp
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /**
     * tanh by the odd rational approximation of degree 13/6 in x on [-7.9053, 7.9053] (beyond
     * it tanh is ±1 in float), as used by Eigen's vectorised float tanh; absolute error below
     * 3e-7, branch-free so the JIT vectorises loops over it.
     */
    static float tanh(float x) {
        float v = Math.max(-7.90531110763549805f, Math.min(7.90531110763549805f, x));
        float x2 = v * v;
        float p = -2.76076847742355e-16f;
        p = p * x2 + 2.00018790482477e-13f;
        p = p * x2 + -8.60467152213735e-11f;
        p = p * x2 + 5.12229709037114e-08f;
        p = p * x2 + 1.48572235717979e-05f;
        p = p * x2 + 6.37261928875436e-04f;
        p = p * x2 + 4.89352455891786e-03f;
        p = p * v;
        float q = 1.19825839466702e-06f;
        q = q * x2 + 1.18534705686654e-04f;
        q = q * x2 + 2.26843463243900e-03f;
        q = q * x2 + 4.89352518554385e-03f;
        return p / q;
    }

    /**
     * Numerically stable softmax of {@code v[from … to)} in place. {@link StrictMath#exp} (fdlibm)
     * gives the same bits on every CPU, where {@link Math#exp} may be a JIT intrinsic.
     */
    static void softmax(float[] v, int from, int to) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) max = Math.max(max, v[i]);
        double sum = 0;
        for (int i = from; i < to; i++) {
            float e = (float) StrictMath.exp(v[i] - max);
            v[i] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int i = from; i < to; i++) v[i] *= inv;
    }
}
