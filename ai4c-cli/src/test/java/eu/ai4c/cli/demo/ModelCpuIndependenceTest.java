package eu.ai4c.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.agri.unet.Safetensors;
import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganWeights;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A U-Net chain (pre-train a ResNet-18 encoder for one epoch on two synthetic tiles, train the U-Net
 * from it for one epoch, predict a third tile) and
 * the demo's SRGAN chain (pre-process, train, generate an ensemble) give the same weights and maps whether PyTorch runs with the settings AI4C chooses on this
 * machine or with those an AVX2-only machine ends with (the levels of {@link TorchRuntime.Pin}, set
 * from outside; for the U-Net's plain-Java prediction also a JVM limited to AVX2, {@code -XX:UseAVX=2}), as {@code CropMapCpuIndependenceTest} checks for the LSTM. Each run is a separate
 * JVM because the native libraries read the variables once. Exact comparison: same kernels, same
 * seed. On an AVX-512 machine this fails if the pins stop being applied (convolutions then take
 * AVX-512 kernels, and training their non-repeatable backward pass).
 */
class ModelCpuIndependenceTest {
    @TempDir
    Path dir;

    @Test
    void unetSameWeightsAndClassMapWithAvx2MachineSettings() throws Exception {
        Path tiles = dir.resolve("tiles");
        for (int i = 0; i < 2; i++) {
            SyntheticLandscape.write(tiles, "tile" + i, SyntheticLandscape.draw(128, 128, 11 + i));
        }
        Path newTile = dir.resolve("new-tile");
        SyntheticLandscape.write(newTile, "new", SyntheticLandscape.draw(128, 128, 999));
        Path chosen = unet(tiles, newTile.resolve("images"), dir.resolve("chosen"), Map.of(), List.of());
        // the AVX2 machine's JVM too: 256-bit vectors and AVX2 instructions for the plain-Java prediction
        Path avx2 = unet(tiles, newTile.resolve("images"), dir.resolve("avx2"), avx2Machine(), List.of("-XX:UseAVX=2"));

        String where = " (" + TorchRuntime.cpuVectorFlags() + ")";
        Map<String, Safetensors.Tensor> preA = Safetensors.read(chosen.resolve("model/backbone.safetensors")).tensors();
        Map<String, Safetensors.Tensor> preB = Safetensors.read(avx2.resolve("model/backbone.safetensors")).tensors();
        assertEquals(preA.keySet(), preB.keySet());
        for (String name : preA.keySet()) {
            assertArrayEquals(preA.get(name).values(), preB.get(name).values(), "pre-trained " + name + where);
        }
        Map<String, Safetensors.Tensor> a = Safetensors.read(model(chosen)).tensors();
        Map<String, Safetensors.Tensor> b = Safetensors.read(model(avx2)).tensors();
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).values(), b.get(name).values(), name + where);
        }
        byte[] mapA = classes(chosen.resolve("map"));
        byte[] mapB = classes(avx2.resolve("map"));
        assertArrayEquals(mapA, mapB, "class maps differ" + where);
    }

    @Test
    void srganSameWeightsAndEnsembleWithAvx2MachineSettings() throws Exception {
        Path chosen = runDemo("aqgan", dir.resolve("chosen"), Map.of()).resolve("out");
        Path avx2 = runDemo("aqgan", dir.resolve("avx2"), avx2Machine()).resolve("out");
        String where = " (" + TorchRuntime.cpuVectorFlags() + ")";
        SrganWeights a = SrganModelFile.read(chosen.resolve("srgan_demo.aqgan")).weights();
        SrganWeights b = SrganModelFile.read(avx2.resolve("srgan_demo.aqgan")).weights();
        for (eu.ai4c.aq.model.SrganArchitecture.Param p : a.parameters()) {
            assertArrayEquals(a.get(p.name()), b.get(p.name()), p.name() + where);
        }
        Path ncA, ncB;
        try (Stream<Path> s = Files.list(chosen)) {
            ncA = s.filter(p -> p.getFileName().toString().startsWith("cams_srgan_") || p.toString().endsWith(".nc"))
                    .filter(p -> p.toString().endsWith(".nc")).findFirst().orElseThrow();
        }
        ncB = avx2.resolve(ncA.getFileName());
        try (NetcdfFile fa = Netcdf.open(ncA); NetcdfFile fb = Netcdf.open(ncB)) {
            int steps = (int) fa.variable("pm2p5").shape()[0];
            for (int t = 0; t < steps; t++) {
                assertArrayEquals(fa.read(fa.variable("pm2p5"), t), fb.read(fb.variable("pm2p5"), t),
                        "ensemble members at step " + t + where);
            }
        }
    }

    /** What an AVX2-only machine ends with: none of the pinned levels is above AVX2. */
    private static Map<String, String> avx2Machine() {
        Map<String, String> env = new LinkedHashMap<>();
        for (TorchRuntime.Pin pin : TorchRuntime.Pin.values()) env.put(pin.variable(), pin.value());
        return env;
    }

    private static Path model(Path step) {
        return step.resolve("model").resolve(eu.ai4c.agri.unet.UnetDescriptor.DEFAULT_MODEL_FILE);
    }

    private static byte[] classes(Path folder) throws IOException {
        Path tif;
        try (Stream<Path> s = Files.list(folder)) {
            tif = s.filter(p -> p.toString().endsWith(".tif")).findFirst().orElseThrow();
        }
        Raster r = ProductIO.read(tif).raster();
        return r.read(0, r.bounds()).bytes();
    }

    /**
     * {@code unet -action pretrain}, {@code -action train -pretrained True} (one epoch each) then
     * {@code -action predict}, in new JVMs; returns the folder with model/ and map/.
     */
    private static Path unet(Path tiles, Path images, Path out, Map<String, String> extra, List<String> jvm)
            throws Exception {
        Path model = out.resolve("model");
        run(out.resolveSibling(out.getFileName() + "-pretrain.log"), extra, jvm, "unet", "-action", "pretrain", "--input_dir",
                tiles.toString(), "--backbone", "resnet18", "-patch_size", "64", "-b", "4", "-epochs", "1", "-lr", "0.001",
                "--output_dir", model.toString(), "--threads", "2", "--quiet");
        run(out.resolveSibling(out.getFileName() + "-train.log"), extra, jvm, "unet", "-action", "train", "--input_dir",
                tiles.toString(), "--backbone", "resnet18", "-patch_size", "64", "-b", "4", "-epochs", "1", "-lr", "0.002",
                "-selected-classes", "1,2,3", "-pretrained", "True", "--output_dir", model.toString(), "--threads", "2",
                "--quiet");
        run(out.resolveSibling(out.getFileName() + "-predict.log"), extra, jvm, "unet", "-action", "predict", "--input_dir",
                images.toString(), "-model_file", model(out).toString(), "--output_dir", out.resolve("map").toString(),
                "--threads", "2", "--quiet");
        return out;
    }

    /**
     * Runs {@code ai4c args…} in a new JVM started as bin/ai4c starts it (with the vector API) and
     * the options {@code jvm}, with the pinned variables unset, then {@code extra}.
     */
    private static void run(Path log, Map<String, String> extra, List<String> jvm, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "--add-modules=jdk.incubator.vector"));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "eu.ai4c.cli.Main"));
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        for (TorchRuntime.Pin pin : TorchRuntime.Pin.values()) pb.environment().remove(pin.variable());
        pb.environment().putAll(extra);
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "ai4c " + String.join(" ", args) + " timed out");
        assertEquals(0, p.exitValue(), "ai4c " + String.join(" ", args) + " with " + extra + ":\n" + Files.readString(log));
    }

    /** Runs {@code ai4c demo --step <step>} in a new JVM with the pinned variables unset, then {@code extra}. */
    private static Path runDemo(String step, Path out, Map<String, String> extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), "eu.ai4c.cli.Main",
                "demo", "--step", step, "--output", out.toString(), "--threads", "2", "--quiet"));
        Path log = Files.createDirectories(out.getParent()).resolve(out.getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        for (TorchRuntime.Pin pin : TorchRuntime.Pin.values()) pb.environment().remove(pin.variable());
        pb.environment().putAll(extra);
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "demo step timed out");
        assertEquals(0, p.exitValue(), "ai4c demo --step " + step + " with " + extra + ":\n" + Files.readString(log));
        return out.resolve(step);
    }
}
