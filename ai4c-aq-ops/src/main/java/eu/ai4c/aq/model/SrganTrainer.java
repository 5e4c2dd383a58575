package eu.ai4c.aq.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import eu.ai4c.agri.torch.Tensors;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.kit.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the SRGAN as a conditional Wasserstein GAN with gradient penalty (WGAN-GP) on CPU.
 * Each batch: {@code critic_steps} critic updates minimising {@code D(fake) − D(real) + λ·GP}
 * (fresh noise each time), then one generator update minimising {@code content_weight · content
 * + adversarial_weight · (−D(fake))}. The content term compares generated and true HR fields in
 * normalised units: {@code l1} mean |x − y|, {@code l2} mean (x − y)², or {@code crps} with two
 * noise draws x, x′: mean (|x − y| + |x′ − y|)/2 − mean |x − x′|/2, the ensemble CRPS estimate,
 * which rewards a spread that matches the error (it equals l1 when the draws coincide). Adam with
 * β = (0.5, 0.9) (Gulrajani et al. 2017), written out on PyTorch tensors (DJL's optimisers do not
 * expose their moments, which a checkpoint must carry): with gradient g of step t,
 * m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − α·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)
 * (Kingma &amp; Ba 2015, "Adam: a method for stochastic optimization", ICLR, algorithm 1; ε added
 * after the square root as there and in PyTorch's {@code torch.optim.Adam}). After each epoch the
 * generator is scored on the validation samples (same content term, fixed noise) and the best
 * epoch's weights are kept. Deterministic for a seed: weights come from a Java generator, and each
 * epoch's batch order and noise from one seeded by the config's seed and the epoch number, so a
 * run resumed from a {@link TrainingState} (moments, step counts, best so far) continues to the
 * last bit as the uninterrupted run does.
 *
 * <h2>Thread-safety</h2>
 * One {@link #train} at a time; {@link #requestStop} from any thread.
 */
public final class SrganTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SrganTrainer.class);
    private static final float BETA1 = 0.5f;
    private static final float BETA2 = 0.9f;
    private static final float ADAM_EPS = 1e-8f;

    private final AqConfig cfg;
    private final List<Consumer<EpochLog>> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<EpochLog, Checkpoint>> checkpoints = new CopyOnWriteArrayList<>();
    private volatile boolean stop;
    private int skipped;

    public SrganTrainer(AqConfig cfg) {
        this.cfg = cfg;
    }

    /** Called after each epoch (on the training thread). */
    public void addListener(Consumer<EpochLog> listener) {
        listeners.add(listener);
    }

    /**
     * Called after each completed epoch (on the training thread) with that epoch's weights and
     * optimiser state, to save a checkpoint. An epoch ended early by {@link #requestStop} is not
     * checkpointed: a resumed run starts again at its beginning.
     */
    public void addCheckpointListener(BiConsumer<EpochLog, Checkpoint> listener) {
        checkpoints.add(listener);
    }

    /** Ends training after the current batch, keeping the best model so far. */
    public void requestStop() {
        stop = true;
    }

    /** The weights after a completed epoch and what training needs to continue from them exactly. */
    public record Checkpoint(SrganWeights weights, TrainingState state) {
    }

    /** The outcome of a training run. */
    public record Result(SrganWeights best, int bestEpoch, List<EpochLog> history, boolean stopped,
                         SrganWeights last) {
    }

    /** The architecture the config describes for these samples. */
    public static SrganArchitecture architecture(AqConfig cfg, Batches train) {
        return new SrganArchitecture(train.samples().lrInputs().size(), train.samples().staticInputs().size(),
                cfg.generatorFilters(), cfg.discriminatorFilters(), cfg.residualBlocks(), cfg.noiseChannels(),
                train.targetChannel());
    }

    /**
     * Trains.
     *
     * @param validation may be null
     * @param start      weights to continue from (a checkpoint), or null for fresh ones
     * @param firstEpoch the epoch to start at (1, or after the checkpoint's)
     */
    public Result train(Batches train, Batches validation, SrganWeights start, int firstEpoch, Progress progress) {
        return train(train, validation, start, null, firstEpoch, progress);
    }

    /**
     * Trains, continuing a checkpoint exactly when its state is given.
     *
     * @param validation may be null
     * @param start      weights to continue from (a checkpoint), or null for fresh ones
     * @param state      the optimiser state saved with {@code start}, or null: Adam's moments start at zero
     * @param firstEpoch the epoch to start at (1, or after the checkpoint's)
     */
    public Result train(Batches train, Batches validation, SrganWeights start, TrainingState state, int firstEpoch,
                        Progress progress) {
        stop = false;
        skipped = state == null ? 0 : state.skipped();
        TorchRuntime.init();
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            return trainOnThisThread(train, validation, start, state, firstEpoch, progress);
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    private Result trainOnThisThread(Batches train, Batches validation, SrganWeights start, TrainingState state,
                                     int firstEpoch, Progress progress) {
        SrganArchitecture arch = architecture(cfg, train);
        SrganWeights init = start != null ? start : SrganWeights.initial(arch, cfg.seed());
        int n = train.count();
        int bs = Math.min(cfg.batchSize(), n);
        int batches = n / bs;
        List<EpochLog> history = new ArrayList<>();
        SrganWeights best = state == null ? null : state.best();
        int bestEpoch = state == null ? 0 : state.bestEpoch();
        double bestScore = state == null ? Double.POSITIVE_INFINITY : state.bestScore();
        boolean stopped = false;
        int h = train.samples().lrH();
        int w = train.samples().lrW();
        int hh = train.samples().hrH();
        int hw = train.samples().hrW();
        int c = arch.lrChannels();
        int s = arch.staticChannels();
        float[] lr = new float[bs * c * h * w];
        float[] st = new float[bs * s * hh * hw];
        float[] y = new float[bs * hh * hw];
        float[] up = new float[bs * hh * hw];
        float[] zl = new float[bs * arch.noise() * h * w];
        float[] zh = new float[bs * hh * hw];
        float[] zl2 = new float[zl.length];
        float[] zh2 = new float[zh.length];
        float[] eps = new float[bs];
        int[] order = new int[n];
        LOG.info("aqgan-train: {} training samples{}, {} epochs of {} batches of {}, generator {} filters × {} blocks,"
                        + " critic {}, lr {}, λ {}, content {} × {}, adversarial × {}, critic steps {}", n,
                validation == null ? "" : ", " + validation.count() + " validation", cfg.epochs(), batches, bs,
                arch.filters(), arch.blocks(), arch.criticFilters(), cfg.learningRate(), cfg.gradientPenaltyWeight(),
                cfg.contentLoss(), cfg.contentWeight(), cfg.adversarialWeight(), cfg.criticSteps());
        try (SrganNet net = new SrganNet(init)) {
            Engine engine = net.manager().getEngine();
            Map<String, NDArray[]> adam = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> p : net.parameters().entrySet()) {
                Shape shape = p.getValue().getShape();
                adam.put(p.getKey(), state == null
                        ? new NDArray[] {net.manager().zeros(shape), net.manager().zeros(shape)}
                        : new NDArray[] {Tensors.of(net.manager(), state.firstMoment().get(p.getKey()), shape),
                                Tensors.of(net.manager(), state.secondMoment().get(p.getKey()), shape)});
            }
            // Adam step counts: critic, generator
            int[] steps = state == null ? new int[] {0, 0} : new int[] {state.criticSteps(), state.generatorSteps()};
            progress.begin("Training SRGAN", (long) (cfg.epochs() - firstEpoch + 1) * batches);
            for (int epoch = firstEpoch; epoch <= cfg.epochs() && !stopped; epoch++) {
                long t0 = System.nanoTime();
                // the epoch's batch order and noise depend on the seed and the epoch only: resumable exactly
                SplittableRandom rng = new SplittableRandom(cfg.seed() + 31L * epoch);
                for (int i = 0; i < n; i++) order[i] = i;
                shuffle(order, rng);
                double sumCritic = 0;
                double sumGen = 0;
                double sumW = 0;
                double sumGp = 0;
                double sumContent = 0;
                int done = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * bs;
                    train.lr(order, from, bs, lr);
                    train.statics(order, from, bs, st);
                    train.target(order, from, bs, y);
                    train.base(order, from, bs, up);
                    for (int k = 0; k < cfg.criticSteps(); k++) {
                        Batches.gaussian(rng, zl, zl.length);
                        Batches.gaussian(rng, zh, zh.length);
                        for (int i = 0; i < bs; i++) eps[i] = (float) rng.nextDouble();
                        try (NDManager step = net.manager().newSubManager()) {
                            NDArray lrA = Tensors.of(step, lr, new Shape(bs, c, h, w));
                            NDArray stA = Tensors.of(step, st, new Shape(bs, s, hh, hw));
                            NDArray real = Tensors.of(step, y, new Shape(bs, 1, hh, hw));
                            NDArray lrUp = Tensors.of(step, up, new Shape(bs, 1, hh, hw));
                            NDArray fake = net.generate(lrA, Tensors.of(step, zl, new Shape(bs, arch.noise(), h, w)),
                                    stA, Tensors.of(step, zh, new Shape(bs, 1, hh, hw)), lrUp).stopGradient();
                            SrganNet view = net.withLeaves("d.", step);
                            NDArray xHat = GradientPenalty.interpolate(real, fake, Tensors.of(step, eps, new Shape(bs, 1, 1, 1)));
                            double dReal;
                            double dFake;
                            double gp;
                            try (GradientCollector gc = engine.newGradientCollector()) {
                                NDArray r = view.critic(real, stA, lrUp).mean();
                                NDArray f = view.critic(fake, stA, lrUp).mean();
                                NDArray pen = GradientPenalty.of(view.criticInputGradient(xHat, stA, lrUp),
                                        cfg.gradientPenaltyWeight());
                                gc.backward(f.sub(r).add(pen));
                                dReal = r.getFloat();
                                dFake = f.getFloat();
                                gp = pen.getFloat();
                            }
                            Map<String, NDArray> grads = gradients(view, "d.", step);
                            steps[0]++;
                            adamStep(net, adam, grads, steps[0], step);
                            if (k == cfg.criticSteps() - 1) {
                                sumCritic += dFake - dReal + gp;
                                sumW += dReal - dFake;
                                sumGp += gp;
                            }
                        }
                    }
                    Batches.gaussian(rng, zl, zl.length);
                    Batches.gaussian(rng, zh, zh.length);
                    Batches.gaussian(rng, zl2, zl2.length);
                    Batches.gaussian(rng, zh2, zh2.length);
                    try (NDManager step = net.manager().newSubManager()) {
                        NDArray lrA = Tensors.of(step, lr, new Shape(bs, c, h, w));
                        NDArray stA = Tensors.of(step, st, new Shape(bs, s, hh, hw));
                        NDArray real = Tensors.of(step, y, new Shape(bs, 1, hh, hw));
                        NDArray lrUp = Tensors.of(step, up, new Shape(bs, 1, hh, hw));
                        SrganNet view = net.withLeaves("g.", step);
                        try (GradientCollector gc = engine.newGradientCollector()) {
                            NDArray f1 = view.generate(lrA, Tensors.of(step, zl, new Shape(bs, arch.noise(), h, w)),
                                    stA, Tensors.of(step, zh, new Shape(bs, 1, hh, hw)), lrUp);
                            NDArray content;
                            NDArray adv;
                            if (cfg.contentLoss().equals("crps")) {
                                NDArray f2 = view.generate(lrA, Tensors.of(step, zl2, new Shape(bs, arch.noise(), h, w)),
                                        stA, Tensors.of(step, zh2, new Shape(bs, 1, hh, hw)), lrUp);
                                NDArray half = Tensors.scalar(step, 0.5f);
                                content = f1.sub(real).abs().mean().add(f2.sub(real).abs().mean()).mul(half)
                                        .sub(f1.sub(f2).abs().mean().mul(half));
                                adv = view.critic(f1, stA, lrUp).mean().add(view.critic(f2, stA, lrUp).mean())
                                        .mul(Tensors.scalar(step, -0.5f));
                            } else {
                                NDArray d = f1.sub(real);
                                content = cfg.contentLoss().equals("l2") ? d.square().mean() : d.abs().mean();
                                adv = view.critic(f1, stA, lrUp).mean().neg();
                            }
                            NDArray loss = content.mul(Tensors.scalar(step, (float) cfg.contentWeight()))
                                    .add(adv.mul(Tensors.scalar(step, (float) cfg.adversarialWeight())));
                            gc.backward(loss);
                            sumGen += loss.getFloat();
                            sumContent += content.getFloat();
                        }
                        Map<String, NDArray> grads = gradients(view, "g.", step);
                        steps[1]++;
                        adamStep(net, adam, grads, steps[1], step);
                    }
                    done++;
                    if (LOG.isDebugEnabled()) {
                        LOG.debug(String.format(Locale.ROOT, "aqgan-train: epoch %d batch %d/%d critic %.4f generator %.4f",
                                epoch, b + 1, batches, sumCritic / done, sumGen / done));
                    }
                    progress.worked(1);
                    progress.checkCancelled();
                    if (stop) {
                        stopped = true;
                        break;
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double[] val = validation == null ? new double[] {Double.NaN, Double.NaN} : validate(net, validation);
                double score = validation == null ? -epoch : val[0];
                boolean isBest = score < bestScore;
                SrganWeights current = net.weights();
                if (isBest) {
                    bestScore = score;
                    bestEpoch = epoch;
                    best = current;
                }
                if (skipped > 0) {
                    LOG.warn("aqgan-train: {} update(s) with non-finite gradients skipped so far", skipped);
                    if (skipped > Math.max(10, (long) epoch * batches * (1 + cfg.criticSteps()) / 4)) {
                        throw new eu.ai4c.kit.Ai4cException("aqgan-train: training diverged (non-finite gradients in "
                                + skipped + " updates by epoch " + epoch + "). Lower learning_rate in the config (now "
                                + cfg.learningRate() + ") and train again.");
                    }
                }
                int m = Math.max(1, done);
                EpochLog log = new EpochLog(epoch, sumCritic / m, sumGen / m, sumW / m, sumGp / m, sumContent / m,
                        val[0], val[1], seconds, done * (double) bs / seconds, isBest);
                history.add(log);
                LOG.info(String.format(Locale.ROOT, "aqgan-train: epoch %d/%d critic %.4f generator %.4f W %.4f GP %.4f"
                                + " content %.4f val_content %.4f val_rmse %.3f%s (%.1f s, %.1f samples/s)", epoch,
                        cfg.epochs(), log.criticLoss(), log.generatorLoss(), log.wasserstein(), log.gradientPenalty(),
                        log.content(), log.valContent(), log.valRmse(), isBest ? " best" : "", seconds,
                        log.samplesPerSecond()));
                for (Consumer<EpochLog> l : listeners) l.accept(log);
                if (done == batches && !checkpoints.isEmpty()) {
                    Checkpoint cp = new Checkpoint(current, new TrainingState(moments(net, adam, 0),
                            moments(net, adam, 1), steps[0], steps[1], bestEpoch, bestScore, best, skipped));
                    for (BiConsumer<EpochLog, Checkpoint> l : checkpoints) l.accept(log, cp);
                }
                if (stopped) LOG.info("aqgan-train: stopped on request after epoch {}; keeping epoch {}", epoch, bestEpoch);
            }
            progress.end();
            return new Result(best, bestEpoch, history, stopped, net.weights());
        }
    }

    /** Adam's first ({@code which} 0) or second (1) moments as plain arrays. */
    private static SrganWeights moments(SrganNet net, Map<String, NDArray[]> adam, int which) {
        Map<String, float[]> v = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray[]> e : adam.entrySet()) v.put(e.getKey(), e.getValue()[which].toFloatArray());
        return SrganWeights.of(net.architecture(), v);
    }

    /** The gradients of a view's parameters named {@code prefix…}, attached to {@code step}. */
    private static Map<String, NDArray> gradients(SrganNet view, String prefix, NDManager step) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : view.parameters().entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            NDArray g = e.getValue().getGradient();
            g.attach(step);
            grads.put(e.getKey(), g);
        }
        return grads;
    }

    /**
     * One Adam update of the parameters named in {@code grads} with those gradients; a step whose
     * gradients are not all finite is skipped (counted in {@link #skipped}) rather than poisoning
     * the weights, as mixed-precision trainers do.
     *
     * @return false when skipped
     */
    private boolean adamStep(SrganNet net, Map<String, NDArray[]> adam, Map<String, NDArray> grads, int t, NDManager tmp) {
        for (NDArray g : grads.values()) {
            NDArray total = g.abs().sum();
            total.attach(tmp);
            if (!Float.isFinite(total.getFloat())) {
                skipped++;
                return false;
            }
        }
        float lr = (float) cfg.learningRate();
        float c1 = (float) (1 - Math.pow(BETA1, t));
        float c2 = (float) (1 - Math.pow(BETA2, t));
        for (Map.Entry<String, NDArray> e : grads.entrySet()) {
            NDArray p = net.parameters().get(e.getKey());
            NDArray g = e.getValue();
            NDArray[] mv = adam.get(e.getKey());
            // every constant as a PyTorch-owned scalar (Tensors): DJL's own scalars may be freed under the op
            mv[0].muli(Tensors.scalar(tmp, BETA1)).addi(g.mul(Tensors.scalar(tmp, 1 - BETA1)));
            mv[1].muli(Tensors.scalar(tmp, BETA2)).addi(g.square().mul(Tensors.scalar(tmp, 1 - BETA2)));
            NDArray denom = mv[1].mul(Tensors.scalar(tmp, 1 / c2));
            denom.attach(tmp);
            NDArray update = mv[0].mul(Tensors.scalar(tmp, 1 / c1));
            update.attach(tmp);
            NDArray root = denom.sqrt();
            root.attach(tmp);
            p.subi(update.divi(root.addi(Tensors.scalar(tmp, ADAM_EPS))).muli(Tensors.scalar(tmp, lr)));
        }
        return true;
    }

    /** {validation content term, RMSE (µg m⁻³) of the two-member mean}; fixed noise so epochs compare. */
    private double[] validate(SrganNet net, Batches val) {
        SrganArchitecture arch = net.architecture();
        int n = val.count();
        int chunk = 64;
        int h = val.samples().lrH();
        int w = val.samples().lrW();
        int hh = val.samples().hrH();
        int hw = val.samples().hrW();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        SplittableRandom rng = new SplittableRandom(cfg.seed() ^ 0x5DEECE66DL);
        double content = 0;
        double se = 0;
        double std = val.samples().std()[arch.targetChannel()];
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            float[] lr = new float[m * arch.lrChannels() * h * w];
            float[] st = new float[m * arch.staticChannels() * hh * hw];
            float[] y = new float[m * hh * hw];
            float[] up = new float[m * hh * hw];
            val.base(idx, from, m, up);
            val.lr(idx, from, m, lr);
            val.statics(idx, from, m, st);
            val.target(idx, from, m, y);
            float[][] f = new float[2][];
            try (NDManager step = net.manager().newSubManager()) {
                NDArray lrA = Tensors.of(step, lr, new Shape(m, arch.lrChannels(), h, w));
                NDArray stA = Tensors.of(step, st, new Shape(m, arch.staticChannels(), hh, hw));
                NDArray upA = Tensors.of(step, up, new Shape(m, 1, hh, hw));
                for (int k = 0; k < 2; k++) {
                    float[] zl = new float[m * arch.noise() * h * w];
                    float[] zh = new float[m * hh * hw];
                    Batches.gaussian(rng, zl, zl.length);
                    Batches.gaussian(rng, zh, zh.length);
                    f[k] = net.generate(lrA, Tensors.of(step, zl, new Shape(m, arch.noise(), h, w)), stA,
                            Tensors.of(step, zh, new Shape(m, 1, hh, hw)), upA).toFloatArray();
                }
            }
            for (int i = 0; i < y.length; i++) {
                double a = f[0][i] - y[i];
                double b = f[1][i] - y[i];
                content += switch (cfg.contentLoss()) {
                    case "crps" -> (Math.abs(a) + Math.abs(b)) / 2 - Math.abs(f[0][i] - f[1][i]) / 2;
                    case "l2" -> a * a;
                    default -> Math.abs(a);
                };
                double mean = (a + b) / 2 * std;
                se += mean * mean;
            }
        }
        long cells = (long) n * hh * hw;
        return new double[] {content / cells, Math.sqrt(se / cells)};
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
