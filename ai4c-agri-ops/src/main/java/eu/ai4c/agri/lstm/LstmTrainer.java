package eu.ai4c.agri.lstm;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.kit.progress.Progress;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an LSTM crop-type classifier with DJL on PyTorch (CPU): per-band normalisation from the
 * training set, {@code LSTM(units) × layers → last step → Dense(classes) → softmax}, Adam,
 * (class-weighted) cross-entropy, shuffled mini-batches. Deterministic for a seed: the engine's
 * random seed fixes the initial weights, a {@link SplittableRandom} of the same seed the batch
 * order; PyTorch runs on one thread. Each epoch is logged and passed to the {@link TrainingListener}s as it ends. Keeps the
 * best model on the validation set, or the last one without validation.
 *
 * <h2>Thread-safety</h2>
 * One {@link #train} at a time per instance. {@link #requestStop()} and
 * {@link #addListener} may be called from any thread.
 */
public final class LstmTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(LstmTrainer.class);
    private static final int EVAL_CHUNK = 4096;

    private final TrainingOptions options;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;

    public LstmTrainer(TrainingOptions options) {
        this.options = options;
    }

    public TrainingOptions options() {
        return options;
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    /**
     * Ends training after the current batch; the run then returns normally with the best model
     * so far (unlike cancelling through {@link Progress}, which aborts and keeps nothing).
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains on {@code train}, validating on {@code validation} (may be null) after each epoch.
     *
     * @throws Progress.Cancelled when {@code progress} is cancelled
     */
    public TrainingResult train(TimeSeriesSet train, TimeSeriesSet validation, Progress progress) {
        TorchRuntime.init();
        // one PyTorch thread (a per-thread setting, restored after): small LSTM batches gain
        // nothing from more, and OpenMP threads spinning on a shared machine slowed epochs tenfold
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            return trainOnThisThread(train, validation, progress);
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    private TrainingResult trainOnThisThread(TimeSeriesSet train, TimeSeriesSet validation, Progress progress) {
        long t0 = System.nanoTime();
        stopRequested = false;
        TorchRuntime.init().setRandomSeed((int) options.seed());
        int ts = train.timesteps();
        int b = train.bands();
        int len = ts * b;
        int k = options.classes();
        float[][] stats = Normalisation.of(train);
        float[] mean = stats[0];
        float[] std = stats[1];
        float[] x = Normalisation.apply(train, mean, std);
        float[] xVal = validation == null ? null : Normalisation.apply(validation, mean, std);
        float[] weights = classWeights(train, k, options.classWeights());
        int[] lstmUnits = new int[options.lstmLayers()];
        Arrays.fill(lstmUnits, options.units());
        DjlLstmNetwork.Architecture arch = new DjlLstmNetwork.Architecture(b, lstmUnits, new int[] {k},
                new Activation[] {Activation.SOFTMAX});
        SequentialBlock net = DjlLstmNetwork.build(arch);
        int n = train.count();
        int bs = options.batchSize();
        int batches = (n + bs - 1) / bs;
        List<EpochResult> history = new ArrayList<>();
        LstmModel best = null;
        int bestEpoch = 0;
        double bestAcc = Double.NEGATIVE_INFINITY;
        double bestLoss = Double.POSITIVE_INFINITY;
        boolean stopped = false;
        LOG.info("train_lstm: {} series {}×{}, {} validation, {} → {} classes, {} epochs of {} batches of {}, lr {}{}",
                n, ts, b, validation == null ? "no" : validation.count(), "LSTM " + options.units()
                        + (options.lstmLayers() > 1 ? "×" + options.lstmLayers() : ""), k, options.epochs(), batches,
                bs, options.learningRate(), options.classWeights() ? ", class weights " + Arrays.toString(weights) : "");
        try (Model model = Model.newInstance("ai4c-lstm", Device.cpu(), TorchRuntime.ENGINE);
             NDManager constants = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            model.setBlock(net);
            WeightedCrossEntropy loss = new WeightedCrossEntropy(constants.create(weights));
            WeightedCrossEntropy plainLoss = new WeightedCrossEntropy(constants.ones(new Shape(k)));
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate())).build())
                    .optDevices(new Device[] {Device.cpu()})
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(bs, ts, b));
                int[] order = new int[n];
                for (int i = 0; i < n; i++) order[i] = i;
                SplittableRandom rng = new SplittableRandom(options.seed());
                float[] batchX = new float[bs * len];
                long[] batchY = new long[bs];
                progress.begin("Training LSTM", (long) options.epochs() * batches);
                for (int epoch = 1; epoch <= options.epochs() && !stopped; epoch++) {
                    long e0 = System.nanoTime();
                    shuffle(order, rng);
                    double lossSum = 0;
                    long correct = 0;
                    int seen = 0;
                    for (int batch = 0; batch < batches; batch++) {
                        int start = batch * bs;
                        int m = Math.min(bs, n - start);
                        for (int i = 0; i < m; i++) {
                            int s = order[start + i];
                            System.arraycopy(x, s * len, batchX, i * len, len);
                            batchY[i] = train.labels()[s];
                        }
                        try (NDManager sub = trainer.getManager().newSubManager()) {
                            NDArray in = sub.create(FloatBuffer.wrap(batchX, 0, m * len), new Shape(m, ts, b));
                            NDArray labels = sub.create(Arrays.copyOf(batchY, m));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(in)).singletonOrThrow();
                                NDArray l = loss.evaluate(new NDList(labels), new NDList(logits));
                                gc.backward(l);
                                lossSum += l.getFloat() * m;
                                correct += logits.argMax(1).eq(labels).sum().getLong();
                            }
                            trainer.step();
                        }
                        seen += m;
                        progress.worked(1);
                        progress.checkCancelled();
                        for (TrainingListener t : listeners) t.onBatch(epoch, batch + 1, batches);
                        if (stopRequested) {
                            stopped = true;
                            break;
                        }
                    }
                    double valLoss = Double.NaN;
                    double valAcc = Double.NaN;
                    if (validation != null) {
                        double[] v = evaluate(trainer, plainLoss, xVal, validation);
                        valLoss = v[0];
                        valAcc = v[1];
                    }
                    boolean isBest = validation == null
                            || valAcc > bestAcc || (valAcc == bestAcc && valLoss < bestLoss);
                    if (isBest) {
                        bestAcc = valAcc;
                        bestLoss = valLoss;
                        bestEpoch = epoch;
                        best = DjlLstmNetwork.export(net, arch, ts, mean, std);
                    }
                    EpochResult r = new EpochResult(epoch, options.epochs(), lossSum / seen, (double) correct / seen,
                            valLoss, valAcc, isBest, (System.nanoTime() - e0) / 1e9);
                    history.add(r);
                    LOG.info(String.format(Locale.ROOT, "train_lstm: epoch %d/%d loss %.4f accuracy %.4f%s%s (%.1f s)",
                            epoch, options.epochs(), r.loss(), r.accuracy(),
                            validation == null ? "" : String.format(Locale.ROOT, " val_loss %.4f val_accuracy %.4f",
                                    valLoss, valAcc), isBest && validation != null ? " best" : "", r.seconds()));
                    for (TrainingListener t : listeners) t.onEpoch(r);
                }
                progress.end();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (stopped) LOG.info("train_lstm: stopped on request after epoch {}; keeping epoch {}", history.size(), bestEpoch);
        return new TrainingResult(best, history, bestEpoch, stopped, seconds);
    }

    /** {mean unweighted cross-entropy, accuracy} of the normalised series {@code x}. */
    private static double[] evaluate(Trainer trainer, WeightedCrossEntropy loss, float[] x, TimeSeriesSet set) {
        int len = set.seriesLength();
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < set.count(); start += EVAL_CHUNK) {
            int m = Math.min(EVAL_CHUNK, set.count() - start);
            long[] y = new long[m];
            for (int i = 0; i < m; i++) y[i] = set.labels()[start + i];
            try (NDManager sub = trainer.getManager().newSubManager()) {
                NDArray in = sub.create(FloatBuffer.wrap(x, start * len, m * len), new Shape(m, set.timesteps(), set.bands()));
                NDArray labels = sub.create(y);
                NDArray logits = trainer.evaluate(new NDList(in)).singletonOrThrow();
                lossSum += loss.evaluate(new NDList(labels), new NDList(logits)).getFloat() * m;
                correct += logits.argMax(1).eq(labels).sum().getLong();
            }
        }
        return new double[] {lossSum / set.count(), (double) correct / set.count()};
    }

    /** Fisher–Yates with the run's generator (reproducible batch order). */
    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Class weights {@code N / (K·n_c)} with K the number of classes present (scikit-learn's and
     * Keras users' "balanced" weights); absent classes get 0; all ones when {@code on} is false.
     */
    public static float[] classWeights(TimeSeriesSet train, int classes, boolean on) {
        float[] w = new float[classes];
        if (!on) {
            Arrays.fill(w, 1f);
            return w;
        }
        int[] counts = train.classCounts(classes);
        int present = 0;
        for (int c : counts) if (c > 0) present++;
        for (int c = 0; c < classes; c++) {
            w[c] = counts[c] == 0 ? 0f : (float) ((double) train.count() / ((double) present * counts[c]));
        }
        return w;
    }
}
