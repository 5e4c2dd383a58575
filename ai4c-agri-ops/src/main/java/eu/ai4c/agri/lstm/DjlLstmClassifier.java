package eu.ai4c.agri.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.agri.torch.TorchRuntime;

/**
 * A {@link SequenceClassifier} running an {@link LstmModel} on DJL's PyTorch engine (CPU), in
 * chunks of {@value #CHUNK} series (normalised in Java): the fastest way to classify many
 * series (about 1.9× the plain-Java {@link LstmClassifier} per core with the AVX2 kernels that
 * {@link TorchRuntime} pins: 74,000 series/s from 2 threads on an AVX-512 server, see
 * {@code ai4c bench lstm-inference}), and what {@code ModelFiles.open} returns for models PyTorch's
 * LSTM can run ({@link DjlLstmNetwork#supports}). Its probabilities equal a float64 forward pass
 * within 1e-7 and the plain-Java pass within 1e-5, on any CPU ({@code CpuIndependenceTest}).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: tile workers share one instance and run in parallel, each call on its own thread
 * with one PyTorch thread (so use as many calling threads as cores); pass about a thousand
 * series per call. Holds native memory: {@link #close()} it.
 */
public final class DjlLstmClassifier extends LstmModelClassifier {
    static final int CHUNK = 1024;
    private final NDManager manager;
    private final SequentialBlock net;
    private final float[] scale;
    private final float[] shift;

    public DjlLstmClassifier(LstmModel model) {
        super(model);
        TorchRuntime.init();
        this.manager = NDManager.newBaseManager(TorchRuntime.ENGINE);
        this.net = DjlLstmNetwork.load(model, manager);
        float[][] normalisation = Normalisation.multiplyAdd(model.mean(), model.std());
        scale = normalisation[0];
        shift = normalisation[1];
    }

    /**
     * Runs on the calling thread with one PyTorch intra-op thread and autograd off (both are
     * per-thread settings in PyTorch, restored afterwards): parallelism comes from the callers,
     * which avoids OpenMP threads spinning against each other on a busy machine.
     */
    @Override
    protected void forward(float[] x, int offset, int n, float[] probabilities) {
        int threads = JniUtils.getNumThreads();
        boolean grad = JniUtils.isGradMode();
        JniUtils.setNumThreads(1);
        JniUtils.setGradMode(false);
        try {
            run(x, offset, n, probabilities);
        } finally {
            JniUtils.setGradMode(grad);
            JniUtils.setNumThreads(threads);
        }
    }

    private void run(float[] x, int offset, int n, float[] probabilities) {
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
