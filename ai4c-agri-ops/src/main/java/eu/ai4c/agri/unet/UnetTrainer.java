package eu.ai4c.agri.unet;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.kit.progress.Progress;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the U-Net ({@link UnetNetwork}) with DJL on PyTorch (CPU): Adam at a fixed learning
 * rate, cross-entropy or focal loss over all pixels, shuffled mini-batches, optional
 * augmentation ({@link Augmentation}). After each epoch the validation set is scored (loss,
 * confusion matrix, mean IoU); the epoch of best validation mean IoU is kept (ties: lower loss),
 * or the last one without validation. Deterministic for a seed and thread count.
 *
 * <h2>Non-finite gradients</h2>
 * PyTorch 2.7.1's oneDNN convolution backward pass returns, rarely and at random (about one
 * call in 30 for small layers, on AVX2 and AVX-512 alike), a gradient with NaN although the loss is finite;
 * DJL then keeps the NaN in the gradient buffers for good. So every step checks that the
 * gradients are finite; a step that is not has its gradients cleared and is computed again (at
 * most {@value #RETRIES} times, then training fails with a clear message).
 *
 * <h2>Thread-safety</h2>
 * One {@link #train} at a time per instance; {@link #requestStop()} and {@link #addListener}
 * from any thread.
 */
public final class UnetTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(UnetTrainer.class);
    static final int RETRIES = 5;
    static final int RECALIBRATION_BATCHES = 16;

    /** Training settings (validated by the operator). */
    public record Options(Backbone backbone, int batchSize, int epochs, double learningRate, Criterion criterion,
                          boolean augment, long seed, int threads) {
    }

    /** The loss of {@code -criterion}. */
    public enum Criterion {
        CROSS_ENTROPY("cross_entropy"), FOCAL_LOSS("focal_loss");

        private final String id;

        Criterion(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        FocalLoss loss(int classes) {
            return this == CROSS_ENTROPY ? FocalLoss.crossEntropy(classes) : new FocalLoss(classes, FocalLoss.GAMMA, 1f);
        }
    }

    /** One epoch's scores: training loss and pixel accuracy, validation loss and mean IoU (NaN without validation). */
    public record Epoch(int epoch, int epochs, double loss, double accuracy, double valLoss, double valMeanIou,
                        boolean best, double seconds) {
    }

    /** Receives each epoch as it ends. */
    public interface Listener {
        void onEpoch(Epoch epoch);
    }

    /**
     * A finished run: the kept model, the history, the kept epoch, the validation confusion
     * matrix of the kept model ({@code [truth][predicted]}, class indices; null without validation).
     */
    public record Result(UnetModel model, List<Epoch> history, int bestEpoch, long[][] confusion, boolean stopped,
                         double seconds, int retriedSteps) {
        /** This result with {@code names} for the model's classes. */
        public Result withClassNames(ClassNames names) {
            return new Result(model.withClassNames(names), history, bestEpoch, confusion, stopped, seconds, retriedSteps);
        }
    }

    private final Options options;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;

    public UnetTrainer(Options options) {
        this.options = options;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** Ends training after the current batch, keeping the best model so far. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains on {@code train}, scoring {@code validation} (may be null) after each epoch.
     *
     * @param bandNames input bands (model description)
     * @param classIds  label id of each class index (model description)
     * @param mean      per-band normalisation the patches were made with
     * @param std       per-band normalisation the patches were made with
     * @param initial   weights to start from (fine-tuning), or null for a fresh network
     */
    public Result train(PatchSet train, PatchSet validation, List<String> bandNames, int[] classIds, float[] mean,
                        float[] std, UnetModel initial, Progress progress) {
        TorchRuntime.init();
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(Math.max(1, options.threads()));
        try {
            return run(train, validation, bandNames, classIds, mean, std, initial, progress);
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    private Result run(PatchSet train, PatchSet validation, List<String> bandNames, int[] classIds, float[] mean,
                       float[] std, UnetModel initial, Progress progress) {
        long t0 = System.nanoTime();
        stopRequested = false;
        TorchRuntime.init().setRandomSeed((int) options.seed());
        int k = classIds.length;
        int size = train.size();
        int bands = train.bands();
        int n = train.count();
        int bs = Math.min(options.batchSize(), n);
        int batches = (n + bs - 1) / bs;
        UnetNetwork net = new UnetNetwork(options.backbone(), bands, k);
        FocalLoss loss = options.criterion().loss(k);
        FocalLoss plain = FocalLoss.crossEntropy(k);
        List<Epoch> history = new ArrayList<>();
        UnetModel best = null;
        long[][] bestConfusion = null;
        int bestEpoch = 0;
        double bestIou = Double.NEGATIVE_INFINITY;
        double bestLoss = Double.POSITIVE_INFINITY;
        boolean stopped = false;
        int retried = 0;
        LOG.info("unet: training {} U-Net on {} patches {}×{}² ({} validation), {} classes, {} epochs of {} batches of {},"
                        + " lr {}, {}{}", options.backbone().id(), n, bands, size,
                validation == null ? 0 : validation.count(), k, options.epochs(), batches, bs, options.learningRate(),
                options.criterion().id(), options.augment() ? ", data augmentation" : "");
        try (Model model = Model.newInstance("ai4c-unet", Device.cpu(), TorchRuntime.ENGINE)) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                            .build())
                    .optDevices(new Device[] {Device.cpu()})
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(bs, bands, size, size));
                if (initial != null) copyWeights(initial, net);
                int[] order = new int[n];
                for (int i = 0; i < n; i++) order[i] = i;
                SplittableRandom rng = new SplittableRandom(options.seed());
                float[] bx = new float[bs * train.patchValues()];
                long[] by = new long[bs * train.patchPixels()];
                progress.begin("Training U-Net", (long) options.epochs() * batches);
                for (int epoch = 1; epoch <= options.epochs() && !stopped; epoch++) {
                    long e0 = System.nanoTime();
                    shuffle(order, rng);
                    double lossSum = 0;
                    long correct = 0;
                    long pixels = 0;
                    for (int batch = 0; batch < batches; batch++) {
                        int start = batch * bs;
                        int m = Math.min(bs, n - start);
                        for (int i = 0; i < m; i++) {
                            Augmentation.copy(train, order[start + i], bx, by, i, options.augment() ? rng : null);
                        }
                        try (NDManager sub = trainer.getManager().newSubManager()) {
                            NDArray in = sub.create(FloatBuffer.wrap(bx, 0, m * train.patchValues()),
                                    new Shape(m, bands, size, size));
                            NDArray labels = sub.create(java.util.Arrays.copyOf(by, m * train.patchPixels()),
                                    new Shape(m, size, size));
                            float[] step = guardedStep(trainer, net, loss, in, labels);
                            lossSum += step[0] * m;
                            correct += (long) step[1];
                            retried += (int) step[2];
                            trainer.step();
                        }
                        pixels += (long) m * train.patchPixels();
                        progress.worked(1);
                        progress.checkCancelled();
                        if (stopRequested) {
                            stopped = true;
                            break;
                        }
                    }
                    recalibrateBatchNorm(trainer, net, train, bs);
                    double valLoss = Double.NaN;
                    double valIou = Double.NaN;
                    long[][] confusion = null;
                    if (validation != null && validation.count() > 0) {
                        confusion = new long[k][k];
                        valLoss = evaluate(trainer, plain, validation, bs, confusion);
                        valIou = SegmentationMetrics.mean(SegmentationMetrics.iou(confusion));
                    }
                    boolean isBest = confusion == null || valIou > bestIou || (valIou == bestIou && valLoss < bestLoss);
                    if (isBest) {
                        bestIou = valIou;
                        bestLoss = valLoss;
                        bestEpoch = epoch;
                        bestConfusion = confusion;
                        best = UnetModel.of(net, bandNames, classIds, size, mean, std);
                    }
                    Epoch r = new Epoch(epoch, options.epochs(), lossSum / Math.max(1, pixels / train.patchPixels()),
                            (double) correct / Math.max(1, pixels), valLoss, valIou, isBest, (System.nanoTime() - e0) / 1e9);
                    history.add(r);
                    LOG.info(String.format(Locale.ROOT, "unet: epoch %d/%d loss %.4f accuracy %.4f%s%s (%.1f s)", epoch,
                            options.epochs(), r.loss(), r.accuracy(), confusion == null ? "" : String.format(Locale.ROOT,
                                    " val_loss %.4f val_mean_iou %.4f", valLoss, valIou),
                            isBest && confusion != null ? " best" : "", r.seconds()));
                    for (Listener l : listeners) l.onEpoch(r);
                }
                progress.end();
            }
        }
        if (retried > 0) LOG.info("unet: {} training steps computed again after a non-finite gradient", retried);
        return new Result(best, history, bestEpoch, bestConfusion, stopped, (System.nanoTime() - t0) / 1e9, retried);
    }

    /** Forward and backward of one batch; returns {loss, correctly classified pixels}. */
    static float[] step(Trainer trainer, FocalLoss loss, NDArray in, NDArray labels) {
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(in)).singletonOrThrow();
            NDArray l = loss.evaluate(new NDList(labels), new NDList(logits));
            gc.backward(l);
            return new float[] {l.getFloat(), logits.argMax(1).eq(labels).sum().getLong()};
        }
    }

    /**
     * {@link #step} until the gradients are finite (see the class comment); returns {loss,
     * correct pixels, steps computed again}.
     */
    static float[] guardedStep(Trainer trainer, UnetNetwork net, FocalLoss loss, NDArray in, NDArray labels) {
        return FiniteSteps.run(net, "training", () -> step(trainer, loss, in, labels));
    }

    /**
     * Sets every batch-norm layer's running mean and variance to the plain average of the batch
     * statistics of the current weights over (up to {@value #RECALIBRATION_BATCHES} batches of)
     * the training set ("precise batch norm"). The running averages gathered while training mix
     * statistics of earlier weights and, after a short training, of the initial ones (PyTorch's
     * momentum 0.1 keeps 0.9^20 ≈ 12 % of the start after 20 steps), which makes the evaluated
     * network much worse than the trained one. The batch statistics are recovered from the
     * running update {@code new = keep·old + (1 - keep)·batch} of a training-mode forward pass.
     */
    static void recalibrateBatchNorm(Trainer trainer, UnetNetwork net, PatchSet train, int bs) {
        List<Parameter> running = new ArrayList<>();
        for (Parameter p : net.getParameters().values()) {
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) running.add(p);
        }
        int batches = Math.min(RECALIBRATION_BATCHES, (train.count() + bs - 1) / bs);
        float keep = UnetNetwork.BN_KEEP;
        try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray[] sums = new NDArray[running.size()];
            for (int i = 0; i < sums.length; i++) sums[i] = running.get(i).getArray().zerosLike().toType(
                    ai.djl.ndarray.types.DataType.FLOAT64, false);
            for (int b = 0; b < batches; b++) {
                int start = b * bs;
                int m = Math.min(bs, train.count() - start);
                NDArray[] before = new NDArray[running.size()];
                for (int i = 0; i < before.length; i++) before[i] = running.get(i).getArray().duplicate();
                try (NDManager batch = sub.newSubManager()) {
                    NDArray in = batch.create(FloatBuffer.wrap(train.x(), start * train.patchValues(),
                            m * train.patchValues()), new Shape(m, train.bands(), train.size(), train.size()));
                    trainer.forward(new NDList(in));
                }
                for (int i = 0; i < before.length; i++) {
                    NDArray batchStat = running.get(i).getArray().sub(before[i].mul(keep)).div(1 - keep);
                    sums[i].addi(batchStat.toType(ai.djl.ndarray.types.DataType.FLOAT64, false));
                    batchStat.close();
                    before[i].close();
                }
            }
            for (int i = 0; i < sums.length; i++) {
                sums[i].div(batches).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).copyTo(running.get(i).getArray());
            }
        }
    }

    /** Mean plain cross-entropy over {@code set}, adding its pixels to {@code confusion}. */
    private static double evaluate(Trainer trainer, FocalLoss loss, PatchSet set, int bs, long[][] confusion) {
        double sum = 0;
        int[] predicted = new int[bs * set.patchPixels()];
        long[] y = new long[bs * set.patchPixels()];
        for (int start = 0; start < set.count(); start += bs) {
            int m = Math.min(bs, set.count() - start);
            int px = m * set.patchPixels();
            for (int i = 0; i < px; i++) y[i] = set.y()[start * set.patchPixels() + i];
            try (NDManager sub = trainer.getManager().newSubManager()) {
                NDArray in = sub.create(FloatBuffer.wrap(set.x(), start * set.patchValues(), m * set.patchValues()),
                        new Shape(m, set.bands(), set.size(), set.size()));
                NDArray labels = sub.create(java.util.Arrays.copyOf(y, px), new Shape(m, set.size(), set.size()));
                NDArray logits = trainer.evaluate(new NDList(in)).singletonOrThrow();
                sum += loss.evaluate(new NDList(labels), new NDList(logits)).getFloat() * m;
                int[] p = logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
                System.arraycopy(p, 0, predicted, 0, px);
            }
            SegmentationMetrics.accumulate(confusion, set.y(), predicted, start * set.patchPixels(), px);
        }
        return sum / set.count();
    }

    /** Loads {@code initial}'s tensors of the same name and shape into {@code net} (encoder pre-training, fine-tuning). */
    static int copyWeights(UnetModel initial, UnetNetwork net) {
        int copied = 0;
        for (var e : net.namedWeights().entrySet()) {
            Safetensors.Tensor t = initial.weights().get(e.getKey());
            NDArray a = e.getValue().getArray();
            if (t != null && a.getShape().equals(new Shape(t.shape()))) {
                a.set(FloatBuffer.wrap(t.values()));
                copied++;
            }
        }
        return copied;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
