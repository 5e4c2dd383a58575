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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout (b): SEN12MS season/scene folders, IGBP labels and the simplified 10-class scheme. */
class Sen12msTest {
    private static final MapGeoCoding GRID = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46), 499980,
            5200020, 10, 10);
    private static final int SIZE = 64;

    /**
     * The simplified scheme as documented (module README, {@code -simplified} description, {@link Sen12ms}):
     * IGBP id → simplified id and name. Written out here, not derived from the code under test.
     */
    private static final Object[][] DOCUMENTED = {
            {1, 1, "Forest"}, {2, 1, "Forest"}, {3, 1, "Forest"}, {4, 1, "Forest"}, {5, 1, "Forest"},
            {6, 2, "Shrubland"}, {7, 2, "Shrubland"}, {8, 3, "Savanna"}, {9, 3, "Savanna"}, {10, 4, "Grassland"},
            {11, 5, "Wetlands"}, {12, 6, "Croplands"}, {13, 7, "Urban/Built-up"}, {14, 6, "Croplands"},
            {15, 8, "Snow/Ice"}, {16, 9, "Barren"}, {17, 10, "Water"}};

    @Test
    void simplifiedSchemeIsTheDocumentedTable() {
        assertEquals(0, Sen12ms.simplified(0), "no label stays background");
        for (Object[] row : DOCUMENTED) {
            int igbp = (Integer) row[0];
            int simple = (Integer) row[1];
            assertEquals(simple, Sen12ms.simplified(igbp), "IGBP " + igbp + " " + Sen12ms.IGBP.get(igbp - 1));
            assertEquals(row[2], Sen12ms.SIMPLIFIED.get(simple - 1), "name of simplified class " + simple);
        }
        assertEquals(17, Sen12ms.IGBP.size());
        assertEquals(10, Sen12ms.SIMPLIFIED.size());
        int[] identity = Sen12ms.labelMap(false);
        int[] simple = Sen12ms.labelMap(true);
        for (int v = 0; v < 256; v++) {
            assertEquals(v <= 17 ? v : -1, identity[v], "IGBP value " + v);
            assertEquals(v <= 17 ? Sen12ms.simplified(v) : -1, simple[v], "simplified value " + v);
        }
        assertThrows(IllegalArgumentException.class, () -> Sen12ms.simplified(18));
        // the descriptor's description carries the same table
        String description = UnetDescriptor.DESCRIPTOR.parameters().stream()
                .filter(p -> p.name().equals("simplified")).findFirst().orElseThrow().description();
        for (String part : new String[] {"1-5 (forests) -> 1 Forest", "6-7 -> 2 Shrubland", "8-9 -> 3 Savanna",
                "10 -> 4 Grassland", "11 -> 5 Wetlands", "12 and 14 -> 6 Croplands", "13 -> 7 Urban/Built-up",
                "15 -> 8 Snow/Ice", "16 -> 9 Barren", "17 -> 10 Water"}) {
            assertTrue(description.contains(part), part);
        }
    }

    /** DN of band {@code b} (0-based in {@link Sen12ms#S2_BANDS} order) of tile {@code t} at (x, y). */
    private static int dn(int t, int b, int x, int y) {
        return 1000 + 100 * b + (x + 3 * y + 7 * t) % 50;
    }

    /** IGBP class of tile {@code t} at (x, y): every class 1–17 in 8 × 8 blocks. */
    private static int igbp(int t, int x, int y) {
        return 1 + (x / 8 + 3 * (y / 8) + t) % 17;
    }

    /** Writes a SEN12MS S2 patch (13 unnamed uint16 bands) and its 4-band land cover. */
    private static void writePatch(Path s2, Path lc, int t, int bands, int igbpOverride) throws Exception {
        List<Band> s2Bands = new ArrayList<>();
        Block[] s2Blocks = new Block[bands];
        for (int b = 0; b < bands; b++) {
            s2Bands.add(Band.of("band_" + (b + 1), DataType.UINT16));
            short[] v = new short[SIZE * SIZE];
            for (int i = 0; i < v.length; i++) v[i] = (short) dn(t, b, i % SIZE, i / SIZE);
            s2Blocks[b] = new Block(Region.of(SIZE, SIZE), DataType.UINT16, v);
        }
        write(new MemoryRaster(s2Bands, s2Blocks, GRID), s2);
        List<Band> lcBands = new ArrayList<>();
        Block[] lcBlocks = new Block[4];
        String[] names = {"IGBP", "LCCS_LC", "LCCS_LU", "LCCS_SH"};
        for (int b = 0; b < 4; b++) {
            lcBands.add(Band.of(names[b], DataType.BYTE));
            byte[] v = new byte[SIZE * SIZE];
            // LCCS bands hold values that are no IGBP class: used as labels they would be refused
            for (int i = 0; i < v.length; i++) v[i] = (byte) (b == 0 ? igbp(t, i % SIZE, i / SIZE) : 200 + b);
            if (b == 0 && igbpOverride >= 0) v[SIZE * 3 + 5] = (byte) igbpOverride;
            lcBlocks[b] = new Block(Region.of(SIZE, SIZE), DataType.BYTE, v);
        }
        write(new MemoryRaster(lcBands, lcBlocks, GRID), lc);
    }

    private static void write(MemoryRaster r, Path file) throws Exception {
        new GeoTiffWriter().write(Product.of(file.getFileName().toString(), r), file,
                ProcessingContext.defaults().withThreads(1));
    }

    /** Two spring patches in the distributed layout and one summer patch in the split-by-sensor layout. */
    private static Path tree(Path root) throws Exception {
        Path spring = root.resolve("ROIs1158_spring");
        writePatch(spring.resolve("s2_1/ROIs1158_spring_s2_1_p30.tif"), spring.resolve("lc_1/ROIs1158_spring_lc_1_p30.tif"),
                0, 13, -1);
        writePatch(spring.resolve("s2_1/ROIs1158_spring_s2_1_p31.tif"), spring.resolve("lc_1/ROIs1158_spring_lc_1_p31.tif"),
                1, 13, -1);
        writePatch(root.resolve("ROIs1868_summer_s2/s2_5/ROIs1868_summer_s2_5_p2.tif"),
                root.resolve("ROIs1868_summer_lc/lc_5/ROIs1868_summer_lc_5_p2.tif"), 2, 13, -1);
        // the radar patches of the same scene are not image tiles
        Files.createDirectories(spring.resolve("s1_1"));
        Files.write(spring.resolve("s1_1/ROIs1158_spring_s1_1_p30.tif"), new byte[] {1});
        return root;
    }

    private static ParameterValues params(Path input, String... more) {
        Map<String, String> raw = new LinkedHashMap<>(Map.of("action", "extract_data", "inputDir", input.toString(),
                "patch_size", "64", "val_fraction", "0", "bands", "B2,B8,B8A,B12"));
        for (int i = 0; i < more.length; i += 2) raw.put(more[i], more[i + 1]);
        return UnetDescriptor.DESCRIPTOR.validate(raw);
    }

    @Test
    void sen12msTreeGivesPatchesOfTheChosenBandsWithSimplifiedOrIgbpLabels(@TempDir Path dir) throws Exception {
        Path root = tree(dir.resolve("SEN12MS"));
        List<LabelledTiles.Tile> tiles = LabelledTiles.list(root);
        assertEquals(List.of("ROIs1158_spring_s2_1_p30", "ROIs1158_spring_s2_1_p31", "ROIs1868_summer_s2_5_p2"),
                tiles.stream().map(LabelledTiles.Tile::name).toList());
        assertEquals(root.resolve("ROIs1868_summer_lc/lc_5/ROIs1868_summer_lc_5_p2.tif"), tiles.get(2).label());
        // one season folder is an input too
        assertEquals(2, LabelledTiles.list(root.resolve("ROIs1158_spring")).size());

        for (boolean simplified : new boolean[] {true, false}) {
            Path out = dir.resolve("patches-" + simplified);
            new UnetOperator().write(Map.of(), params(root, "simplified", simplified ? "True" : "False",
                    "selected-classes", simplified ? "1-10" : "1-17"), out, ProcessingContext.defaults());
            PatchSetFiles.Loaded set = PatchSetFiles.read(out);
            assertEquals(List.of("B2", "B8", "B8A", "B12"), set.bandNames());
            int classes = simplified ? 10 : 17;
            int[] ids = new int[classes + 1];
            for (int c = 0; c <= classes; c++) ids[c] = c;
            assertArrayEquals(ids, set.classIds());
            assertEquals(3, set.train().count());
            // patches in tile order (no validation); class index = id here, every pixel checked
            int pp = SIZE * SIZE;
            for (int t = 0; t < 3; t++) {
                for (int i = 0; i < pp; i++) {
                    int expected = simplified ? Sen12ms.simplified(igbp(t, i % SIZE, i / SIZE)) : igbp(t, i % SIZE, i / SIZE);
                    assertEquals(expected, set.train().y()[t * pp + i], "tile " + t + " pixel " + i);
                }
            }
            // bands taken by their SEN12MS position: B2 = file band 2, B8 = 8, B8A = 9, B12 = 13
            int[] position = {1, 7, 8, 12};
            for (int k = 0; k < 4; k++) {
                double sum = 0;
                for (int t = 0; t < 3; t++) for (int i = 0; i < pp; i++) sum += dn(t, position[k], i % SIZE, i / SIZE);
                assertEquals(sum / (3.0 * pp), set.mean()[k], 1e-3, "mean of " + set.bandNames().get(k));
            }
        }

        // a selection keeps those IGBP classes; the others become background
        Path out = dir.resolve("patches-selected");
        new UnetOperator().write(Map.of(), params(root, "selected-classes", "12,17"), out, ProcessingContext.defaults());
        PatchSetFiles.Loaded set = PatchSetFiles.read(out);
        assertArrayEquals(new int[] {0, 12, 17}, set.classIds());
        int v = igbp(0, 0, 0);
        assertEquals(v == 12 ? 1 : v == 17 ? 2 : 0, set.train().y()[0]);
    }

    @Test
    void badSen12msInputIsRefusedWithTheFileAndNothingIsWritten(@TempDir Path dir) throws Exception {
        // a patch without its land cover
        Path lonely = tree(dir.resolve("lonely"));
        Files.delete(lonely.resolve("ROIs1158_spring/lc_1/ROIs1158_spring_lc_1_p31.tif"));
        assertRefused(params(lonely), dir, "ROIs1158_spring_s2_1_p31.tif has no land-cover patch");
        // an IGBP value that is no class
        Path odd = dir.resolve("odd");
        writePatch(odd.resolve("ROIs1970_fall/s2_3/ROIs1970_fall_s2_3_p7.tif"),
                odd.resolve("ROIs1970_fall/lc_3/ROIs1970_fall_lc_3_p7.tif"), 0, 13, 18);
        assertRefused(params(odd, "simplified", "True"), dir, "holds 18 in its first (IGBP) band at pixel (5, 3)");
        // a patch with bands missing
        Path short12 = dir.resolve("short");
        writePatch(short12.resolve("ROIs1970_fall/s2_3/ROIs1970_fall_s2_3_p7.tif"),
                short12.resolve("ROIs1970_fall/lc_3/ROIs1970_fall_lc_3_p7.tif"), 0, 12, -1);
        assertRefused(params(short12), dir, "has 12 bands; its layout has 13");
        // -simplified on layout (a)
        Path plain = dir.resolve("plain");
        SyntheticLandscape.write(plain, "t", SyntheticLandscape.draw(96, 96, 3));
        Map<String, String> raw = new LinkedHashMap<>(Map.of("action", "extract_data", "inputDir", plain.toString(),
                "patch_size", "64", "simplified", "True"));
        assertRefused(UnetDescriptor.DESCRIPTOR.validate(raw), dir, "-simplified True maps the IGBP labels of SEN12MS");
        // neither layout
        Files.createDirectories(dir.resolve("empty"));
        assertRefused(params(dir.resolve("empty")), dir, "no SEN12MS patches");
    }

    private static void assertRefused(ParameterValues params, Path dir, String message) {
        Path out = dir.resolve("out");
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> new UnetOperator().write(Map.of(), params, out, ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** DFC2020 class of tile {@code t} at (x, y): every simplified class 1–10 in 8 × 8 blocks. */
    private static int dfc(int t, int x, int y) {
        return 1 + (x / 8 + 3 * (y / 8) + t) % 10;
    }

    /** Writes a DFC2020 S2 patch (13 bands) and its one-band label patch; {@code override} at (5, 3) unless negative. */
    private static void writeDfcPatch(Path s2, Path label, int t, int override) throws Exception {
        Path lcScratch = label.resolveSibling("scratch_lc.tif");
        writePatch(s2, lcScratch, t, 13, -1);
        Files.delete(lcScratch);
        byte[] v = new byte[SIZE * SIZE];
        for (int i = 0; i < v.length; i++) v[i] = (byte) dfc(t, i % SIZE, i / SIZE);
        if (override >= 0) v[SIZE * 3 + 5] = (byte) override;
        write(new MemoryRaster(List.of(Band.of("DFC", DataType.BYTE)),
                new Block[] {new Block(Region.of(SIZE, SIZE), DataType.BYTE, v)}, GRID), label);
    }

    @Test
    void classNamesFollowTheSchemeAndGivenNamesReplaceThem(@TempDir Path dir) throws Exception {
        Path root = tree(dir.resolve("SEN12MS"));
        Path simple = dir.resolve("simple");
        new UnetOperator().write(Map.of(), params(root, "simplified", "True", "selected-classes", "1-10"), simple,
                ProcessingContext.defaults());
        PatchSetFiles.Loaded set = PatchSetFiles.read(simple);
        assertEquals("background", set.classNames().name(0));
        assertEquals("Croplands", set.classNames().name(6));
        assertEquals("Water", set.classNames().name(10));
        String summary = Files.readString(simple.resolve(PatchSetFiles.SUMMARY));
        assertTrue(summary.contains(",Urban/Built-up\n"), summary);

        Path igbp = dir.resolve("igbp");
        new UnetOperator().write(Map.of(), params(root, "selected-classes", "12,14,17", "class_names", "17=open water"),
                igbp, ProcessingContext.defaults());
        set = PatchSetFiles.read(igbp);
        assertEquals(Map.of(12, "Croplands", 14, "Cropland/Natural Vegetation Mosaics", 17, "open water"),
                set.classNames().asMap(), "only the learnt classes, IGBP names, the given one replacing its id's");
    }

    @Test
    void dfc2020LabelsAreTheSimplifiedClasses(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("DFC2020");
        Path season = root.resolve("ROIs0000_validation");
        for (int t = 0; t < 2; t++) {
            writeDfcPatch(season.resolve("s2_0/ROIs0000_validation_s2_0_p" + t + ".tif"),
                    season.resolve("dfc_0/ROIs0000_validation_dfc_0_p" + t + ".tif"), t, -1);
        }
        List<LabelledTiles.Tile> tiles = LabelledTiles.list(root);
        assertEquals(2, tiles.size());
        assertEquals(LabelledTiles.Layout.DFC2020, tiles.get(0).layout());
        Path out = dir.resolve("patches");
        // -simplified True or False: the labels are the simplified classes either way
        new UnetOperator().write(Map.of(), params(root, "selected-classes", "1-10"), out, ProcessingContext.defaults());
        PatchSetFiles.Loaded set = PatchSetFiles.read(out);
        assertEquals(2, set.train().count());
        int pp = SIZE * SIZE;
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < pp; i++) assertEquals(dfc(t, i % SIZE, i / SIZE), set.train().y()[t * pp + i]);
        }
        assertEquals("Snow/Ice", set.classNames().name(8));

        Path odd = dir.resolve("odd");
        writeDfcPatch(odd.resolve("ROIs0000_test/s2_1/ROIs0000_test_s2_1_p4.tif"),
                odd.resolve("ROIs0000_test/dfc_1/ROIs0000_test_dfc_1_p4.tif"), 0, 11);
        assertRefused(params(odd, "selected-classes", "1-10"), dir, "holds 11 at pixel (5, 3); DFC2020 classes");

        // SEN12MS lc patches and DFC2020 patches in one input: their classes differ
        Path mixed = tree(dir.resolve("mixed"));
        writeDfcPatch(mixed.resolve("ROIs0000_validation/s2_0/ROIs0000_validation_s2_0_p0.tif"),
                mixed.resolve("ROIs0000_validation/dfc_0/ROIs0000_validation_dfc_0_p0.tif"), 0, -1);
        assertRefused(params(mixed), dir, "mixes");
    }

    @Test
    void selectedClassRanges() {
        ParameterValues p = params(Path.of("x"), "selected-classes", "1-3,7,10-11");
        assertArrayEquals(new int[] {1, 2, 3, 7, 10, 11}, UnetOperator.selectedClasses(p));
        for (String bad : new String[] {"3-1", "1-2-3", "a-b", "250-256"}) {
            Ai4cException e = assertThrows(Ai4cException.class,
                    () -> UnetOperator.selectedClasses(params(Path.of("x"), "selected-classes", bad)));
            assertTrue(e.getMessage().contains("-selected-classes"), e.getMessage());
        }
    }
}
