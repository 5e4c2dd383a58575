package eu.ai4c.agri.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import eu.ai4c.agri.model.SequenceClassifier;

/**
 * A {@link SequenceClassifier} running an {@link LstmModel} on DJL's PyTorch engine (CPU): the
 * engine counterpart of {@link LstmClassifier}, used to cross-check the plain-Java pass and to
 * compare speed. Series are normalised in Java and sent in chunks of {@value #CHUNK}.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe by serialising {@link #predict} (PyTorch parallelises inside one call); for
 * parallel tile workers prefer {@link LstmClassifier}. Holds native memory: {@link #close()} it.
 */
public final class DjlLstmClassifier implements SequenceClassifier {
    static final int CHUNK = 4096;
    private final LstmModel model;
    private final NDManager manager;
    private final SequentialBlock net;
    private final float[] scale;
    private final float[] shift;

    public DjlLstmClassifier(LstmModel model) {
        DjlRuntime.init();
        this.model = model;
        this.manager = NDManager.newBaseManager(DjlRuntime.ENGINE);
        this.net = DjlLstmNetwork.load(model, manager);
        int b = model.bands();
        scale = new float[b];
        shift = new float[b];
        for (int i = 0; i < b; i++) {
            scale[i] = 1f / model.std()[i];
            shift[i] = -model.mean()[i] / model.std()[i];
        }
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
    public synchronized void predict(float[] x, int offset, int n, float[] probabilities) {
        int len = model.seriesLength();
        int b = model.bands();
        int k = model.classes();
        float[] buffer = new float[Math.min(n, CHUNK) * len];
        ParameterStore store = new ParameterStore(manager, false);
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            int base = offset + start * len;
            for (int i = 0; i < m * len; i++) {
                int band = i % b;
                buffer[i] = x[base + i] * scale[band] + shift[band];
            }
            try (NDManager batch = manager.newSubManager()) {
                NDArray in = batch.create(java.nio.FloatBuffer.wrap(buffer, 0, m * len),
                        new Shape(m, model.timesteps(), b));
                NDArray logits = net.forward(store, new NDList(in), false).singletonOrThrow();
                float[] p = logits.softmax(1).toFloatArray();
                System.arraycopy(p, 0, probabilities, start * k, m * k);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
