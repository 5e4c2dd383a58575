package eu.ai4c.agri.cropmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.agri.testing.CompositeStacks;
import eu.ai4c.agri.testing.NearestCentroidFormat;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileClassifierTest {
    static final int W = 120, H = 90, MONTHS = 12, BANDS = 9, CLASSES = 16;
    static final ProcessingContext CTX = ProcessingContext.defaults().withThreads(2);
    @TempDir
    static Path dir;
    static Path mc;
    static Path model;
    static int[] planted;

    /** Class regions of 30×30 pixels (all 16 classes appear), plus a few isolated pixels of another class. */
    static int plantedClass(int x, int y) {
        int c = (x / 30 + 4 * (y / 30)) % CLASSES;
        if (x % 30 == 14 && y % 30 == 14) c = (c + 5) % CLASSES; // lone pixel inside a field
        return c;
    }

    @BeforeAll
    static void writeInputs() throws IOException {
        planted = new int[W * H];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) planted[y * W + x] = plantedClass(x, y);
        mc = dir.resolve("mc");
        CompositeStacks.write(mc, "T32TNT", W, H, MONTHS, BANDS, planted, 1, CompositeStacks.GRID);
        model = NearestCentroidFormat.write(dir.resolve("model.ncm"), MONTHS, BANDS,
                CompositeStacks.centroids(CLASSES, MONTHS, BANDS));
    }

    static Product run(Map<String, String> raw) throws IOException {
        ParameterValues p = TileClassifierDescriptor.DESCRIPTOR.validate(raw);
        return new TileClassifierOperator().apply(Map.of(), p, CTX);
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mc_dir", mc.toString());
        m.put("model", model.toString());
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static byte[] all(Raster r) throws IOException {
        return r.read(0, r.bounds()).bytes();
    }

    @Test
    void plantedClassesRecoveredExactly() throws IOException {
        Product p = run(params("majority_size", "0", "batch_size", "1000"));
        assertEquals("T32TNT_crop_type", p.name());
        byte[] map = all(p.raster());
        for (int i = 0; i < map.length; i++) assertEquals(planted[i], map[i] & 0xFF, "pixel " + i);
    }

    @Test
    void cropMaskZeroIsClassifiedOtherValuesAreNoData() throws IOException {
        byte[] mask = new byte[W * H];
        for (int i = 0; i < mask.length; i++) mask[i] = (byte) (i % 7 == 0 ? 1 : i % 11 == 0 ? 200 : 0);
        Path in = dir.resolve("in_mask");
        CompositeStacks.writeByte(in.resolve("crop_mask.tif"), W, H, mask, CompositeStacks.GRID);
        Files.copy(model, in.resolve("pretrained.ncm")); // the model is found in input_dir
        Map<String, String> raw = params("input_dir", in.toString(), "majority_size", "0");
        raw.remove("model");
        byte[] map = all(run(raw).raster());
        for (int i = 0; i < map.length; i++) {
            assertEquals(mask[i] == 0 ? planted[i] : 255, map[i] & 0xFF, "pixel " + i);
        }
    }

    @Test
    void noDataInAnyMonthGives255() throws IOException {
        int[] classes = planted.clone();
        for (int i = 0; i < classes.length; i += 13) classes[i] = -1; // 0 in every band of one month
        Path mcNoData = dir.resolve("mc_nodata");
        CompositeStacks.write(mcNoData, "T", W, H, MONTHS, BANDS, classes, 2, CompositeStacks.GRID);
        byte[] map = all(run(params("mc_dir", mcNoData.toString(), "majority_size", "0")).raster());
        for (int i = 0; i < map.length; i++) assertEquals(classes[i] < 0 ? 255 : planted[i], map[i] & 0xFF);
    }

    @Test
    void majorityFilterIndependentOfTilingAndEqualToBruteForce() throws IOException {
        byte[] mask = new byte[W * H];
        for (int i = 0; i < mask.length; i++) mask[i] = (byte) ((i / W + i % W) % 9 == 0 ? 1 : 0);
        Path maskFile = CompositeStacks.writeByte(dir.resolve("diag_mask.tif"), W, H, mask, CompositeStacks.GRID);
        byte[] raw = all(run(params("input_dir", maskFile.toString(), "majority_size", "0")).raster());
        byte[] expected = MajorityFilterTest.reference(raw, W, H, 5, CLASSES);
        for (int tile : new int[] {16, 37, 64, 512}) {
            Raster r = run(params("input_dir", maskFile.toString(), "majority_size", "5")).raster();
            byte[] got = new byte[W * H];
            TileEngine.run("test", r, new int[] {0}, new TileGrid(W, H, tile, tile), CTX, (c, row, blocks) -> {
                Block b = blocks[0];
                for (int y = 0; y < b.height(); y++) {
                    System.arraycopy(b.bytes(), y * b.width(), got, (b.region().y() + y) * W + b.region().x(), b.width());
                }
            });
            assertArrayEquals(expected, got, "tiles of " + tile);
        }
        // the lone pixels planted inside fields are gone, the masked pixels stay 255
        assertEquals(plantedClass(0, 0), expected[14 * W + 14] & 0xFF);
        for (int i = 0; i < mask.length; i++) if (mask[i] != 0) assertEquals(255, expected[i] & 0xFF);
    }

    @Test
    void eachPixelInferredOnceWhenTheFilterReadsHalos() throws IOException {
        Path mc32 = dir.resolve("mc_tiles32");
        CompositeStacks.write(mc32, "T", W, H, MONTHS, BANDS, planted, 4, CompositeStacks.GRID, 32);
        byte[] expected = MajorityFilterTest.reference(all(run(params("mc_dir", mc32.toString(), "majority_size", "0"))
                .raster()), W, H, 7, CLASSES);
        for (int tile : new int[] {16, 37, 50}) {
            Raster r = run(params("mc_dir", mc32.toString(), "majority_size", "7")).raster();
            byte[] got = new byte[W * H];
            NearestCentroidFormat.SERIES_PREDICTED.set(0);
            TileEngine.run("test", r, new int[] {0}, new TileGrid(W, H, tile, tile), CTX, (c, row, blocks) -> {
                Block b = blocks[0];
                for (int y = 0; y < b.height(); y++) {
                    System.arraycopy(b.bytes(), y * b.width(), got, (b.region().y() + y) * W + b.region().x(), b.width());
                }
            });
            assertEquals((long) W * H, NearestCentroidFormat.SERIES_PREDICTED.get(), "tiles of " + tile);
            assertArrayEquals(expected, got, "tiles of " + tile);
        }
    }

    @Test
    void geoTiffWithColourTableNoDataAndLegendCounts() throws Exception {
        Product p = run(params());
        Path out = dir.resolve("out/map.tif");
        Path written = ProductIO.writer("GeoTIFF").write(p, out, CTX);
        List<Path> side = p.attachment(SideOutputs.class).orElseThrow().write(written, CTX);
        assertEquals(List.of(dir.resolve("out/map_legend.csv"), dir.resolve("out/map.tif.aux.xml")), side);

        JsonNode info = new ObjectMapper().readTree(gdal("gdalinfo", "-json", written.toString()));
        JsonNode band = info.get("bands").get(0);
        assertEquals("Byte", band.get("type").asText());
        assertEquals(255, band.get("noDataValue").asInt());
        assertEquals("Palette", band.get("colorInterpretation").asText());
        JsonNode entries = band.get("colorTable").get("entries");
        assertEquals(256, entries.size());
        int green = CropTypeLegend.colour(1); // Grassland
        assertEquals(List.of(green >> 16 & 0xFF, green >> 8 & 0xFF, green & 0xFF, 255), ints(entries.get(1)));
        assertEquals(0, entries.get(255).get(3).asInt(), "no-data transparent");

        long[] counts = new long[256];
        for (byte b : all(ProductIO.read(written).raster())) counts[b & 0xFF]++;
        List<String> lines = Files.readAllLines(side.get(0));
        assertEquals("id,name,colour,pixels", lines.get(0));
        assertEquals(CLASSES + 2, lines.size());
        assertEquals("2,Maize," + CropTypeLegend.hex(2) + "," + counts[2], lines.get(3));
        long total = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(counts[Integer.parseInt(f[0])], Long.parseLong(f[3]), line);
            total += Long.parseLong(f[3]);
        }
        assertEquals((long) W * H, total);
        assertTrue(counts[2] > 0 && counts[255] == 0);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    static String gdal(String... command) throws Exception {
        Process proc;
        try {
            proc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not installed (GDAL command-line tools, package gdal-bin)", e);
        }
        String text = new String(proc.getInputStream().readAllBytes());
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue(), text);
        return text;
    }

    // ---- bad input: a clear message, and nothing written

    private static void assertRejected(Map<String, String> raw, String... fragments) throws IOException {
        Path out = dir.resolve("rejected");
        Files.createDirectories(out);
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(raw));
        for (String f : fragments) assertTrue(e.getMessage().contains(f), e.getMessage());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void maskOnAnotherGridRejected() throws IOException {
        Path small = CompositeStacks.writeByte(dir.resolve("small_mask.tif"), W - 1, H, new byte[(W - 1) * H],
                CompositeStacks.GRID);
        assertRejected(params("input_dir", small.toString()), "small_mask.tif", "119x90", "120x90", "grid");
        MapGeoCoding shifted = CompositeStacks.GRID.shifted(3, 0);
        Path moved = CompositeStacks.writeByte(dir.resolve("moved_mask.tif"), W, H, new byte[W * H], shifted);
        assertRejected(params("input_dir", moved.toString()), "moved_mask.tif", "grid");
    }

    @Test
    void wrongNumberOfMonthsRejected() throws IOException {
        Path eleven = dir.resolve("mc11");
        CompositeStacks.write(eleven, "T", 8, 8, 11, BANDS, new int[64], 3, CompositeStacks.GRID);
        assertRejected(params("mc_dir", eleven.toString()), "found 11 monthly composites", "expects 12");
    }

    @Test
    void bandCountOtherThanModelRejected() throws IOException {
        Path fourBands = dir.resolve("mc4");
        CompositeStacks.write(fourBands, "T", 8, 8, MONTHS, 4, new int[64], 3, CompositeStacks.GRID);
        assertRejected(params("mc_dir", fourBands.toString()), "has 4 bands", "expects 9");
    }

    @Test
    void compositesOnDifferentGridsRejected() throws IOException {
        Path mixed = dir.resolve("mc_mixed");
        CompositeStacks.write(mixed, "T", 8, 8, MONTHS, BANDS, new int[64], 3, CompositeStacks.GRID);
        Path odd = mixed.resolve("T_MC_2018-03.tif");
        Files.delete(odd);
        Path other = dir.resolve("mc_other");
        CompositeStacks.write(other, "T", 8, 8, MONTHS, BANDS, new int[64], 3, CompositeStacks.GRID.shifted(0, 5));
        Files.copy(other.resolve("T_MC_2018-03.tif"), odd);
        assertRejected(params("mc_dir", mixed.toString()), "T_MC_2018-03.tif", "not on the grid");
    }

    @Test
    void missingModelRejected() throws IOException {
        assertRejected(params("model", dir.resolve("nope.h5").toString()), "nope.h5", "no such file");
        Map<String, String> raw = params();
        raw.remove("model");
        assertRejected(raw, "no model given", "--model");
    }

    @Test
    void evenMajoritySizeRejected() throws IOException {
        assertRejected(params("majority_size", "4"), "--majority_size 4", "odd");
    }

    @Test
    void monthNamingRule() {
        assertArrayEquals(new int[] {2017, 9}, MonthlyCompositeStack.monthOf("T32TNT_MC_2017-09.tif"));
        assertArrayEquals(new int[] {2018, 1}, MonthlyCompositeStack.monthOf("MC_201801.tif"));
        assertArrayEquals(new int[] {2018, 2}, MonthlyCompositeStack.monthOf("S2_20180215_median.tif"));
        assertEquals(null, MonthlyCompositeStack.monthOf("T32TNT_composite.tif"));
        assertEquals(null, MonthlyCompositeStack.monthOf("x_2018131.tif"));
    }
}
