package eu.ai4c.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.lstm.DenseLayer;
import eu.ai4c.agri.lstm.LstmH5;
import eu.ai4c.agri.lstm.LstmLayer;
import eu.ai4c.agri.lstm.LstmModel;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's crop-map chain (TimeSen2Crop export → {@code train_lstm} → {@code tile_classifier})
 * gives the same model and the same crop map whether PyTorch runs with the settings AI4C chooses
 * on this machine or with an AVX2-only machine's kernels (the levels of {@link TorchRuntime.Pin}
 * set from outside: none is above AVX2, so they are what such a machine runs). Each run is a separate JVM because the native libraries read those
 * variables once. On an AVX-512 machine, training without AI4C's settings gives other weights
 * (and so this test fails if they stop being applied); on an AVX2 machine both runs are the same
 * by construction. The comparison is exact: same kernels, same seed, one PyTorch thread.
 */
class CropMapCpuIndependenceTest {
    @TempDir
    Path dir;

    @Test
    void sameModelAndCropMapWithAvx2Kernels() throws Exception {
        Path chosen = runDemo(dir.resolve("chosen"), Map.of());
        // what an AVX2-only machine ends with: none of the pinned levels is above AVX2
        Map<String, String> avx2Machine = new java.util.LinkedHashMap<>();
        for (TorchRuntime.Pin pin : TorchRuntime.Pin.values()) avx2Machine.put(pin.variable(), pin.value());
        Path avx2 = runDemo(dir.resolve("avx2"), avx2Machine);

        LstmModel a = LstmH5.read(chosen.resolve("model/model.h5"));
        LstmModel b = LstmH5.read(avx2.resolve("model/model.h5"));
        String where = " (" + TorchRuntime.cpuVectorFlags() + ")";
        for (int i = 0; i < a.lstm().size(); i++) {
            LstmLayer la = a.lstm().get(i);
            LstmLayer lb = b.lstm().get(i);
            assertArrayEquals(la.kernel(), lb.kernel(), "LSTM kernel " + i + where);
            assertArrayEquals(la.recurrentKernel(), lb.recurrentKernel(), "LSTM recurrent kernel " + i + where);
            assertArrayEquals(la.bias(), lb.bias(), "LSTM bias " + i + where);
        }
        for (int i = 0; i < a.dense().size(); i++) {
            DenseLayer da = a.dense().get(i);
            DenseLayer db = b.dense().get(i);
            assertArrayEquals(da.kernel(), db.kernel(), "dense kernel " + i + where);
            assertArrayEquals(da.bias(), db.bias(), "dense bias " + i + where);
        }

        int[] mapA = classes(chosen.resolve("T33UVP_crop_type.tif"));
        int[] mapB = classes(avx2.resolve("T33UVP_crop_type.tif"));
        assertArrayEquals(mapA, mapB, "crop maps differ" + where);
        // a real crop map: several classes, not one
        assertTrue(java.util.Arrays.stream(mapA).distinct().count() >= 4, "classes in the map");
    }

    private static int[] classes(Path tif) throws IOException {
        Raster r = ProductIO.read(tif).raster();
        Block block = r.read(0, Region.of(r.width(), r.height()));
        int[] v = new int[r.width() * r.height()];
        for (int i = 0; i < v.length; i++) v[i] = (int) block.getDouble(i);
        return v;
    }

    /** Runs {@code ai4c demo --step crop-map} in a new JVM with the pinned variables unset, then {@code extra}. */
    private static Path runDemo(Path out, Map<String, String> extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "eu.ai4c.cli.Main",
                "demo", "--step", "crop-map", "--output", out.toString(), "--threads", "2", "--quiet"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(out.getParent()).resolve(out.getFileName() + ".log").toFile());
        for (TorchRuntime.Pin pin : TorchRuntime.Pin.values()) pb.environment().remove(pin.variable());
        pb.environment().putAll(extra);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "demo step timed out");
        String log = Files.readString(out.getParent().resolve(out.getFileName() + ".log"));
        assertEquals(0, p.exitValue(), "ai4c demo --step crop-map with " + extra + ":\n" + log);
        return out.resolve("crop-map");
    }
}
