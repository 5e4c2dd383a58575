package eu.ai4c.agri.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.torch.TorchRuntime;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's LSTM results do not depend on the CPU: on every layer size, both engines agree with
 * a float64 reference of the same network ({@link LstmReference}).
 *
 * <p>Why these sizes: with PyTorch 2.7.1 on an AVX-512 CPU, oneDNN's AVX-512 LSTM kernels were
 * off by 0.084 (16 units), 0.067 (48 units) and 0.012 (32 → 48 stacked) in probability, while
 * 32, 64 and 128 units were right; {@link TorchRuntime} pins every library to its AVX2 kernels
 * (oneDNN to its SSE4.1 ones), which this test checks on the machine it runs on.</p>
 *
 * <p>Tolerance 1e-5 in probability: a float32 LSTM of ≤ 128 units over 12 steps accumulates
 * about 1e-7 of rounding error against float64 (measured 2e-8 to 2.4e-7 for both engines), so
 * 1e-5 leaves a factor 40 for other CPUs' summation orders while any wrong kernel (≥ 1e-3 so
 * far) fails.</p>
 */
class CpuIndependenceTest {
    static final double TOLERANCE = 1e-5;

    @Test
    void unitsThatAreNoMultipleOf32() {
        check(RandomModels.of(21, 12, 9, new int[] {16}, new int[] {16}, Activation.LINEAR), 300);
        check(RandomModels.of(22, 12, 9, new int[] {48}, new int[] {16}, Activation.LINEAR), 300);
        check(RandomModels.of(23, 12, 9, new int[] {20}, new int[] {16}, Activation.LINEAR), 300);
    }

    @Test
    void usualSizes() {
        check(RandomModels.of(24, 12, 9, new int[] {64}, new int[] {16}, Activation.LINEAR), 300);
        check(RandomModels.of(25, 12, 9, new int[] {128}, new int[] {16}, Activation.LINEAR), 100);
    }

    @Test
    void stackedLayers() {
        check(RandomModels.of(26, 12, 9, new int[] {32, 48}, new int[] {24, 16}, Activation.RELU), 200);
        check(RandomModels.of(27, 12, 9, new int[] {32, 16}, new int[] {16}, Activation.LINEAR), 200);
    }

    @Test
    void kernelsArePinned() {
        TorchRuntime.init();
        boolean x86 = System.getProperty("os.arch").matches("amd64|x86_64");
        boolean userSet = System.getenv(TorchRuntime.Pin.ATEN.variable()) != null;
        if (x86 && !userSet && TorchRuntime.cpuVectorFlags().contains("avx2")) {
            assertEquals("AVX2", TorchRuntime.atenCapability(), TorchRuntime.describe());
            for (TorchRuntime.Pin pin : TorchRuntime.Pin.values()) {
                assertEquals(pin.value(), TorchRuntime.environment().get(pin.variable()), TorchRuntime.describe());
            }
        }
    }

    /** Both engines against the float64 reference on {@code n} random series. */
    static void check(LstmModel model, int n) {
        float[] x = RandomModels.series(n, model, n);
        double[] reference = LstmReference.predict(model, x, 0, n);
        float[] java = new float[reference.length];
        float[] torch = new float[reference.length];
        new LstmClassifier(model).predict(x, 0, n, java);
        try (DjlLstmClassifier djl = new DjlLstmClassifier(model)) {
            djl.predict(x, 0, n, torch);
        }
        double javaError = LstmReference.maxDifference(java, reference);
        double torchError = LstmReference.maxDifference(torch, reference);
        String where = model.describe() + " on " + TorchRuntime.describe();
        assertTrue(javaError < TOLERANCE, "plain Java differs from float64 by " + javaError + ": " + where);
        assertTrue(torchError < TOLERANCE, "PyTorch differs from float64 by " + torchError
                + " (tolerance " + TOLERANCE + ", float32 rounding is ~1e-7): " + where);
        // not a vacuous comparison: the series get different, non-uniform probabilities
        double spread = 0;
        for (int c = 0; c < model.classes(); c++) spread += Math.abs(reference[c] - reference[model.classes() + c]);
        assertTrue(spread > 1e-3, "two series got the same probabilities (" + spread + ")");
    }
}
