package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.s2.preprocess.S2PreprocessOperator;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs of {@code -action predict}: a Sentinel-2 SAFE product (folder or zip) is mapped exactly as
 * its S2-preprocess output GeoTIFF is; bad inputs are refused with nothing written.
 */
class PredictInputTest {
    private static final ProcessingContext CONTEXT = ProcessingContext.defaults().withThreads(1);

    /** A random ResNet-18 U-Net of patch 64 for {@code bands}, with the given normalisation. */
    private static Path model(Path dir, List<String> bands, float mean, float std) throws Exception {
        TorchRuntime.init().setRandomSeed(23);
        UnetModel model;
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            UnetNetwork net = new UnetNetwork(Backbone.RESNET18, bands.size(), 3);
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, bands.size(), 64, 64));
            float[] means = new float[bands.size()];
            float[] stds = new float[bands.size()];
            java.util.Arrays.fill(means, mean);
            java.util.Arrays.fill(stds, std);
            model = UnetModel.of(net, bands, new int[] {0, 1, 2}, 64, means, stds);
        }
        Path file = dir.resolve("model-" + mean + UnetModelFile.EXTENSION);
        UnetModelFile.write(model, file);
        return file;
    }

    /** The S2-preprocess output of {@code product} for {@code bands}, times {@code factor}, as a GeoTIFF. */
    private static Path preprocessed(Path product, String bands, float factor, Path file) throws Exception {
        S2PreprocessOperator op = new S2PreprocessOperator();
        Map<String, String> raw = new LinkedHashMap<>(Map.of("bands", bands));
        Raster r = op.apply(Map.of("input", ProductIO.read(product)), op.descriptor().validate(raw), CONTEXT).raster();
        Block[] blocks = new Block[r.bands().size()];
        for (int b = 0; b < blocks.length; b++) {
            float[] v = r.read(b, r.bounds()).toFloats().clone();
            for (int i = 0; i < v.length; i++) v[i] *= factor;
            blocks[b] = new Block(r.bounds(), DataType.FLOAT32, v);
        }
        new GeoTiffWriter().write(Product.of("pre", new MemoryRaster(r.bands(), blocks, r.geoCoding())), file, CONTEXT);
        return file;
    }

    @Test
    void sentinel2ProductIsMappedAsItsS2PreprocessOutput(@TempDir Path dir) throws Exception {
        SyntheticS2Product l2a = SyntheticS2Product.builder(S2Level.L2A).size(120).noDataColumns(12).geoTiff(true)
                .bands(S2Band.B2, S2Band.B4, S2Band.B5, S2Band.B8).build();
        Path safe = l2a.write(dir.resolve("products"));
        Path zip = SyntheticS2Product.builder(S2Level.L2A).size(120).noDataColumns(12).geoTiff(true).zipped(true)
                .bands(S2Band.B2, S2Band.B4, S2Band.B5, S2Band.B8).build().write(dir.resolve("zips"));
        // the model's order differs from the product's; B5 is a 20 m band resampled to 10 m
        List<String> bands = List.of("B8", "B2", "B5", "B4");
        // a model trained on reflectance (S2-preprocess outputs) and one trained on digital numbers (e.g. SEN12MS)
        for (float scale : new float[] {1, 10000}) {
            Path model = model(dir, bands, 0.2f * scale, 0.1f * scale);
            Path reference = preprocessed(safe, "B8,B2,B5,B4", scale, dir.resolve("pre-" + scale + "/pre.tif"));
            Path expectedDir = dir.resolve("expected-" + scale);
            UnetOperator.predict(List.of(reference), model, expectedDir, CONTEXT);
            byte[] expected = ClassProbabilitiesTest.readAll(expectedDir.resolve("pre.tif"), 0).bytes();
            for (Path product : scale == 1 ? List.of(safe, zip) : List.of(zip)) {
                Path out = dir.resolve("maps-" + scale + "-" + product.getFileName());
                List<Path> files = UnetOperator.predict(UnetOperator.imagesOf(product), model, out, CONTEXT);
                String name = l2a.safeName().replace(".SAFE", "");
                assertEquals(out.resolve(name + ".tif"), files.get(0));
                byte[] map = ClassProbabilitiesTest.readAll(files.get(0), 0).bytes();
                assertArrayEquals(expected, map, "map of " + product.getFileName() + " at scale " + scale);
                int[] seen = new int[256];
                for (int i = 0; i < map.length; i++) {
                    seen[map[i] & 0xFF]++;
                    // the no-data columns of the product (all bands, 12 px at 10 m) are no-data in the map
                    if (i % 120 < 12) assertEquals(ClassMapRaster.NO_DATA, map[i] & 0xFF, "pixel " + i);
                }
                assertEquals(12 * 120, seen[ClassMapRaster.NO_DATA]);
            }
        }
        // a folder holding products: each is mapped
        assertEquals(List.of(safe), UnetOperator.imagesOf(dir.resolve("products")));
    }

    @Test
    void badPredictInputIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path model = model(dir, List.of("B4", "B8"), 0.2f, 0.1f);
        Path good = writeTile(dir.resolve("in/a.tif"), 96, 96, "B4", "B8");
        // a tile below 64 × 64 after a good one: neither map is kept
        Path small = writeTile(dir.resolve("in/b.tif"), 63, 80, "B4", "B8");
        assertRefused(List.of(good, small), model, dir, "is 63×80 px; tiles must be at least 64×64");
        // bands missing from a tile (a model for other bands)
        Path three = writeTile(dir.resolve("in/c.tif"), 96, 96, "B2", "B3", "B4");
        assertRefused(List.of(good, three), model, dir, "bands [B8] are missing");
        // a Sentinel-2 product without a band of the model
        Path safe = SyntheticS2Product.builder(S2Level.L2A).size(96).noDataColumns(0).geoTiff(true)
                .bands(S2Band.B2, S2Band.B4).build().write(dir.resolve("products"));
        assertRefused(List.of(safe), model, dir, "has no band B8");
        // a product for a model whose bands are not Sentinel-2 bands
        UnetModel m = UnetModelFile.read(model);
        Path unnamed = dir.resolve("unnamed" + UnetModelFile.EXTENSION);
        UnetModelFile.write(new UnetModel(m.backbone(), List.of("band_1", "band_2"), m.classIds(), m.patchSize(),
                m.mean(), m.std(), m.weights()), unnamed);
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> UnetOperator.predict(List.of(safe), unnamed, dir.resolve("out"), CONTEXT));
        assertTrue(e.getMessage().contains("are not all Sentinel-2 band names"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private static void assertRefused(List<Path> inputs, Path model, Path dir, String message) {
        Path out = dir.resolve("out");
        Ai4cException e = assertThrows(Ai4cException.class, () -> UnetOperator.predict(inputs, model, out, CONTEXT));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(Files.exists(out), "nothing written: " + out);
    }

    private static Path writeTile(Path file, int w, int h, String... bands) throws Exception {
        List<Band> list = new ArrayList<>();
        Block[] blocks = new Block[bands.length];
        for (int b = 0; b < bands.length; b++) {
            list.add(Band.of(bands[b], DataType.FLOAT32));
            float[] v = new float[w * h];
            for (int i = 0; i < v.length; i++) v[i] = 0.1f + 0.01f * ((i * (b + 3)) % 23);
            blocks[b] = new Block(eu.ai4c.kit.raster.Region.of(w, h), DataType.FLOAT32, v);
        }
        new GeoTiffWriter().write(Product.of("t", new MemoryRaster(list, blocks, ClassProbabilitiesTest.GRID)), file,
                CONTEXT);
        return file;
    }
}
