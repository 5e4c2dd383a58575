package eu.ai4c.agri.unet.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.TestModels;
import eu.ai4c.agri.unet.UnetModel;
import eu.ai4c.agri.unet.UnetNetwork;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-Java forward pass ({@link UnetInference}) against the PyTorch engine's
 * ({@link UnetNetwork} in inference mode), and its kernels against each other.
 *
 * <p>Against PyTorch: logits within {@value #TOLERANCE} × the largest |logit|, probabilities within
 * 1e-4 (as for ONNX, {@code UnetOnnxTest}): both compute the same float32 operations but sum each output's 9·C
 * products in different orders, and the batch norm is folded into the weights here (rounded once
 * per weight) where PyTorch applies it after the convolution; float32 rounding accumulated over
 * 20–60 layers gives differences of 1e-6 to 4e-6 of the largest logit (printed). A wrong padding, stride, tap offset,
 * batch-norm epsilon or a missing ReLU gives 1e-3 or more.</p>
 *
 * <p>Between kernels: no tolerance. Scalar {@link Math#fma}, 256-bit vectors (AVX2) and 512-bit
 * vectors (AVX-512) run the same operations in the same order for every pixel, so every logit must
 * be the same float, bit for bit: this is what makes the class maps the same on every CPU.</p>
 */
class UnetInferenceTest {
    /** Relative to the largest logit (float32 rounding grows with the values summed). */
    static final double TOLERANCE = 1e-5;

    @Test
    void resnet18AgreesWithThePyTorchEngine() {
        compareWithTorch(Backbone.RESNET18, 64, 3);
        compareWithTorch(Backbone.RESNET18, 96, 4);
    }

    @Test
    void resnet50AgreesWithThePyTorchEngine() {
        compareWithTorch(Backbone.RESNET50, 64, 5);
    }

    /** The tensors the plain-Java pass expects are, name for name and shape for shape, those of the PyTorch network. */
    @Test
    void tensorShapesAreThoseOfThePyTorchNetwork() {
        for (Backbone b : Backbone.values()) {
            UnetModel model = UnetModel.initialised(b, 4, 3, 64, 1);
            java.util.Map<String, long[]> shapes = UnetInference.tensorShapes(b, 4, 3);
            assertEquals(List.copyOf(model.weights().keySet()), List.copyOf(shapes.keySet()), b.id());
            for (String name : shapes.keySet()) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(model.weights().get(name).shape(), shapes.get(name),
                        b.id() + " " + name);
            }
            UnetInference.requireMatchingTensors(model);
        }
    }

    /**
     * Scalar and vector kernels here, and the vector kernel in JVMs limited to 256-bit (an AVX2
     * machine's width) and 128-bit vectors, and to AVX2 instructions: the same logits, bit for bit.
     */
    @Test
    void everyKernelAndVectorWidthGivesTheSameBits(@TempDir Path dir) throws Exception {
        if (!ConvKernel.vectorApiEnabled()) {
            throw new AssertionError("the tests must run with --add-modules jdk.incubator.vector (see the pom's argLine)");
        }
        UnetModel model = KernelProbe.model();
        float[] window = KernelProbe.window();
        float[] scalar = new UnetInference(model, new ScalarConvKernel()).logits(window, KernelProbe.SIZE);
        assertTrue(finite(scalar));
        sameBits("vector kernel in this JVM (" + VectorKernels.create().name() + ")", scalar,
                new UnetInference(model, VectorKernels.create()).logits(window, KernelProbe.SIZE));
        for (List<String> options : List.of(List.of("-XX:MaxVectorSize=32"), List.of("-XX:MaxVectorSize=16"),
                List.of("-XX:UseAVX=2"))) {
            Path out = dir.resolve("logits-" + options.get(0).replaceAll("\\W", "") + ".bin");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "--add-modules", "jdk.incubator.vector", "-XX:+IgnoreUnrecognizedVMOptions"));
            command.addAll(options);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelProbe.class.getName(),
                    out.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "probe timed out");
            assertEquals(0, p.exitValue(), options + ":\n" + log);
            String kernel = log.lines().filter(l -> l.startsWith("kernel ")).findFirst().orElse("?");
            sameBits("JVM with " + options + " (" + kernel + ")", scalar, KernelProbe.read(out));
            if (!options.get(0).equals("-XX:UseAVX=2")) {
                int bits = Integer.parseInt(options.get(0).replaceAll("\\D", "")) * 8;
                assertEquals("kernel vector" + bits, kernel, "the width the JVM was limited to");
            }
        }
    }

    private static void sameBits(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                throw new AssertionError(what + ": logit " + i + " is " + actual[i] + ", scalar kernel " + expected[i]);
            }
        }
    }

    @Test
    void softmaxSumsToOneAndKeepsTheOrder() {
        float[] v = {1f, -3f, 80f, 2f, 0f, 80f}; // 3 classes × 2 pixels
        UnetInference.softmax(v, 3, 2);
        assertEquals(1.0, v[0] + v[2] + v[4], 1e-6);
        assertEquals(1.0, v[1] + v[3] + v[5], 1e-6);
        assertTrue(v[2] > v[0] && v[0] > v[4], "order of pixel 0");
        assertEquals(1.0, v[5], 1e-6);
        assertEquals(Math.exp(1 - 80) / (Math.exp(1 - 80) + 1 + Math.exp(-80)), v[0], 1e-40);
        assertEquals(Math.exp(-3 - 80) / (Math.exp(-3 - 80) + Math.exp(2 - 80) + 1), v[1], 1e-40);
    }

    private static void compareWithTorch(Backbone backbone, int size, long seed) {
        UnetModel model = TestModels.perturbed(UnetModel.initialised(backbone, 4, 3, size, (int) seed), seed + 10);
        float[] window = window(4, size, seed + 20);
        float[] logits = new UnetInference(model).logits(window, size);
        float[] torch = torchLogits(model, window, size);
        assertEquals(torch.length, logits.length);
        double dl = 0, max = 0;
        for (int i = 0; i < torch.length; i++) {
            dl = Math.max(dl, Math.abs(torch[i] - logits[i]));
            max = Math.max(max, Math.abs(torch[i]));
        }
        float[] p = logits.clone();
        UnetInference.softmax(p, 3, size * size);
        float[] tp = torch.clone();
        UnetInference.softmax(tp, 3, size * size);
        double dp = 0;
        for (int i = 0; i < p.length; i++) dp = Math.max(dp, Math.abs(p[i] - tp[i]));
        System.out.printf("U-Net plain Java vs PyTorch (%s, %d²): max |Δ| logits %.2e (max |logit| %.1f), probabilities %.2e%n",
                backbone.id(), size, dl, max, dp);
        assertTrue(max > 0.5, "logits too small to compare: " + max);
        assertTrue(dl < TOLERANCE * max, backbone + ": max |Δ| logits " + dl + " (max |logit| " + max + ")");
        assertTrue(dp < TOLERANCE * 10, backbone + ": max |Δ| probabilities " + dp);
    }

    static float[] torchLogits(UnetModel model, float[] window, int size) {
        TorchRuntime.init();
        JniUtils.setNumThreads(1);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            UnetNetwork net = model.network(m);
            NDArray in = m.create(FloatBuffer.wrap(window), new Shape(1, model.bands(), size, size));
            return net.forward(new ParameterStore(m, false), new NDList(in), false).singletonOrThrow().toFloatArray();
        }
    }

    /** A normalised window: smooth fields with noise, values of about ±2. */
    static float[] window(int bands, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[bands * size * size];
        for (int b = 0; b < bands; b++) {
            double fx = 0.05 + 0.1 * rng.nextDouble(), fy = 0.05 + 0.1 * rng.nextDouble();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    v[(b * size + y) * size + x] = (float) (Math.sin(fx * x + b) * Math.cos(fy * y) * 1.5
                            + 0.5 * rng.nextGaussian());
                }
            }
        }
        return v;
    }

    private static boolean finite(float[] v) {
        for (float f : v) if (!Float.isFinite(f)) return false;
        return true;
    }
}
