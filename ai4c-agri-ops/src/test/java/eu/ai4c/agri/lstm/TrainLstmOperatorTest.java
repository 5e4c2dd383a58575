package eu.ai4c.agri.lstm;

import static org.junit.jupiter.api.Assertions.*;

import eu.ai4c.agri.model.ModelFiles;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.npy.NpyType;
import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train_lstm end to end from .npy folders, and its refusals of bad input. */
class TrainLstmOperatorTest {
    private static final SyntheticCrops CROPS = new SyntheticCrops(16, 21, 1500);
    @TempDir
    Path dir;

    @Test
    void trainsFromNpyFoldersAndWritesModelLogAndPlot() throws IOException {
        Path in = folder("train", CROPS.sample(SyntheticCrops.uniform(16, 32), 1));
        Path val = folder("val", CROPS.sample(SyntheticCrops.uniform(16, 8), 2));
        Path out = dir.resolve("out");
        long t0 = System.nanoTime();
        TrainLstmOperator.Trained trained = run(Map.of("input_dir", in.toString(), "output_dir", out.toString(), "n_epochs", "10",
                "learning_rate", "5e-3", "val", val.toString(), "batch_size", "16"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        TrainingResult result = trained.result();
        assertEquals(10, result.history().size());
        assertEquals(out.resolve("model.h5"), trained.model());
        assertEquals(List.of("model.h5", "training_curves.png", "training_log.csv"), list(out));
        List<String> log = Files.readAllLines(out.resolve("training_log.csv"));
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,best,seconds", log.get(0));
        assertEquals(11, log.size());
        byte[] png = Files.readAllBytes(out.resolve("training_curves.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        // held-out series of the same crops, through the registered model format
        TimeSeriesSet test = CROPS.sample(SyntheticCrops.uniform(16, 20), 3);
        try (SequenceClassifier model = ModelFiles.open(out.resolve("model.h5"))) {
            int[] labels = new int[test.count()];
            model.classify(test.values(), 0, test.count(), labels);
            int ok = 0;
            for (int i = 0; i < labels.length; i++) if (labels[i] == test.labels()[i]) ok++;
            double accuracy = (double) ok / labels.length;
            System.out.printf("train_lstm: 512 series, 10 epochs in %.1f s, held-out accuracy %.3f (best epoch %d)%n",
                    seconds, accuracy, result.bestEpoch());
            assertTrue(accuracy >= 0.90, "held-out accuracy " + accuracy);
        }
    }

    @Test
    void badShapesTypesAndLabelsAreRefusedNamingTheFileAndNothingIsWritten() throws IOException {
        TimeSeriesSet good = CROPS.sample(SyntheticCrops.uniform(16, 2), 5);
        int n = good.count();
        Path out = dir.resolve("out");
        // train.npy 2-D
        Path flat = dir.resolve("flat");
        Files.createDirectories(flat);
        Npy.write(NpyArray.ofFloats(good.values(), n, 12 * 9), flat.resolve("train.npy"));
        Npy.write(NpyArray.ofLongs(longs(good.labels()), n), flat.resolve("y_train.npy"));
        expectError(flat, out, "train.npy", "[N, timesteps, bands]");
        // integer series
        Path ints = dir.resolve("ints");
        Files.createDirectories(ints);
        Npy.write(NpyArray.ofInts(NpyType.INT32, new int[n * 12 * 9], n, 12, 9), ints.resolve("train.npy"));
        Npy.write(NpyArray.ofLongs(longs(good.labels()), n), ints.resolve("y_train.npy"));
        expectError(ints, out, "train.npy", "float");
        // float labels
        Path floatLabels = dir.resolve("floatlabels");
        Files.createDirectories(floatLabels);
        Npy.write(NpyArray.ofFloats(good.values(), n, 12, 9), floatLabels.resolve("train.npy"));
        Npy.write(NpyArray.ofFloats(new float[n], n), floatLabels.resolve("y_train.npy"));
        expectError(floatLabels, out, "y_train.npy", "integer");
        // N mismatch
        Path mismatch = dir.resolve("mismatch");
        Files.createDirectories(mismatch);
        Npy.write(NpyArray.ofFloats(good.values(), n, 12, 9), mismatch.resolve("train.npy"));
        Npy.write(NpyArray.ofLongs(longs(new int[n - 1]), n - 1), mismatch.resolve("y_train.npy"));
        expectError(mismatch, out, "y_train.npy", "one label per series");
        // label 16
        int[] labels = good.labels().clone();
        labels[3] = 16;
        Path outside = folder("outside", new TimeSeriesSet(good.values(), labels, n, 12, 9));
        expectError(outside, out, "y_train.npy", "label 16 at index 3");
        // missing file
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        expectError(empty, out, "train.npy is missing", "--input_dir");
        assertFalse(Files.exists(out), "nothing may be written on error");
    }

    @Test
    void badParametersAreUsageErrors() throws IOException {
        Path in = folder("train", CROPS.sample(SyntheticCrops.uniform(16, 2), 5));
        Path out = dir.resolve("out");
        for (String[] bad : new String[][] {{"batch_size", "24", "power of 2"}, {"batch_size", "2", "--batch_size"},
                {"learning_rate", "1", "--learning_rate"}, {"learning_rate", "0", "--learning_rate"},
                {"n_epochs", "1", "--n_epochs"}, {"class_weights", "2", "--class_weights"}}) {
            Map<String, String> p = new HashMap<>(Map.of("input_dir", in.toString(), "output_dir", out.toString()));
            p.put(bad[0], bad[1]);
            Ai4cException e = assertThrows(Ai4cException.class, () -> run(p), bad[0] + "=" + bad[1]);
            assertTrue(e.isUsageError(), e.getMessage());
            assertTrue(e.getMessage().contains(bad[2]), e.getMessage());
        }
        // the validation set must have the training set's shape
        TimeSeriesSet other = CROPS.sample(SyntheticCrops.uniform(16, 1), 6);
        Path val = dir.resolve("val6");
        Files.createDirectories(val);
        Npy.write(NpyArray.ofFloats(other.values(), other.count(), 6, 18), val.resolve("train.npy"));
        Npy.write(NpyArray.ofLongs(longs(other.labels()), other.count()), val.resolve("y_train.npy"));
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(Map.of("input_dir", in.toString(),
                "output_dir", out.toString(), "val", val.toString())));
        assertTrue(e.getMessage().contains("6×18") && e.getMessage().contains("12×9"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void isRegisteredWithTheSpecificationsParameters() {
        Operator op = OperatorRegistry.load().get("train_lstm");
        assertInstanceOf(TrainLstmOperator.class, op);
        ParameterValues defaults = op.descriptor().validate(Map.of("--input_dir", "a"));
        assertEquals(50, defaults.getInt("nEpochs"));
        assertEquals(32, defaults.getInt("batchSize"));
        assertFalse(defaults.getBoolean("classWeights"));
        assertEquals(1e-3, defaults.getDouble("learningRate"));
        assertFalse(defaults.has("val"));
    }

    private void expectError(Path in, Path out, String... fragments) {
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> run(Map.of("input_dir", in.toString(), "output_dir", out.toString(), "n_epochs", "2")));
        for (String f : fragments) assertTrue(e.getMessage().contains(f), e.getMessage());
    }

    /** Runs as a front end does: {@code output_dir} is the output folder, the rest the operator's parameters. */
    private static TrainLstmOperator.Trained run(Map<String, String> params) throws IOException {
        TrainLstmOperator op = new TrainLstmOperator();
        Map<String, String> rest = new HashMap<>(params);
        Path out = Path.of(rest.remove("output_dir"));
        return op.train(op.descriptor().validate(rest), out, ProcessingContext.defaults());
    }

    private Path folder(String name, TimeSeriesSet set) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f);
        Npy.write(NpyArray.ofFloats(set.values(), set.count(), set.timesteps(), set.bands()), f.resolve("train.npy"));
        Npy.write(NpyArray.ofLongs(longs(set.labels()), set.count()), f.resolve("y_train.npy"));
        return f;
    }

    private static long[] longs(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return l;
    }

    private static List<String> list(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
