package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unet -action pretrain} on real Sentinel-2 patches of SSL4EO-S12 (264×264 px, one
 * GeoTIFF per band at 10, 20 and 60 m): the tiles are found, cut and normalised; pre-training
 * runs end to end with a ResNet-18 at 64 px and writes weights that {@code -pretrained True}
 * loads into a U-Net; a second run with the same seed gives the same weights bit for bit; bad
 * input is refused with a clear message and nothing written.
 */
class ContrastivePretrainTest {
    private static final String SSL4EO = "rico-hdl/integration_tests/tiffs/SSL4EO-S12/s2a";
    private static final String JUNE = SSL4EO + "/0000200/20200604T054639_20200604T054831_T43RCP";

    /** Both dates are tiles; bands at 20 m are repeated onto the 10 m grid; the normalisation is per band. */
    @Test
    void ssl4eoTilesAreCutAndNormalised() throws Exception {
        List<String> bands = List.of("B2", "B3", "B4", "B8", "B11");
        UnlabeledPatches.Patches p = UnlabeledPatches.read(Fixtures.file(SSL4EO), bands, 64);
        assertEquals(2, p.tiles());
        // 264 px: origins 0, 64, 128, 192 and 200 flush with the edge, in both directions
        assertEquals(2 * 25, p.count());
        assertEquals(bands, p.bandNames());
        for (int b = 0; b < bands.size(); b++) {
            assertTrue(p.mean()[b] > 0 && p.std()[b] > 0, "band " + bands.get(b));
        }
        // patch 0 of the first tile, B11 (20 m): 2×2 blocks of equal values
        int px = 64 * 64;
        int b11 = 4 * px;
        for (int r = 0; r < 64; r += 2) {
            for (int c = 0; c < 64; c += 2) {
                float v = p.x()[b11 + r * 64 + c];
                assertEquals(v, p.x()[b11 + r * 64 + c + 1]);
                assertEquals(v, p.x()[b11 + (r + 1) * 64 + c]);
            }
        }
        // default bands: every band file of the first tile, in spectral order
        UnlabeledPatches.Patches all = UnlabeledPatches.read(Fixtures.file(JUNE), List.of(), 64);
        assertEquals(List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B11", "B12"), all.bandNames());
    }

    /** A patch set of extract_data: its training and validation patches together, with its bands and normalisation. */
    @Test
    void patchSetFolderIsReadWhole(@TempDir Path dir) throws Exception {
        int px = 64 * 64;
        float[] train = new float[3 * 2 * px];
        float[] val = new float[2 * px];
        for (int i = 0; i < train.length; i++) train[i] = i % 7;
        for (int i = 0; i < val.length; i++) val[i] = -1;
        PatchExtractor.Extracted e = new PatchExtractor.Extracted(new PatchSet(train, new byte[3 * px], 3, 2, 64),
                new PatchSet(val, new byte[px], 1, 2, 64), List.of("B4", "B8"), new int[] {0, 1},
                new float[] {900, 2500}, new float[] {300, 700}, new long[2][2], 1);
        PatchSetFiles.write(e, dir);
        UnlabeledPatches.Patches p = UnlabeledPatches.read(dir, List.of(), 256);
        assertEquals(4, p.count());
        assertEquals(64, p.size());
        assertEquals(List.of("B4", "B8"), p.bandNames());
        assertArrayEquals(new float[] {900, 2500}, p.mean());
        assertArrayEquals(new float[] {300, 700}, p.std());
        assertArrayEquals(train, java.util.Arrays.copyOf(p.x(), train.length));
        assertEquals(-1f, p.x()[p.x().length - 1]);
        Ai4cException other = assertThrows(Ai4cException.class, () -> UnlabeledPatches.read(dir, List.of("B2"), 64));
        assertTrue(other.getMessage().contains("[B4, B8]"), other.getMessage());
    }

    /**
     * Pre-training end to end (5 bands at 10 and 20 m; 12 of the 25 patches of a tile, to keep
     * the test short; batch 6, 1 epoch), twice with the same seed: identical weight files; the
     * weights load into a U-Net for fine-tuning with every encoder tensor copied. The operator's
     * own dispatch of -action pretrain is run by {@link #badInputIsRefusedAndNothingWritten} and
     * the CLI's {@code ModelCpuIndependenceTest}.
     */
    @Test
    void pretrainsRepeatablyAndWritesLoadableWeights(@TempDir Path dir) throws Exception {
        Map<String, String> args = Map.of("action", "pretrain", "inputDir", Fixtures.file(JUNE).toString(),
                "backbone", "resnet18", "patch_size", "64", "b", "6", "epochs", "1", "lr", "0.001",
                "bands", "B2,B3,B4,B8,B11", "seed", "3");
        ParameterValues params = UnetDescriptor.DESCRIPTOR.validate(args);
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(2);
        UnlabeledPatches.Patches all = UnlabeledPatches.read(Fixtures.file(JUNE), List.of("B2", "B3", "B4", "B8", "B11"),
                64);
        int n = 12;
        UnlabeledPatches.Patches some = new UnlabeledPatches.Patches(java.util.Arrays.copyOf(all.x(),
                n * all.patchValues()), n, all.bands(), all.size(), all.bandNames(), all.mean(), all.std(), 1,
                all.source());
        ContrastivePretrainer.Options options = PretrainAction.options(params, ctx);
        List<Path> first = PretrainAction.write(new ContrastivePretrainer(options).pretrain(some,
                eu.ai4c.kit.progress.Progress.silent()), some, options, dir.resolve("a"));
        List<Path> second = PretrainAction.write(new ContrastivePretrainer(options).pretrain(some,
                eu.ai4c.kit.progress.Progress.silent()), some, options, dir.resolve("b"));
        assertEquals(dir.resolve("a").resolve(BackboneFile.FILE), first.get(0));
        for (String f : List.of(BackboneFile.FILE, PretrainAction.LOG, PretrainAction.PLOT, PretrainAction.SUMMARY)) {
            assertTrue(Files.isRegularFile(dir.resolve("a").resolve(f)), f);
        }
        assertArrayEquals(Files.readAllBytes(first.get(0)), Files.readAllBytes(second.get(0)),
                "the same seed and threads give the same weights, bit for bit (" + TorchRuntime.describe() + ")");
        List<String> log = Files.readAllLines(first.get(1));
        assertEquals("epoch,loss,positive_top1,seconds", log.get(0));
        double loss = Double.parseDouble(log.get(1).split(",")[1]);
        // NT-Xent of 12 views lies between 0 and about log(11) (chance) plus what a bad start adds
        assertTrue(loss > 0 && loss < Math.log(2 * 6 - 1) + 1, "NT-Xent loss " + loss);

        ParameterValues train = UnetDescriptor.DESCRIPTOR.validate(Map.of("action", "train",
                "inputDir", dir.toString(), "pretrained", "True", "backbone", "resnet18"));
        UnetModel encoder = UnetOperator.backboneWeights(train, dir.resolve("a"), List.of("B2", "B3", "B4", "B8", "B11"));
        TorchRuntime.init().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            UnetNetwork net = new UnetNetwork(Backbone.RESNET18, 5, 3);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 5, 64, 64));
            long encoderTensors = net.namedWeights().keySet().stream().filter(k -> k.startsWith("encoder.")).count();
            assertEquals(encoderTensors, encoder.weights().size());
            assertEquals(encoderTensors, UnetTrainer.copyWeights(encoder, net));
            assertArrayEquals(encoder.weights().get("encoder.conv1.weight").values(),
                    net.namedWeights().get("encoder.conv1.weight").getArray().toFloatArray(), 0f);
        }
        // other bands than pre-trained: refused naming both
        Ai4cException e = assertThrows(Ai4cException.class, () -> UnetOperator.backboneWeights(train, dir.resolve("a"),
                List.of("B2", "B3", "B4", "B8")));
        assertTrue(e.getMessage().contains("[B2, B3, B4, B8, B11]") && e.getMessage().contains("-bands"), e.getMessage());
        // no weights given and none in --output_dir
        e = assertThrows(Ai4cException.class, () -> UnetOperator.backboneWeights(train, dir.resolve("c"), List.of()));
        assertTrue(e.getMessage().contains(BackboneFile.FILE) && e.getMessage().contains("--backbone_weights"),
                e.getMessage());
    }

    @Test
    void badInputIsRefusedAndNothingWritten(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(empty, Map.of(), dir.resolve("out1"), "holds no image tile");

        Path small = dir.resolve("small");
        writeTile(small.resolve("t.tif"), 48, 48, 4);
        assertRefused(small, Map.of(), dir.resolve("out2"), "is 48×48 px; tiles must be at least 64×64");

        Path threeBands = dir.resolve("three");
        writeTile(threeBands.resolve("t.tif"), 64, 64, 3);
        assertRefused(threeBands, Map.of("bands", "B2,B3,B4,B8"), dir.resolve("out3"), "are missing");

        // a band-per-file tile without B8
        Path perBand = dir.resolve("perband/tile1");
        for (String b : List.of("B2", "B3", "B4")) copy(Fixtures.file(JUNE + "/" + b + ".tif"), perBand.resolve(b + ".tif"));
        Ai4cException e = assertRefused(dir.resolve("perband"), Map.of("bands", "B2,B3,B4,B8"), dir.resolve("out4"),
                "[B8] are missing");
        assertTrue(e.getMessage().contains(perBand.toString()), e.getMessage());
    }

    private static Ai4cException assertRefused(Path input, Map<String, String> extra, Path out, String expected)
            throws IOException {
        Map<String, String> args = new HashMap<>(Map.of("action", "pretrain", "inputDir", input.toString(),
                "backbone", "resnet18", "patch_size", "64", "b", "4", "epochs", "1"));
        args.putAll(extra);
        ParameterValues params = UnetDescriptor.DESCRIPTOR.validate(args);
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> new UnetOperator().write(Map.of(), params, out, ProcessingContext.defaults().withThreads(1)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                assertFalse(s.findAny().isPresent(), "nothing written into " + out);
            }
        }
        return e;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    /** A GeoTIFF without georeferencing (the checks do not need one; the EPSG database takes seconds to open). */
    private static void writeTile(Path file, int w, int h, int bands) throws IOException {
        Files.createDirectories(file.getParent());
        Band[] list = new Band[bands];
        Block[] blocks = new Block[bands];
        for (int b = 0; b < bands; b++) {
            short[] v = new short[w * h];
            for (int i = 0; i < v.length; i++) v[i] = (short) (500 + 37 * b + i % 97);
            list[b] = Band.of("band_" + (b + 1), eu.ai4c.kit.raster.DataType.UINT16);
            blocks[b] = new Block(Region.of(w, h), eu.ai4c.kit.raster.DataType.UINT16, v);
        }
        new GeoTiffWriter().write(Product.of("t", new MemoryRaster(List.of(list), blocks, null)), file,
                ProcessingContext.defaults().withThreads(1));
    }
}
