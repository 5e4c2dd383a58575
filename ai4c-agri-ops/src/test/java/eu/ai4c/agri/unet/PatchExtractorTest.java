package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchExtractorTest {
    private static final MapGeoCoding GRID = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46), 499980,
            5200020, 10, 10);

    private static ParameterValues params(Path input, String... more) {
        java.util.Map<String, String> raw = new java.util.LinkedHashMap<>(Map.of("action", "extract_data",
                "inputDir", input.toString(), "patch_size", "64", "selected-classes", "1,3"));
        for (int i = 0; i < more.length; i += 2) raw.put(more[i], more[i + 1]);
        return UnetDescriptor.DESCRIPTOR.validate(raw);
    }

    @Test
    void patchSetKeepsSelectedClassesNormalisesAndSplitsByClass(@TempDir Path dir) throws Exception {
        Path tiles = dir.resolve("tiles");
        SyntheticLandscape.write(tiles, "a", SyntheticLandscape.draw(160, 130, 1));
        SyntheticLandscape.write(tiles, "b", SyntheticLandscape.draw(128, 128, 2));
        Path out = dir.resolve("patches");
        List<Path> files = new UnetOperator().write(Map.of(), params(tiles), out, ProcessingContext.defaults());
        assertEquals(out.resolve(PatchSetFiles.DESCRIPTION), files.get(0));
        PatchSetFiles.Loaded set = PatchSetFiles.read(out);
        // 160 → origins 0, 64, 96; 130 → 0, 64, 66: 9 patches; 128² → 4
        assertEquals(13, set.train().count() + set.validation().count());
        assertTrue(set.validation().count() >= 2 && set.validation().count() <= 4, "" + set.validation().count());
        assertArrayEquals(new int[] {0, 1, 3}, set.classIds());
        assertEquals(List.of("B2", "B3", "B4", "B8"), set.bandNames());
        // roads (2) are not selected: background; class indices only 0..2
        int[] seen = new int[3];
        for (byte v : set.train().y()) seen[v]++;
        assertTrue(seen[1] > 0 && seen[2] > 0 && seen[0] > 0);
        // normalised training values: mean about 0, sd about 1 per band (over all pixels incl. validation)
        double s = 0;
        double sq = 0;
        int px = set.train().patchPixels();
        for (int i = 0; i < set.train().count(); i++) {
            for (int p = 0; p < px; p++) {
                double v = set.train().x()[i * set.train().patchValues() + 3 * px + p];
                s += v;
                sq += v * v;
            }
        }
        double n = (double) set.train().count() * px;
        assertEquals(0, s / n, 0.25);
        assertEquals(1, Math.sqrt(sq / n - (s / n) * (s / n)), 0.25);
        assertTrue(Files.readString(out.resolve(PatchSetFiles.SUMMARY)).startsWith("class_id,train_pixels,val_pixels,name\n0,"));
    }

    @Test
    void badTilesAreRefusedWithTheirNameAndNothingIsWritten(@TempDir Path dir) throws Exception {
        // labels on another grid
        Path shifted = dir.resolve("shifted");
        SyntheticLandscape.write(shifted, "t", SyntheticLandscape.draw(96, 96, 3));
        writeLabels(shifted.resolve("labels/t.tif"), 96, 96, DataType.BYTE, 1,
                MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46), 500000, 5200020, 10, 10));
        assertRefused(shifted, dir, "not on the grid of its image");
        // a tile smaller than 64 × 64
        Path small = dir.resolve("small");
        SyntheticLandscape.write(small, "t", SyntheticLandscape.draw(63, 80, 4));
        assertRefused(small, dir, "at least 64×64");
        // a label value above 255
        Path big = dir.resolve("big");
        SyntheticLandscape.write(big, "t", SyntheticLandscape.draw(96, 96, 5));
        writeLabels(big.resolve("labels/t.tif"), 96, 96, DataType.UINT16, 300, GRID);
        assertRefused(big, dir, "holds 300");
        // bands missing from a tile
        Path bands = dir.resolve("bands");
        SyntheticLandscape.write(bands, "t", SyntheticLandscape.draw(96, 96, 6));
        Ai4cException e = assertThrows(Ai4cException.class, () -> new UnetOperator().write(Map.of(),
                params(bands, "bands", "B2,B3,B4,B8,B11"), dir.resolve("out"), ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains("[B11] are missing"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
        // an image without its label tile
        Path lonely = dir.resolve("lonely");
        SyntheticLandscape.write(lonely, "t", SyntheticLandscape.draw(96, 96, 7));
        Files.delete(lonely.resolve("labels/t.tif"));
        assertRefused(lonely, dir, "has no label tile");
    }

    private static void assertRefused(Path tiles, Path dir, String message) {
        Path out = dir.resolve("out");
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> new UnetOperator().write(Map.of(), params(tiles), out, ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains(message) && e.getMessage().contains(tiles.getFileName().toString()),
                e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static void writeLabels(Path file, int w, int h, DataType type, int value, MapGeoCoding grid)
            throws Exception {
        Block block = Block.filled(type, Region.of(w, h), 0);
        block.setDouble(w * 10 + 5, value);
        new GeoTiffWriter().write(Product.of("l", new MemoryRaster(List.of(Band.of("label", type)),
                new Block[] {block}, grid)), file, ProcessingContext.defaults().withThreads(1));
    }

    @Test
    void stratifiedSplitPutsEveryClassInValidation() {
        boolean[][] present = new boolean[20][3];
        for (int i = 0; i < 20; i++) {
            present[i][0] = true;
            present[i][1] = i < 15;
            present[i][2] = i >= 15; // rare class: 5 patches
        }
        boolean[] val = PatchExtractor.split(present, 3, 0.2, 1);
        int rare = 0;
        int all = 0;
        for (int i = 0; i < 20; i++) {
            if (val[i]) all++;
            if (val[i] && i >= 15) rare++;
        }
        assertEquals(1, rare);
        assertEquals(4, all);
        assertArrayEquals(new int[] {0, 64, 96}, PatchExtractor.origins(160, 64));
        assertArrayEquals(new int[] {0, 64}, PatchExtractor.origins(128, 64));
        Ai4cException e = assertThrows(Ai4cException.class, () -> PatchExtractor.classIds(new int[] {1, 256}));
        assertTrue(e.getMessage().contains("256"));
    }
}
