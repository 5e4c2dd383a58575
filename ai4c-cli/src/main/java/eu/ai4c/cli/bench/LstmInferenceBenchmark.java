package eu.ai4c.cli.bench;

import eu.ai4c.agri.lstm.Activation;
import eu.ai4c.agri.lstm.DjlLstmClassifier;
import eu.ai4c.agri.lstm.LstmClassifier;
import eu.ai4c.agri.lstm.LstmModel;
import eu.ai4c.agri.lstm.RandomModels;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code lstm-inference}: class probabilities of N pixel series (default N = 100,000; 12 months ×
 * 9 bands → LSTM 64 → Dense 16, random weights) by the plain-Java forward pass on all threads, in
 * batches of {@value #BATCH} series as the crop-map tile loop calls it, against DJL/PyTorch on the
 * same weights and inputs in one call (PyTorch's own threads). The two results must agree to
 * 1e-4 in probability.
 */
public final class LstmInferenceBenchmark extends DeclaredBenchmark {
    private static final int BATCH = 1024;

    public LstmInferenceBenchmark() {
        super("lstm-inference",
                "Plain-Java LSTM (12x9 -> 64 -> 16) on all threads vs PyTorch (DJL) for N series (default N 100000).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(100_000);
        int threads = context.processing().threads();
        LstmModel model = RandomModels.of(1, 12, 9, new int[] {64}, new int[] {16}, Activation.LINEAR);
        float[] x = RandomModels.series(2, model, n);
        float[] java = new float[n * model.classes()];
        float[] torch = new float[n * model.classes()];
        LstmClassifier plain = new LstmClassifier(model);
        BenchContext.Measured ours = context.measure(() -> predictParallel(plain, x, java, n, threads));
        double peer;
        try (DjlLstmClassifier djl = new DjlLstmClassifier(model)) {
            peer = context.medianSeconds(() -> djl.predict(x, 0, n, torch));
        }
        double max = 0;
        for (int i = 0; i < java.length; i++) max = Math.max(max, Math.abs(java[i] - torch[i]));
        if (!(max < 1e-4)) {
            throw new Ai4cException("lstm-inference: plain Java and PyTorch differ by " + max
                    + " in probability on the same model: one forward pass is wrong.");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", threads);
        extra.put("series_per_s", Math.round(n / ours.seconds()));
        extra.put("max_probability_difference", max);
        return List.of(BenchResult.of(name(), n + " series x 12 x 9, " + model.describe(), ours,
                "PyTorch (DJL), one call", peer, extra));
    }

    private static void predictParallel(SequenceClassifier c, float[] x, float[] p, int n, int threads)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int len = c.timesteps() * c.bands(), k = c.classes();
            List<Future<?>> jobs = new ArrayList<>();
            for (int start = 0; start < n; start += BATCH) {
                int s = start, m = Math.min(BATCH, n - start);
                jobs.add(pool.submit(() -> {
                    float[] out = new float[m * k];
                    c.predict(x, s * len, m, out);
                    System.arraycopy(out, 0, p, s * k, m * k);
                }));
            }
            for (Future<?> f : jobs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Ai4cException("lstm-inference interrupted", e);
        } catch (ExecutionException e) {
            throw new Ai4cException("lstm-inference: the plain-Java forward pass failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
