package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX form of the U-Net ({@link UnetOnnx}) run by onnxruntime gives what the PyTorch-engine
 * path gives (normalisation, {@link UnetNetwork} in inference mode, softmax — as
 * {@link ClassMapRaster} computes it), on raw band values.
 *
 * <p>Tolerance {@value #TOLERANCE} on probabilities and logits: the two engines compute the same
 * float32 operations, but their convolution kernels sum the 9·C products of each output value in
 * different orders (onnxruntime's MLAS also fuses batch norm into the convolution weights), so
 * results differ by float32 rounding accumulated over the ~20–60 layers: measured here 1e-6 to
 * 1e-5. Deliberate export errors exceed it: upsampling shifted by one pixel 0.87, a batch-norm
 * epsilon of 1e-4 instead of 1e-5 3e-4 to 2.5e-3 (wrong strides or paddings fail on shapes).</p>
 */
class UnetOnnxTest {
    static final double TOLERANCE = 1e-4;

    /** A model trained briefly by the operator with {@code -model_format onnx}, its ONNX file against PyTorch. */
    @Test
    void trainedModelWrittenByTheOperatorAgreesWithThePyTorchPath(@TempDir Path dir) throws Exception {
        Path tiles = dir.resolve("tiles");
        SyntheticLandscape.write(tiles, "a", SyntheticLandscape.draw(128, 128, 5));
        SyntheticLandscape.write(tiles, "b", SyntheticLandscape.draw(128, 128, 6));
        ParameterValues params = UnetDescriptor.DESCRIPTOR.validate(Map.of("action", "train",
                "inputDir", tiles.toString(), "backbone", "resnet18", "patch_size", "64", "b", "4", "epochs", "1",
                "lr", "0.002", "selected-classes", "1,2,3", "model_format", "onnx", "model_file", "fields"));
        Path out = dir.resolve("out");
        List<Path> files = new UnetOperator().write(Map.of(), params, out, ProcessingContext.defaults().withThreads(1));
        Path safetensors = out.resolve("fields.safetensors");
        Path onnx = out.resolve("fields.onnx");
        assertEquals(List.of(safetensors, onnx), files.subList(0, 2));
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".partial-")), "temporaries left");
        }
        UnetModel model = UnetModelFile.read(safetensors);

        // held-out raw tiles: a batch of two 64×64 patches, and one 96×128 window (dynamic N, H, W)
        SyntheticLandscape.Scene a = SyntheticLandscape.draw(64, 64, 101);
        SyntheticLandscape.Scene b = SyntheticLandscape.draw(64, 64, 102);
        float[] batch = concat(raw(a), raw(b));
        double[] d = compare(model, onnx, batch, 2, 64, 64);
        SyntheticLandscape.Scene wide = SyntheticLandscape.draw(128, 96, 103);
        double[] dWide = compare(model, onnx, raw(wide), 1, 96, 128);
        System.out.printf("U-Net ONNX (ResNet-18, trained 1 epoch, %d bytes): max |Δ| probabilities %.2e, logits %.2e"
                + " (max |logit| %.1f); 96×128: %.2e, %.2e%n", Files.size(onnx), d[0], d[1], d[2], dWide[0], dWide[1]);

        // the class map of predict (one window) is the arg max of the ONNX probabilities
        float[] p = onnxRun(onnx, batch, 2, 64, 64, UnetOnnx.PROBABILITIES);
        byte[] map;
        try (ClassMapRaster cm = new ClassMapRaster(raster(a), new int[] {0, 1, 2, 3}, model, 1)) {
            map = cm.read(0, Region.of(64, 64)).bytes();
        }
        int k = model.classes();
        int plane = 64 * 64;
        int compared = 0;
        for (int q = 0; q < plane; q++) {
            int best = 0;
            float second = -1;
            for (int c = 1; c < k; c++) {
                if (p[c * plane + q] > p[best * plane + q]) best = c;
            }
            for (int c = 0; c < k; c++) if (c != best) second = Math.max(second, p[c * plane + q]);
            if (p[best * plane + q] - second < 1e-3) continue; // a near tie may go either way
            assertEquals(model.classIds()[best], map[q] & 0xFF, "class at pixel " + q);
            compared++;
        }
        assertTrue(compared > plane * 0.95, compared + " of " + plane + " pixels without a near tie");

        Ai4cException e = assertThrows(Ai4cException.class, () -> UnetModelFile.read(onnx));
        assertTrue(e.getMessage().contains("fields.safetensors"), e.getMessage());
    }

    /**
     * ResNet-50 (as the specification), with batch-norm statistics and normalisation far from
     * the identity: torchvision's layer layout and parameter count in the file, and onnxruntime's
     * output against PyTorch's. The ResNet-34 graph is checked for its layout too.
     */
    @Test
    void resnet50ExportHasTheStandardLayoutAndAgrees(@TempDir Path dir) throws Exception {
        UnetModel model = TestModels.perturbed(UnetModel.initialised(Backbone.RESNET50, 4, 3, 64, 7), 11);
        Path onnx = dir.resolve("r50.onnx");
        long t0 = System.nanoTime();
        UnetOnnx.write(model, onnx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        OnnxWireCheck.Summary s = OnnxWireCheck.check(onnx);
        assertEquals(7, s.irVersion());
        assertEquals(13, s.opset());
        assertEquals(List.of(UnetOnnx.INPUT), s.inputs());
        assertEquals(List.of(UnetOnnx.LOGITS, UnetOnnx.PROBABILITIES), s.outputs());
        assertEquals(UnetModelFile.description(model), s.metadata().get(UnetModelFile.KEY));
        // 1 stem + 16 bottlenecks × 3 + 4 projections in the encoder; 5 × 2 decoder + 1 head
        Map<String, Integer> ops = new LinkedHashMap<>();
        ops.put("Add", 16);
        ops.put("BatchNormalization", 63);
        ops.put("Concat", 4);
        ops.put("Conv", 64);
        ops.put("Div", 1);
        ops.put("MaxPool", 1);
        ops.put("Relu", 1 + 16 * 3 + 10);
        ops.put("Resize", 5);
        ops.put("Softmax", 1);
        ops.put("Sub", 1);
        assertEquals(ops, s.opCounts());
        // torchvision's ResNet-50 without its classifier: 25,557,032 − 2,049,000 for 3 bands, + 64·49 for the 4th
        assertEquals(25_557_032L - 2_049_000L + 64 * 49, s.elements(n -> n.startsWith("encoder.")
                && !n.endsWith("running_mean") && !n.endsWith("running_var")));
        long weights = 0;
        for (Safetensors.Tensor t : model.weights().values()) weights += t.values().length;
        assertEquals(weights, s.elements(model.weights()::containsKey));
        assertEquals(model.weights().size() + 2 + 5, s.initializerDims().size(), "weights, mean, std, 5 scales");

        double[] d = compare(model, onnx, raw(SyntheticLandscape.draw(64, 64, 201)), 1, 64, 64);
        System.out.printf("U-Net ONNX (ResNet-50): %d bytes written in %.2f s; max |Δ| probabilities %.2e, logits %.2e"
                + " (max |logit| %.1f)%n", Files.size(onnx), seconds, d[0], d[1], d[2]);
        Files.delete(onnx);

        UnetModel r34 = UnetModel.initialised(Backbone.RESNET34, 4, 3, 64, 7);
        Path onnx34 = dir.resolve("r34.onnx");
        UnetOnnx.write(r34, onnx34);
        OnnxWireCheck.Summary s34 = OnnxWireCheck.check(onnx34);
        // 1 stem + 16 basic units × 2 + 3 projections; 5 × 2 decoder + 1 head
        assertEquals(1 + 32 + 3 + 11, s34.opCounts().get("Conv"));
        assertEquals(1 + 16 * 2 + 10, s34.opCounts().get("Relu"));
        assertEquals(21_797_672L - 513_000L + 64 * 49, s34.elements(n -> n.startsWith("encoder.")
                && !n.endsWith("running_mean") && !n.endsWith("running_var")));
    }

    @Test
    void varintsAreBase128LeastSignificantFirst() {
        assertArrayEquals(new byte[] {0}, OnnxWriter.varintBytes(0));
        assertArrayEquals(new byte[] {(byte) 0xAC, 0x02}, OnnxWriter.varintBytes(300));
        byte[] minusOne = OnnxWriter.varintBytes(-1);
        assertEquals(10, minusOne.length);
        assertEquals(0x01, minusOne[9]);
        assertEquals(7, OnnxWriter.irVersion(13));
    }

    /** Max |Δ| of probabilities and logits between onnxruntime and PyTorch, and the max |logit|. */
    private static double[] compare(UnetModel model, Path onnx, float[] raw, int n, int h, int w) throws Exception {
        float[][] torch = torchRun(model, raw, n, h, w);
        float[] logits = onnxRun(onnx, raw, n, h, w, UnetOnnx.LOGITS);
        float[] probabilities = onnxRun(onnx, raw, n, h, w, UnetOnnx.PROBABILITIES);
        assertEquals(torch[0].length, logits.length);
        double dp = 0, dl = 0, max = 0;
        for (int i = 0; i < logits.length; i++) {
            dl = Math.max(dl, Math.abs(logits[i] - torch[0][i]));
            dp = Math.max(dp, Math.abs(probabilities[i] - torch[1][i]));
            max = Math.max(max, Math.abs(torch[0][i]));
        }
        assertTrue(dp < TOLERANCE, "max |Δ| probabilities " + dp + ", logits " + dl + " (max |logit| " + max + ")");
        assertTrue(dl < TOLERANCE, "max |Δ| logits " + dl + " (max |logit| " + max + ")");
        return new double[] {dp, dl, max};
    }

    /** Logits and probabilities as {@link ClassMapRaster} computes them: (x − mean) / std, forward, softmax. */
    private static float[][] torchRun(UnetModel model, float[] raw, int n, int h, int w) {
        int bands = model.bands();
        float[] x = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int b = i / (h * w) % bands;
            x[i] = (raw[i] - model.mean()[b]) / model.std()[b];
        }
        TorchRuntime.init();
        JniUtils.setNumThreads(1);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            UnetNetwork net = model.network(m);
            NDArray in = m.create(FloatBuffer.wrap(x), new Shape(n, bands, h, w));
            NDArray logits = net.forward(new ParameterStore(m, false), new NDList(in), false).singletonOrThrow();
            return new float[][] {logits.toFloatArray(), logits.softmax(1).toFloatArray()};
        }
    }

    static float[] onnxRun(Path onnx, float[] raw, int n, int h, int w, String output) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            try (OrtSession s = env.createSession(onnx.toString(), o)) {
                TensorInfo in = (TensorInfo) s.getInputInfo().get(UnetOnnx.INPUT).getInfo();
                assertEquals(-1, in.getShape()[0], "dynamic batch");
                assertEquals(-1, in.getShape()[2], "dynamic height");
                long bands = in.getShape()[1];
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(raw), new long[] {n, bands, h, w});
                     OrtSession.Result r = s.run(Map.of(UnetOnnx.INPUT, t))) {
                    OnnxTensor result = (OnnxTensor) r.get(output).orElseThrow();
                    long[] shape = result.getInfo().getShape();
                    assertEquals(List.of((long) n, (long) h, (long) w), List.of(shape[0], shape[2], shape[3]));
                    FloatBuffer fb = result.getFloatBuffer();
                    float[] v = new float[fb.remaining()];
                    fb.get(v);
                    return v;
                }
            }
        }
    }

    /** Raw band values {@code [bands, H, W]} of a drawn scene. */
    private static float[] raw(SyntheticLandscape.Scene s) {
        int plane = s.width() * s.height();
        float[] v = new float[s.bands().length * plane];
        for (int b = 0; b < s.bands().length; b++) {
            for (int i = 0; i < plane; i++) v[b * plane + i] = s.bands()[b][i];
        }
        return v;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] v = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, v, a.length, b.length);
        return v;
    }

    private static MemoryRaster raster(SyntheticLandscape.Scene s) {
        float[] raw = raw(s);
        int plane = s.width() * s.height();
        List<Band> bands = new java.util.ArrayList<>();
        Block[] blocks = new Block[s.bands().length];
        for (int b = 0; b < blocks.length; b++) {
            bands.add(Band.of(SyntheticLandscape.BANDS.get(b), DataType.FLOAT32));
            blocks[b] = new Block(Region.of(s.width(), s.height()), DataType.FLOAT32,
                    java.util.Arrays.copyOfRange(raw, b * plane, (b + 1) * plane));
        }
        return new MemoryRaster(bands, blocks, null);
    }
}
