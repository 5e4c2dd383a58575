package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.testing.CompositeStacks;
import eu.ai4c.agri.testing.NearestCentroidFormat;
import eu.ai4c.kit.io.ProductIO;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ai4c predict} on .csv, .npy and GeoTIFF inputs, and {@code ai4c tile_classifier} end to end. */
class PredictCommandTest {
    static final int MONTHS = 12, BANDS = 9, CLASSES = 16;
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void model() throws Exception {
        model = NearestCentroidFormat.write(dir.resolve("m.ncm"), MONTHS, BANDS, CompositeStacks.centroids(CLASSES, MONTHS, BANDS));
    }

    /** The TimeSen2Crop-like CSV of a series of class {@code c}, offset by {@code delta} from the centroid. */
    static String csv(int c, int delta, int rows) {
        StringBuilder sb = new StringBuilder("B2,B3,B4,B5,B6,B7,B8A,B11,B12,Label\n");
        for (int t = 0; t < rows; t++) {
            for (int b = 0; b < BANDS; b++) sb.append(CompositeStacks.centroid(c, t, b) + delta).append(',');
            sb.append("0\n");
        }
        return sb.toString();
    }

    @Test
    void csvSeries() throws Exception {
        Path f = Files.writeString(dir.resolve("sample.csv"), csv(2, 15, MONTHS));
        Cli c = Cli.run("predict", "--model", model.toString(), f.toString());
        assertEquals(0, c.exit(), c.toString());
        List<String> lines = c.out().lines().toList();
        assertEquals("series,x,y,class_id,class_name,probability", lines.get(0));
        String[] row = lines.get(1).split(",");
        assertEquals(List.of("0", "", "", "2", "Maize"), List.of(row).subList(0, 5));
        double p = Double.parseDouble(row[5]);
        assertTrue(p > 0.9 && p <= 1, lines.get(1)); // 15 from class 2, ≥ 385 from all others: 1/d² weights
    }

    @Test
    void csvWithRawDatesRejectedWithAdvice() throws Exception {
        Path f = Files.writeString(dir.resolve("raw.csv"), csv(2, 0, 31));
        Path out = dir.resolve("raw_out.csv");
        Cli c = Cli.run("predict", "--model", model.toString(), "--output", out.toString(), f.toString());
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("31 dates") && c.err().contains("monthly medians"), c.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void npyArrayToFile() throws Exception {
        int n = 5;
        float[] v = new float[n * MONTHS * BANDS];
        int[] truth = {0, 15, 7, 7, 3};
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < MONTHS; t++) {
                for (int b = 0; b < BANDS; b++) v[(i * MONTHS + t) * BANDS + b] = CompositeStacks.centroid(truth[i], t, b) - 20;
            }
        }
        Path f = dir.resolve("x.npy");
        Npy.write(NpyArray.ofFloats(v, n, MONTHS, BANDS), f);
        Path out = dir.resolve("pred.csv");
        Cli c = Cli.run("predict", "--model", model.toString(), "--batch_size", "2", "-o", out.toString(), f.toString());
        assertEquals(0, c.exit(), c.toString());
        assertEquals(out.toString(), c.out().trim());
        List<String> lines = Files.readAllLines(out);
        assertEquals(n + 1, lines.size());
        for (int i = 0; i < n; i++) {
            String[] row = lines.get(i + 1).split(",");
            assertEquals(String.valueOf(i), row[0]);
            assertEquals(String.valueOf(truth[i]), row[3]);
        }
        assertTrue(lines.get(2).contains(",15,Other Crops,"), lines.get(2));
        // one series [ts, b]
        Path one = dir.resolve("one.npy");
        float[] s = new float[MONTHS * BANDS];
        System.arraycopy(v, 2 * MONTHS * BANDS, s, 0, s.length);
        Npy.write(NpyArray.ofFloats(s, MONTHS, BANDS), one);
        Cli c1 = Cli.run("predict", "--model", model.toString(), one.toString());
        assertTrue(c1.out().contains("\n0,,,7,Winter Caraway,"), c1.toString());
        // wrong shape
        Npy.write(NpyArray.ofFloats(new float[MONTHS * 4], MONTHS, 4), one);
        Cli bad = Cli.run("predict", "--model", model.toString(), one.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("[12, 4]") && bad.err().contains("[N, 12, 9]"), bad.err());
    }

    @Test
    void geoTiffStackTimeMajor() throws Exception {
        int w = 4, h = 3, nb = MONTHS * BANDS;
        List<Band> bands = new ArrayList<>();
        Block[] blocks = new Block[nb];
        for (int t = 0; t < MONTHS; t++) {
            for (int b = 0; b < BANDS; b++) {
                short[] v = new short[w * h];
                for (int p = 0; p < v.length; p++) v[p] = (short) (p == 5 ? 0 : CompositeStacks.centroid(p % CLASSES, t, b));
                bands.add(Band.of("m" + t + "_b" + b, DataType.UINT16, 0));
                blocks[t * BANDS + b] = new Block(Region.of(w, h), DataType.UINT16, v);
            }
        }
        Path f = dir.resolve("stack.tif");
        ProductIO.writer("GeoTIFF").write(Product.of("stack", new MemoryRaster(bands, blocks, CompositeStacks.GRID)), f,
                ProcessingContext.defaults().withThreads(1));
        Cli c = Cli.run("predict", "--model", model.toString(), f.toString());
        assertEquals(0, c.exit(), c.toString());
        List<String> lines = c.out().lines().toList();
        assertEquals(w * h + 1, lines.size());
        assertTrue(lines.get(7).startsWith("6,2,1,6,Winter Barley,"), lines.get(7));
        assertEquals("5,1,1,255,no data,", lines.get(6));
        // a folder of monthly composites works as well
        Path mc = dir.resolve("mc");
        CompositeStacks.write(mc, "T", 3, 2, MONTHS, BANDS, new int[] {4, 4, 9, 9, 1, 0}, 5, CompositeStacks.GRID);
        Cli folder = Cli.run("predict", "--model", model.toString(), mc.toString());
        assertTrue(folder.out().contains("\n2,2,0,9,Rapeseed,"), folder.toString());
    }

    @Test
    void helpExplainsInputsAndTileClassifierIsListed() {
        Cli help = Cli.run("predict", "--help");
        assertEquals(0, help.exit());
        for (String s : new String[] {"--model", "B8A", "monthly medians", "[N, ts, b]",
            "time-major", "class_id"}) {
            assertTrue(help.out().contains(s), s + " in\n" + help.out());
        }
        Cli tc = Cli.run("tile_classifier", "--help");
        for (String s : new String[] {"--input_dir", "--mc_dir", "--model", "--majority_size", "--output_dir"}) {
            assertTrue(tc.out().contains(s), s + " in\n" + tc.out());
        }
        assertTrue(Cli.run("list").out().contains("tile_classifier"));
    }

    @Test
    void missingModel() {
        Cli c = Cli.run("predict", "--model", dir.resolve("none.h5").toString(), dir.resolve("x.csv").toString());
        assertEquals(2, c.exit());
        assertTrue(c.err().contains("none.h5: no such file"), c.err());
    }

    @Test
    void tileClassifierCommandWritesMapLegendAndColourTable() throws Exception {
        int w = 40, h = 30;
        int[] classes = new int[w * h];
        for (int i = 0; i < classes.length; i++) classes[i] = (i % w) / 10 + 4 * ((i / w) / 15);
        Path mc = dir.resolve("mc_tile");
        CompositeStacks.write(mc, "T33UVP", w, h, MONTHS, BANDS, classes, 9, CompositeStacks.GRID);
        Path out = Files.createDirectories(dir.resolve("maps"));
        Cli c = Cli.run("tile_classifier", "--mc_dir", mc.toString(), "--model", model.toString(), "--output_dir",
                out.toString(), "--threads", "2", "-q");
        assertEquals(0, c.exit(), c.toString());
        Path map = out.resolve("T33UVP_crop_type.tif");
        assertEquals(map.toString(), c.out().trim());
        assertTrue(Files.isRegularFile(out.resolve("T33UVP_crop_type.tif.aux.xml")));
        List<String> legend = Files.readAllLines(out.resolve("T33UVP_crop_type_legend.csv"));
        assertEquals("0,Legumes," + eu.ai4c.agri.cropmap.CropTypeLegend.hex(0) + ",150", legend.get(1));
        assertEquals("8,Rye," + eu.ai4c.agri.cropmap.CropTypeLegend.hex(8) + ",0", legend.get(9));
        byte[] got = ProductIO.read(map).raster().read(0, Region.of(w, h)).bytes();
        for (int i = 0; i < got.length; i++) assertEquals(classes[i], got[i]);

        Path bad = Files.createDirectories(dir.resolve("maps_bad"));
        Cli rejected = Cli.run("tile_classifier", "--mc_dir", dir.resolve("mc").toString(), "--model",
                dir.resolve("absent.h5").toString(), "--output_dir", bad.toString(), "-q");
        assertEquals(2, rejected.exit(), rejected.toString());
        try (Stream<Path> s = Files.list(bad)) {
            assertEquals(0, s.count());
        }
    }
}
