package eu.ai4c.agri.lstm;

import static org.junit.jupiter.api.Assertions.*;

import eu.ai4c.agri.torch.TorchRuntime;
import org.junit.jupiter.api.Test;

/** The plain-Java forward pass against DJL/PyTorch on the same weights (independent engines). */
class LstmForwardTest {

    @Test
    void plainJavaMatchesPyTorchForOneLayer() {
        check(RandomModels.of(1, 12, 9, new int[] {64}, new int[] {16}, Activation.LINEAR), 300);
    }

    @Test
    void plainJavaMatchesPyTorchForStackedLayersAndHiddenDense() {
        check(RandomModels.of(2, 12, 9, new int[] {32, 48}, new int[] {24, 16}, Activation.RELU), 200);
    }

    /**
     * Both engines agree with each other within 1e-5 in probability (each is within ~1e-7 of a
     * float64 reference, see {@link CpuIndependenceTest}), and the values are probabilities.
     */
    private static void check(LstmModel model, int n) {
        float[] x = RandomModels.series(5, model, n);
        int k = model.classes();
        float[] java = new float[n * k];
        float[] torch = new float[n * k];
        new LstmClassifier(model).predict(x, 0, n, java);
        try (DjlLstmClassifier djl = new DjlLstmClassifier(model)) {
            djl.predict(x, 0, n, torch);
        }
        // the engine ran from the class path's native jar: offline mode forbids any download
        assertEquals("true", System.getProperty("ai.djl.offline"));
        double max = 0;
        for (int i = 0; i < java.length; i++) max = Math.max(max, Math.abs(java[i] - torch[i]));
        assertTrue(max < CpuIndependenceTest.TOLERANCE, "max probability difference " + max + " on "
                + TorchRuntime.describe() + "; against float64: Java "
                + LstmReference.maxDifference(java, LstmReference.predict(model, x, 0, n)) + ", PyTorch "
                + LstmReference.maxDifference(torch, LstmReference.predict(model, x, 0, n)));
        // probabilities, and not all alike (the comparison would be vacuous otherwise)
        double sum = 0;
        for (int c = 0; c < k; c++) sum += java[c];
        assertEquals(1.0, sum, 1e-5);
        assertNotEquals(java[0], java[k]);
    }

    @Test
    void pyTorchClassifierGivesTheSameResultsFromConcurrentThreads() throws Exception {
        LstmModel model = RandomModels.of(4, 12, 9, new int[] {64}, new int[] {16}, Activation.LINEAR);
        int n = 2000;
        float[] x = RandomModels.series(8, model, n);
        float[] reference = new float[n * 16];
        try (DjlLstmClassifier djl = new DjlLstmClassifier(model)) {
            djl.predict(x, 0, n, reference);
            float[] parallel = new float[n * 16];
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
                for (int start = 0; start < n; start += 250) {
                    int s = start;
                    jobs.add(pool.submit(() -> {
                        float[] out = new float[250 * 16];
                        djl.predict(x, s * model.seriesLength(), 250, out);
                        System.arraycopy(out, 0, parallel, s * 16, out.length);
                    }));
                }
                for (java.util.concurrent.Future<?> f : jobs) f.get();
            } finally {
                pool.shutdown();
            }
            assertArrayEquals(reference, parallel, 1e-6f);
        }
    }

    @Test
    void offsetAndBatchSplitGiveTheSameProbabilities() {
        LstmModel model = RandomModels.of(3, 12, 9, new int[] {16}, new int[] {16}, Activation.LINEAR);
        float[] x = RandomModels.series(9, model, 10);
        LstmClassifier c = new LstmClassifier(model);
        float[] all = new float[10 * 16];
        c.predict(x, 0, 10, all);
        float[] part = new float[3 * 16];
        c.predict(x, 4 * model.seriesLength(), 3, part);
        for (int i = 0; i < part.length; i++) assertEquals(all[4 * 16 + i], part[i], 0f);
    }
}
