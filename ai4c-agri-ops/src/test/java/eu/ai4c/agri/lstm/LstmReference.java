package eu.ai4c.agri.lstm;

/**
 * The LSTM classifier's forward pass in double precision, written from the Keras equations with
 * nothing shared with {@link LstmForward} but the weights: per step
 * {@code z = x·kernel + h·recurrentKernel + bias} (gates i, f, c, o),
 * {@code c = σ(z_f)·c + σ(z_i)·tanh(z_c)}, {@code h = σ(z_o)·tanh(c)}, then the dense layers and
 * softmax, with {@link StrictMath} functions. Its float rounding error is about 1e-16, so the
 * difference of a float32 engine from it is that engine's own error.
 */
final class LstmReference {
    private LstmReference() {
    }

    /** Class probabilities {@code [n·classes]} of {@code n} raw series from {@code x[offset…]}. */
    static double[] predict(LstmModel model, float[] x, int offset, int n) {
        int ts = model.timesteps();
        int b = model.bands();
        int k = model.classes();
        double[] out = new double[n * k];
        for (int s = 0; s < n; s++) {
            double[][] seq = new double[ts][b];
            for (int t = 0; t < ts; t++) {
                for (int j = 0; j < b; j++) {
                    double v = x[offset + (s * ts + t) * b + j];
                    seq[t][j] = (v - model.mean()[j]) / model.std()[j];
                }
            }
            double[] last = null;
            for (LstmLayer layer : model.lstm()) {
                int u = layer.units();
                double[][] next = new double[ts][];
                double[] h = new double[u];
                double[] c = new double[u];
                for (int t = 0; t < ts; t++) {
                    double[] z = new double[4 * u];
                    for (int g = 0; g < 4 * u; g++) {
                        double acc = layer.bias()[g];
                        for (int i = 0; i < layer.inputs(); i++) acc += seq[t][i] * layer.kernel()[i * 4 * u + g];
                        for (int i = 0; i < u; i++) acc += h[i] * layer.recurrentKernel()[i * 4 * u + g];
                        z[g] = acc;
                    }
                    double[] hn = new double[u];
                    for (int j = 0; j < u; j++) {
                        double in = act(layer.recurrentActivation(), z[j]);
                        double forget = act(layer.recurrentActivation(), z[u + j]);
                        double cand = act(layer.activation(), z[2 * u + j]);
                        double outGate = act(layer.recurrentActivation(), z[3 * u + j]);
                        c[j] = forget * c[j] + in * cand;
                        hn[j] = outGate * act(layer.activation(), c[j]);
                    }
                    h = hn;
                    next[t] = hn;
                }
                seq = next;
                last = h;
            }
            double[] v = last;
            for (DenseLayer d : model.dense()) {
                double[] o = new double[d.units()];
                for (int j = 0; j < d.units(); j++) {
                    double acc = d.bias()[j];
                    for (int i = 0; i < d.inputs(); i++) acc += v[i] * d.kernel()[i * d.units() + j];
                    o[j] = acc;
                }
                if (d.activation() == Activation.SOFTMAX) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double a : o) max = Math.max(max, a);
                    double sum = 0;
                    for (int j = 0; j < o.length; j++) {
                        o[j] = StrictMath.exp(o[j] - max);
                        sum += o[j];
                    }
                    for (int j = 0; j < o.length; j++) o[j] /= sum;
                } else {
                    for (int j = 0; j < o.length; j++) o[j] = act(d.activation(), o[j]);
                }
                v = o;
            }
            System.arraycopy(v, 0, out, s * k, k);
        }
        return out;
    }

    private static double act(Activation a, double x) {
        return switch (a) {
            case TANH -> StrictMath.tanh(x);
            case SIGMOID -> 1 / (1 + StrictMath.exp(-x));
            case HARD_SIGMOID -> Math.max(0, Math.min(1, 0.2 * x + 0.5));
            case RELU -> Math.max(0, x);
            case LINEAR -> x;
            case SOFTMAX -> throw new IllegalArgumentException("softmax is not element-wise");
        };
    }

    /** Largest absolute difference between {@code got} and {@code reference}. */
    static double maxDifference(float[] got, double[] reference) {
        double max = 0;
        for (int i = 0; i < reference.length; i++) max = Math.max(max, Math.abs(got[i] - reference[i]));
        return max;
    }
}
