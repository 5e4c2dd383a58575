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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-supervised pre-training of the U-Net's ResNet encoder with SimCLR (Chen et al. 2020) on
 * unlabeled patches, with DJL on PyTorch (CPU), set up as {@link UnetTrainer}: each epoch the
 * patches are shuffled and cut into batches of {@code n} (a last incomplete batch is left out:
 * the loss needs negatives); each patch gives two random views ({@link SpectralAugmentation});
 * the {@code 2n} views go through encoder and projection head ({@link ContrastiveNetwork}); the
 * NT-Xent loss ({@link NtXentLoss}) pulls each view's projection towards its partner and away
 * from the other {@code 2n - 2}; Adam at a fixed learning rate updates encoder and head. The
 * result is the encoder's weights under the U-Net's names ({@code encoder.*}, batch-norm running
 * statistics included); the head is dropped.
 *
 * <p>Deterministic for a seed and thread count: the weights are initialised after
 * {@code setRandomSeed(seed)}, the batch order and the views come from one
 * {@link SplittableRandom} of the seed, drawn in a fixed order on one thread, and PyTorch runs
 * with the kernels {@link TorchRuntime} pins. Steps whose gradients are not finite are computed
 * again, as {@link UnetTrainer} does (see there why).</p>
 *
 * <p>One {@link #pretrain} at a time per instance; {@link #requestStop()} from any thread.</p>
 */
public final class ContrastivePretrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ContrastivePretrainer.class);

    /** Pre-training settings (validated by the operator). */
    public record Options(Backbone backbone, int batchSize, int epochs, double learningRate, float temperature,
                          long seed, int threads) {
    }

    /** One epoch: mean loss over its batches, share of views whose nearest view is their partner, time. */
    public record Epoch(int epoch, int epochs, double loss, double positiveTop1, double seconds) {
    }

    /** A finished run: the encoder's tensors by U-Net name, the history, steps computed again. */
    public record Result(Map<String, Safetensors.Tensor> encoder, List<Epoch> history, boolean stopped, double seconds,
                         int retriedSteps, int batchSize) {
    }

    private final Options options;
    private volatile boolean stopRequested;

    public ContrastivePretrainer(Options options) {
        this.options = options;
    }

    /** Ends pre-training after the current batch, keeping the weights reached. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Pre-trains on {@code patches} (at least 2). */
    public Result pretrain(UnlabeledPatches.Patches patches, Progress progress) {
        if (patches.count() < 2) {
            throw eu.ai4c.kit.Ai4cException.usage("unet: pre-training needs at least 2 patches (each batch compares"
                    + " every patch with the others); " + patches.source() + " gave " + patches.count()
                    + ". Give more or larger tiles.");
        }
        TorchRuntime.init();
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(Math.max(1, options.threads()));
        try {
            return run(patches, progress);
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    private Result run(UnlabeledPatches.Patches data, Progress progress) {
        long t0 = System.nanoTime();
        stopRequested = false;
        TorchRuntime.init().setRandomSeed((int) options.seed());
        int n = data.count();
        int bs = Math.max(2, Math.min(options.batchSize(), n));
        int batches = n / bs;
        int size = data.size();
        int bands = data.bands();
        int pv = data.patchValues();
        float[] meanOverStd = new float[bands];
        for (int b = 0; b < bands; b++) meanOverStd[b] = data.mean()[b] / data.std()[b];
        NtXentLoss loss = new NtXentLoss(options.temperature());
        ContrastiveNetwork net = new ContrastiveNetwork(options.backbone(), bands);
        List<Epoch> history = new ArrayList<>();
        boolean stopped = false;
        int retried = 0;
        LOG.info("unet: SimCLR pre-training of the {} encoder on {} patches {}×{}², {} epochs of {} batches of {} (x2"
                        + " views), lr {}, temperature {}", options.backbone().id(), n, bands, size, options.epochs(),
                batches, bs, options.learningRate(), options.temperature());
        Map<String, Safetensors.Tensor> encoder = new LinkedHashMap<>();
        try (Model model = Model.newInstance("ai4c-unet-simclr", Device.cpu(), TorchRuntime.ENGINE)) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                            .build())
                    .optDevices(new Device[] {Device.cpu()})
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(2L * bs, bands, size, size));
                int[] order = new int[n];
                for (int i = 0; i < n; i++) order[i] = i;
                SplittableRandom rng = new SplittableRandom(options.seed());
                float[] views = new float[2 * bs * pv];
                progress.begin("Pre-training U-Net encoder", (long) options.epochs() * batches);
                for (int epoch = 1; epoch <= options.epochs() && !stopped; epoch++) {
                    long e0 = System.nanoTime();
                    shuffle(order, rng);
                    double lossSum = 0;
                    double top1Sum = 0;
                    int done = 0;
                    for (int batch = 0; batch < batches; batch++) {
                        for (int i = 0; i < bs; i++) {
                            int p = order[batch * bs + i];
                            SpectralAugmentation.view(data.x(), p, bands, size, meanOverStd, views, i, rng);
                            SpectralAugmentation.view(data.x(), p, bands, size, meanOverStd, views, bs + i, rng);
                        }
                        try (NDManager sub = trainer.getManager().newSubManager()) {
                            NDArray in = sub.create(FloatBuffer.wrap(views), new Shape(2L * bs, bands, size, size));
                            float[] step = guardedStep(trainer, net, loss, in);
                            lossSum += step[0];
                            top1Sum += step[1];
                            retried += (int) step[2];
                            trainer.step();
                        }
                        done++;
                        progress.worked(1);
                        progress.checkCancelled();
                        if (stopRequested) {
                            stopped = true;
                            break;
                        }
                    }
                    Epoch r = new Epoch(epoch, options.epochs(), lossSum / Math.max(1, done), top1Sum / Math.max(1, done),
                            (System.nanoTime() - e0) / 1e9);
                    history.add(r);
                    LOG.info(String.format(Locale.ROOT, "unet: pre-training epoch %d/%d loss %.4f positive_top1 %.3f"
                            + " (%.1f s)", epoch, options.epochs(), r.loss(), r.positiveTop1(), r.seconds()));
                }
                progress.end();
                for (Map.Entry<String, Parameter> e : net.unet().namedWeights().entrySet()) {
                    if (!e.getKey().startsWith("encoder.")) continue;
                    NDArray a = e.getValue().getArray();
                    encoder.put(e.getKey(), new Safetensors.Tensor(a.getShape().getShape(), a.toFloatArray()));
                }
            }
        }
        if (retried > 0) LOG.info("unet: {} pre-training steps computed again after a non-finite gradient", retried);
        return new Result(encoder, history, stopped, (System.nanoTime() - t0) / 1e9, retried, bs);
    }

    /** Forward and backward of one batch of views until the gradients are finite; returns {loss, top-1, retries}. */
    private static float[] guardedStep(Trainer trainer, ContrastiveNetwork net, NtXentLoss loss, NDArray in) {
        return FiniteSteps.run(net, "pre-training", () -> {
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray z = trainer.forward(new NDList(in)).singletonOrThrow();
                NDArray value = loss.loss(z);
                gc.backward(value);
                return new float[] {value.getFloat(), loss.positiveTop1(z)};
            }
        });
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
