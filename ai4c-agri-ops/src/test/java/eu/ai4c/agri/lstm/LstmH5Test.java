package eu.ai4c.agri.lstm;

import static org.junit.jupiter.api.Assertions.*;

import eu.ai4c.agri.model.ModelFiles;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.kit.Ai4cException;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LstmH5Test {
    @TempDir
    Path dir;

    @Test
    void writeThenOpenGivesIdenticalPredictions() {
        LstmModel model = RandomModels.of(11, 12, 9, new int[] {32, 16}, new int[] {16}, Activation.LINEAR);
        Path file = dir.resolve("model.h5");
        LstmH5.write(model, file);
        float[] x = RandomModels.series(4, model, 50);
        float[] expected = new float[50 * 16];
        new LstmClassifier(model).predict(x, 0, 50, expected);
        LstmModel read = LstmH5.read(file);
        float[] got = new float[50 * 16];
        new LstmClassifier(read).predict(x, 0, 50, got);
        assertArrayEquals(expected, got);
        assertArrayEquals(model.mean(), read.mean());
        assertArrayEquals(model.std(), read.std());
        assertArrayEquals(model.lstm().get(1).recurrentKernel(), read.lstm().get(1).recurrentKernel());
        assertEquals(model.describe(), read.describe());
        // the registered format opens it on PyTorch, agreeing with the plain-Java pass
        try (SequenceClassifier opened = ModelFiles.open(file)) {
            assertInstanceOf(DjlLstmClassifier.class, opened);
            assertEquals(12, opened.timesteps());
            assertEquals(9, opened.bands());
            assertEquals(16, opened.classes());
            float[] djl = new float[50 * 16];
            opened.predict(x, 0, 50, djl);
            // 1e-5: both engines are within ~1e-7 of float64 (CpuIndependenceTest)
            assertArrayEquals(expected, djl, (float) CpuIndependenceTest.TOLERANCE,
                    () -> "PyTorch vs plain Java on " + TorchRuntime.describe());
        }
    }

    /**
     * One weight changed in the file (its float's bytes found and altered, as a bad copy would) is
     * refused by the weights' SHA-256; the intact file and its checksum attribute read as before.
     */
    @Test
    void aDamagedWeightIsRefused() throws IOException {
        LstmModel model = RandomModels.of(3, 12, 9, new int[] {8}, new int[] {16}, Activation.LINEAR);
        Path file = dir.resolve("model.h5");
        LstmH5.write(model, file);
        try (HdfFile h5 = new HdfFile(file)) {
            assertEquals(LstmH5.weightsSha256(model), h5.getAttribute(LstmH5.WEIGHTS_SHA256).getData());
        }
        assertEquals(LstmH5.weightsSha256(model), LstmH5.weightsSha256(LstmH5.read(file)));
        byte[] bytes = Files.readAllBytes(file);
        float[] kernel = model.lstm().get(0).recurrentKernel();
        byte[] pattern = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat(kernel[0]).putFloat(kernel[1]).putFloat(kernel[2]).putFloat(kernel[3]).array();
        int at = indexOf(bytes, pattern);
        assertTrue(at > 0, "the recurrent kernel's bytes are in the file");
        bytes[at + 5] ^= 0x10; // the second weight's mantissa
        Files.write(file, bytes);
        Ai4cException e = assertThrows(Ai4cException.class, () -> LstmH5.read(file));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void modelsPyTorchCannotRunOpenInPlainJava() {
        LstmModel m = RandomModels.of(14, 12, 9, new int[] {8}, new int[] {16}, Activation.LINEAR);
        LstmLayer l = m.lstm().get(0);
        LstmModel hard = new LstmModel(12, 9, m.mean(), m.std(), List.of(new LstmLayer(l.name(), l.inputs(), l.units(),
                l.kernel(), l.recurrentKernel(), l.bias(), false, Activation.TANH, Activation.HARD_SIGMOID)), m.dense());
        Path file = dir.resolve("hard.h5");
        LstmH5.write(hard, file);
        try (SequenceClassifier opened = ModelFiles.open(file)) {
            assertInstanceOf(LstmClassifier.class, opened);
            assertEquals(Activation.HARD_SIGMOID, ((LstmClassifier) opened).model().lstm().get(0).recurrentActivation());
        }
    }

    @Test
    void h5dumpListsTheDocumentedLayout() throws Exception {
        LstmModel model = RandomModels.of(12, 12, 9, new int[] {64}, new int[] {16}, Activation.LINEAR);
        Path file = dir.resolve("model.h5");
        LstmH5.write(model, file);
        String header = h5dump("-H", file.toString());
        for (String expected : List.of("GROUP \"model_weights\"", "GROUP \"lstm\"", "GROUP \"lstm_cell\"",
                "DATASET \"kernel:0\"", "DATASET \"recurrent_kernel:0\"", "DATASET \"bias:0\"", "GROUP \"dense\"",
                "GROUP \"normalization\"", "DATASET \"mean\"", "DATASET \"std\"", "ATTRIBUTE \"model_config\"",
                "ATTRIBUTE \"layer_names\"", "ATTRIBUTE \"weight_names\"")) {
            assertTrue(header.contains(expected), "h5dump -H lacks " + expected + ":\n" + header);
        }
        assertTrue(h5dump("-H", "-d", "/model_weights/lstm/lstm/lstm_cell/kernel:0", file.toString())
                .contains("( 9, 256 )"));
        assertTrue(h5dump("-H", "-d", "/model_weights/lstm/lstm/lstm_cell/recurrent_kernel:0", file.toString())
                .contains("( 64, 256 )"));
        assertTrue(h5dump("-H", "-d", "/model_weights/dense/dense/kernel:0", file.toString()).contains("( 64, 16 )"));
        String bias = h5dump("-d", "/model_weights/dense/dense/bias:0", file.toString());
        assertTrue(bias.contains("H5T_IEEE_F32LE") && bias.contains("( 16 )"), bias);
        String config = h5dump("-a", "/model_config", file.toString());
        assertTrue(config.contains("\\\"class_name\\\":\\\"LSTM\\\"") || config.contains("LSTM"), config);
    }

    private static String h5dump(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("h5dump"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("h5dump (Debian package hdf5-tools) is needed for this independent check: " + e.getMessage());
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "h5dump failed: " + out);
        return out;
    }

    /** A file as Keras writes it (functional config, Dropout, other layer names, no AI4C normalisation). */
    @Test
    void readsAKerasStyleFile() {
        LstmModel reference = RandomModels.of(13, 12, 9, new int[] {20}, new int[] {8, 16}, Activation.RELU);
        Path file = dir.resolve("keras.h5");
        LstmLayer l = reference.lstm().get(0);
        DenseLayer d1 = reference.dense().get(0);
        DenseLayer d2 = reference.dense().get(1);
        String config = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"model\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 12, 9], \"name\": \"input_1\"}, \"name\": \"input_1\"},"
                + "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm_4\", \"units\": 20, \"activation\": \"tanh\","
                + " \"recurrent_activation\": \"sigmoid\", \"return_sequences\": false, \"use_bias\": true}},"
                + "{\"class_name\": \"Dropout\", \"config\": {\"name\": \"dropout\", \"rate\": 0.3}},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_7\", \"units\": 8, \"activation\": \"relu\"}},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_8\", \"units\": 16, \"activation\": \"linear\"}},"
                + "{\"class_name\": \"Activation\", \"config\": {\"name\": \"act\", \"activation\": \"softmax\"}}]}}";
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putAttribute("model_config", config);
            h5.putAttribute("keras_version", "2.10.0");
            WritableGroup w = h5.putGroup("model_weights");
            w.putAttribute("layer_names", new String[] {"input_1", "lstm_4", "dropout", "dense_7", "dense_8", "act"});
            w.putGroup("input_1");
            WritableGroup lg = w.putGroup("lstm_4");
            lg.putAttribute("weight_names", new String[] {"lstm_4/lstm_cell_4/kernel:0",
                    "lstm_4/lstm_cell_4/recurrent_kernel:0", "lstm_4/lstm_cell_4/bias:0"});
            WritableGroup cell = lg.putGroup("lstm_4").putGroup("lstm_cell_4");
            cell.putDataset("kernel:0", doubles(l.kernel(), 9, 80));
            cell.putDataset("recurrent_kernel:0", doubles(l.recurrentKernel(), 20, 80));
            cell.putDataset("bias:0", l.bias());
            for (DenseLayer d : List.of(d1, d2)) {
                String name = d == d1 ? "dense_7" : "dense_8";
                WritableGroup g = w.putGroup(name);
                g.putAttribute("weight_names", new String[] {name + "/kernel:0", name + "/bias:0"});
                WritableGroup inner = g.putGroup(name);
                inner.putDataset("kernel:0", doubles(d.kernel(), d.inputs(), d.units()));
                inner.putDataset("bias:0", d.bias());
            }
        }
        LstmModel read = LstmH5.read(file);
        assertEquals("12×9 → LSTM 20 → Dense 8 relu → Dense 16 softmax", read.describe());
        assertArrayEquals(new float[9], read.mean());
        // same weights, identity normalisation: feed normalised series to the Keras-style model
        float[] raw = RandomModels.series(6, reference, 20);
        float[] normalised = raw.clone();
        for (int i = 0; i < raw.length; i++) {
            int b = i % 9;
            normalised[i] = (raw[i] - reference.mean()[b]) / reference.std()[b];
        }
        float[] expected = new float[20 * 16];
        float[] got = new float[20 * 16];
        new LstmClassifier(reference).predict(raw, 0, 20, expected);
        new LstmClassifier(read).predict(normalised, 0, 20, got);
        assertArrayEquals(expected, got, 1e-6f);
    }

    @Test
    void unsupportedLayersAndNonModelFilesAreRefusedClearly() throws IOException {
        Path gru = dir.resolve("gru.h5");
        try (WritableHdfFile h5 = HdfFile.write(gru)) {
            h5.putAttribute("model_config", "{\"class_name\":\"Sequential\",\"config\":{\"layers\":["
                    + "{\"class_name\":\"GRU\",\"config\":{\"name\":\"gru\",\"units\":8}}]}}");
            h5.putGroup("model_weights");
        }
        Ai4cException e = assertThrows(Ai4cException.class, () -> ModelFiles.open(gru));
        assertTrue(e.getMessage().contains("gru.h5") && e.getMessage().contains("GRU"), e.getMessage());
        Path text = dir.resolve("notes.h5");
        Files.writeString(text, "not hdf5");
        Ai4cException e2 = assertThrows(Ai4cException.class, () -> ModelFiles.open(text));
        assertTrue(e2.getMessage().contains("not a model file"), e2.getMessage());
    }

    private static double[][] doubles(float[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m[r][c] = flat[r * cols + c];
        return m;
    }

    /** A model written before the digest moved to the kit ({@code WeightsDigest}) still gives its recorded SHA-256. */
    @Test
    void earlierWrittenModelStillMatchesItsDigest() throws Exception {
        Path file = Path.of(LstmH5Test.class.getResource("LstmH5FuzzTestInputs/read/tiny-lstm.h5").toURI());
        try (HdfFile h5 = new HdfFile(file)) {
            assertNotNull(h5.getAttribute(LstmH5.WEIGHTS_SHA256), "the kept model records its digest");
        }
        LstmModel m = LstmH5.read(file);
        assertEquals(LstmH5.weightsSha256(m).length(), 64);
    }
}
