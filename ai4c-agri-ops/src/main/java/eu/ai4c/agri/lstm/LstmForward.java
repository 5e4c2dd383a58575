package eu.ai4c.agri.lstm;

/**
 * The LSTM classifier's forward pass in plain Java over the stored weights: the independent
 * reference for the DJL network and the fast path for large crop maps. Per step, gates
 * {@code z = x·kernel + h·recurrentKernel + bias} (Keras layout, gate order i, f, c, o), then
 * {@code c = σ(z_f)·c + σ(z_i)·tanh(z_c)}, {@code h = σ(z_o)·tanh(c)} (σ the recurrent
 * activation). The inner loops run along the contiguous {@code 4·units} axis so the JIT
 * vectorises them; scratch arrays are allocated once per instance, never per series.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe (holds scratch buffers): use one instance per thread, or
 * {@link LstmClassifier}, which does that for you.
 */
public final class LstmForward {
    private final LstmModel model;
    private final LstmLayer[] lstm;
    private final DenseLayer[] dense;
    private final float[] scale;
    private final float[] shift;
    private final float[] sequenceA;
    private final float[] sequenceB;
    private final float[] gates;
    private final float[] h;
    private final float[] c;
    private final float[] denseA;
    private final float[] denseB;

    public LstmForward(LstmModel model) {
        this.model = model;
        this.lstm = model.lstm().toArray(LstmLayer[]::new);
        this.dense = model.dense().toArray(DenseLayer[]::new);
        float[][] normalisation = Normalisation.multiplyAdd(model.mean(), model.std());
        scale = normalisation[0];
        shift = normalisation[1];
        int width = model.maxWidth();
        int maxUnits = 0;
        for (LstmLayer l : lstm) maxUnits = Math.max(maxUnits, l.units());
        sequenceA = new float[model.timesteps() * width];
        sequenceB = new float[model.timesteps() * width];
        gates = new float[4 * maxUnits];
        h = new float[maxUnits];
        c = new float[maxUnits];
        denseA = new float[width];
        denseB = new float[width];
    }

    public LstmModel model() {
        return model;
    }

    /**
     * Class probabilities of {@code n} series of {@code timesteps × bands} raw values read from
     * {@code x} at {@code offset}, written to {@code probabilities[i·classes + k]}.
     */
    public void predict(float[] x, int offset, int n, float[] probabilities) {
        int len = model.seriesLength();
        int k = model.classes();
        for (int i = 0; i < n; i++) {
            predictOne(x, offset + i * len, probabilities, i * k);
        }
    }

    private void predictOne(float[] x, int offset, float[] out, int outOffset) {
        int ts = model.timesteps();
        int b = model.bands();
        float[] in = sequenceA;
        float[] next = sequenceB;
        for (int t = 0, p = offset, q = 0; t < ts; t++) {
            for (int j = 0; j < b; j++, p++, q++) in[q] = x[p] * scale[j] + shift[j];
        }
        for (LstmLayer layer : lstm) {
            runLayer(layer, in, next);
            float[] swap = in;
            in = next;
            next = swap;
        }
        // the last LSTM left its final h in h[0 … units)
        float[] vector = h;
        float[] target = denseA;
        for (DenseLayer d : dense) {
            runDense(d, vector, target);
            vector = target;
            target = target == denseA ? denseB : denseA;
        }
        System.arraycopy(vector, 0, out, outOffset, model.classes());
    }

    private void runLayer(LstmLayer layer, float[] input, float[] output) {
        int ts = model.timesteps();
        int nIn = layer.inputs();
        int u = layer.units();
        int g4 = 4 * u;
        float[] kernel = layer.kernel();
        float[] recurrent = layer.recurrentKernel();
        float[] bias = layer.bias();
        java.util.Arrays.fill(h, 0, u, 0f);
        java.util.Arrays.fill(c, 0, u, 0f);
        for (int t = 0; t < ts; t++) {
            System.arraycopy(bias, 0, gates, 0, g4);
            accumulate(gates, g4, input, t * nIn, nIn, kernel);
            if (t > 0) accumulate(gates, g4, h, 0, u, recurrent); // h = 0 at the first step
            Activation gate = layer.recurrentActivation();
            Activation act = layer.activation();
            gate.apply(gates, 0, 2 * u);
            act.apply(gates, 2 * u, 3 * u);
            gate.apply(gates, 3 * u, g4);
            for (int j = 0; j < u; j++) {
                float cell = gates[u + j] * c[j] + gates[j] * gates[2 * u + j];
                c[j] = cell;
                h[j] = cell;
            }
            act.apply(h, 0, u);
            for (int j = 0; j < u; j++) h[j] *= gates[3 * u + j];
            if (layer.returnSequences()) System.arraycopy(h, 0, output, t * u, u);
        }
    }

    /**
     * {@code gates[0 … g4) += v[from … from+rows) · matrix[rows, g4]}, four matrix rows per pass
     * so each gate value is loaded and stored once per four multiply-adds (the loop over the
     * contiguous gate axis is vectorised by the JIT).
     */
    private static void accumulate(float[] gates, int g4, float[] v, int from, int rows, float[] matrix) {
        int k = 0;
        for (; k + 3 < rows; k += 4) {
            float a0 = v[from + k];
            float a1 = v[from + k + 1];
            float a2 = v[from + k + 2];
            float a3 = v[from + k + 3];
            int r0 = k * g4;
            int r1 = r0 + g4;
            int r2 = r1 + g4;
            int r3 = r2 + g4;
            for (int j = 0; j < g4; j++) {
                gates[j] += a0 * matrix[r0 + j] + a1 * matrix[r1 + j] + a2 * matrix[r2 + j] + a3 * matrix[r3 + j];
            }
        }
        for (; k < rows; k++) {
            float a = v[from + k];
            int r = k * g4;
            for (int j = 0; j < g4; j++) gates[j] += a * matrix[r + j];
        }
    }

    private static void runDense(DenseLayer d, float[] input, float[] output) {
        int n = d.units();
        float[] kernel = d.kernel();
        System.arraycopy(d.bias(), 0, output, 0, n);
        for (int k = 0; k < d.inputs(); k++) {
            float a = input[k];
            int row = k * n;
            for (int j = 0; j < n; j++) output[j] += a * kernel[row + j];
        }
        d.activation().apply(output, 0, n);
    }
}
