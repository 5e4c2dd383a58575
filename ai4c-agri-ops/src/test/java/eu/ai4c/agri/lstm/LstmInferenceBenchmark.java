package eu.ai4c.agri.lstm;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Inference speed of the two forward passes on the default architecture (12×9 → LSTM 64 →
 * Dense 16): plain Java on 1 and on N threads (one shared {@link LstmClassifier}, batches of
 * {@value #BATCH} series per call, as a crop-map tile loop would do) against DJL/PyTorch (one
 * {@link DjlLstmClassifier}: all series in one call, chunks of 4096, PyTorch's own intra-op
 * threads; and N threads sharing it with calls of {@value #BATCH}). Prints pixels
 * (series) per second, best of three timed runs after a warm-up. Not run by the test suite:
 * {@code java -cp … eu.ai4c.agri.lstm.LstmInferenceBenchmark [series] [threads]}.
 */
public final class LstmInferenceBenchmark {
    private static final int BATCH = 1024;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        LstmModel model = RandomModels.of(1, 12, 9, new int[] {64}, new int[] {16}, Activation.LINEAR);
        float[] x = RandomModels.series(2, model, n);
        float[] p = new float[n * model.classes()];
        LstmClassifier java = new LstmClassifier(model);
        report("plain Java, 1 thread", n, () -> predictParallel(java, x, p, n, 1));
        report("plain Java, " + threads + " threads", n, () -> predictParallel(java, x, p, n, threads));
        try (DjlLstmClassifier djl = new DjlLstmClassifier(model)) {
            report("DJL, one call", n, () -> djl.predict(x, 0, n, p));
            report("DJL, " + threads + " threads × " + BATCH, n, () -> predictParallel(djl, x, p, n, threads));
        }
    }

    private static void predictParallel(eu.ai4c.agri.model.SequenceClassifier c, float[] x, float[] p, int n, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int len = c.timesteps() * c.bands();
            int k = c.classes();
            java.util.List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int start = 0; start < n; start += BATCH) {
                int s = start;
                int m = Math.min(BATCH, n - start);
                jobs.add(pool.submit(() -> {
                    float[] out = new float[m * k];
                    c.predict(x, s * len, m, out);
                    System.arraycopy(out, 0, p, s * k, m * k);
                }));
            }
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdown();
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static void report(String name, int n, Run run) throws Exception {
        run.run(); // warm-up (JIT, native threads)
        double best = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (processCpuNanos() - c0) / 1e9);
        }
        // pixels per CPU-second is the steadier figure on a shared machine
        System.out.printf(Locale.ROOT, "lstm-inference %-24s %10.0f pixels/s %10.0f pixels/cpu-s (%d series in %.2f s)%n",
                name, n / best, n / cpu, n, best);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
