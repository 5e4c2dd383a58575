package eu.ai4c.agri.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.npy.NpyType;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.NumPy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monthlycomposite} end to end on small random REFBOA/LAI stacks, checked against NumPy's
 * {@code nanmedian} of the same samples (cloudy and no-data samples set to NaN), plus month
 * assignment across the agronomic-year boundary, gap filling and bad input.
 */
class MonthlyCompositeOpTest {
    private static final int W = 23, H = 17, BANDS = 2;
    private static final MapGeoCoding GRID = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 0, 0),
            600000, 5000000, 10, -10);

    @TempDir
    Path dir;

    @Test
    void monthlyMediansEqualNumpyNanmedianOfTheValidSamples() throws Exception {
        Path in = dir.resolve("in");
        // dates across the whole agronomic year 2017 (Sep 2017 – Aug 2018), plus one day on each side of it
        List<LocalDate> dates = new ArrayList<>();
        dates.add(LocalDate.of(2017, 8, 31)); // before the season: ignored
        for (LocalDate d = LocalDate.of(2017, 9, 1); d.isBefore(LocalDate.of(2018, 9, 1)); d = d.plusDays(9)) dates.add(d);
        dates.add(LocalDate.of(2018, 8, 31)); // last day of the season: August
        dates.add(LocalDate.of(2018, 9, 1));  // next season: ignored
        Random rnd = new Random(7);
        int n = dates.size();
        short[][] boa = new short[n * BANDS][];
        short[][] lai = new short[n][];
        for (int t = 0; t < n; t++) {
            lai[t] = new short[W * H];
            for (int i = 0; i < W * H; i++) lai[t][i] = (short) (rnd.nextDouble() < 0.3 ? 0 : 1 + rnd.nextInt(500));
            for (int b = 0; b < BANDS; b++) {
                short[] v = new short[W * H];
                for (int i = 0; i < W * H; i++) v[i] = (short) (rnd.nextDouble() < 0.05 ? 0 : 1 + rnd.nextInt(12000));
                boa[t * BANDS + b] = v;
            }
            writeDate(in, dates.get(t), boa, lai, t);
        }
        // every pixel of November 2017 cloudy: that month is no-data without gap filling
        for (int t = 0; t < n; t++) {
            if (dates.get(t).getMonthValue() == 11) {
                java.util.Arrays.fill(lai[t], (short) 0);
                writeDate(in, dates.get(t), boa, lai, t);
            }
        }
        Path out = dir.resolve("out");
        List<Path> files = run(in, out, Map.of("--input_dir", in.toString(), "--season_start", "2017"));
        assertEquals(12, files.size());
        assertEquals("T32TQR_MC_2017-09.tif", files.get(0).getFileName().toString());
        assertEquals("T32TQR_MC_2018-08.tif", files.get(11).getFileName().toString());
        try (Stream<Path> listed = Files.list(out)) {
            assertEquals(12, listed.count(), "only the 12 composites are written");
        }

        // the same stacks for NumPy: [dates, bands, H, W] samples, [dates, H, W] LAI, month index per date
        short[] allBoa = new short[n * BANDS * W * H];
        int[] allLai = new int[n * W * H];
        long[] month = new long[n];
        for (int t = 0; t < n; t++) {
            for (int b = 0; b < BANDS; b++) System.arraycopy(boa[t * BANDS + b], 0, allBoa, (t * BANDS + b) * W * H, W * H);
            for (int i = 0; i < W * H; i++) allLai[t * W * H + i] = lai[t][i];
            LocalDate d = dates.get(t);
            month[t] = (d.getYear() - 2017) * 12L + d.getMonthValue() - 9; // 0 = Sep 2017 … 11 = Aug 2018
        }
        int[] boaInts = new int[allBoa.length];
        for (int i = 0; i < allBoa.length; i++) boaInts[i] = allBoa[i] & 0xFFFF;
        Npy.write(NpyArray.ofInts(NpyType.UINT16, boaInts, n, BANDS, H, W), dir.resolve("boa.npy"));
        Npy.write(NpyArray.ofInts(NpyType.UINT16, allLai, n, H, W), dir.resolve("lai.npy"));
        Npy.write(NpyArray.ofLongs(month, n), dir.resolve("month.npy"));
        // the composites read back as [12, bands, H, W]
        int[] ours = new int[12 * BANDS * W * H];
        for (int m = 0; m < 12; m++) {
            Product p = ProductIO.read(files.get(m));
            for (int b = 0; b < BANDS; b++) {
                Block blk = p.raster().read(b, Region.of(W, H));
                for (int i = 0; i < W * H; i++) ours[(m * BANDS + b) * W * H + i] = (int) blk.getDouble(i);
            }
        }
        Npy.write(NpyArray.ofInts(NpyType.UINT16, ours, 12, BANDS, H, W), dir.resolve("ours.npy"));
        String result = NumPy.run(String.join("\n",
                "import numpy as np, warnings",
                "warnings.simplefilter('ignore')",
                "d='" + dir + "/'",
                "boa=np.load(d+'boa.npy').astype(float); lai=np.load(d+'lai.npy'); month=np.load(d+'month.npy')",
                "ours=np.load(d+'ours.npy').astype(float)",
                "boa[boa==0]=np.nan",
                "boa[np.broadcast_to((lai==0)[:,None], boa.shape)]=np.nan",
                "ref=np.zeros(ours.shape)",
                "for m in range(12):",
                "    sel=(month==m)",
                "    ref[m]=np.rint(np.nanmedian(boa[sel],axis=0)) if sel.any() else np.nan",
                "ref[np.isnan(ref)]=0",
                "print(int(np.abs(ref-ours).max()), int((ref[2]==0).all()), int((ref[3]!=0).sum()>0))"));
        assertEquals("0 1 1", result.trim(), "max |ours − numpy| , November all no-data, December has data");
    }

    @Test
    void gapFillingInterpolatesAMonthWithoutCloudFreeSamples() throws Exception {
        Path in = dir.resolve("in");
        // one date in each of Oct, Nov (cloudy), Dec 2017: Nov = mean of Oct and Dec
        short[][] boa = new short[3 * BANDS][];
        short[][] lai = new short[3][];
        LocalDate[] dates = {LocalDate.of(2017, 10, 5), LocalDate.of(2017, 11, 5), LocalDate.of(2017, 12, 5)};
        for (int t = 0; t < 3; t++) {
            lai[t] = new short[W * H];
            java.util.Arrays.fill(lai[t], (short) (t == 1 ? 0 : 100));
            for (int b = 0; b < BANDS; b++) {
                short[] v = new short[W * H];
                java.util.Arrays.fill(v, (short) (1000 + 1000 * t + b));
                boa[t * BANDS + b] = v;
            }
            writeDate(in, dates[t], boa, lai, t);
        }
        List<Path> files = run(in, dir.resolve("out"), Map.of("--input_dir", in.toString(), "--gap_filling", "true"));
        Product nov = ProductIO.read(files.get(2));
        assertEquals(2000, nov.raster().read(0, Region.of(W, H)).getDouble(5), 0.5); // (1000 + 3000) / 2
        assertEquals(2001, nov.raster().read(1, Region.of(W, H)).getDouble(5), 0.5);
        Product sep = ProductIO.read(files.get(0));
        // no extrapolation before the first valid month: September stays no-data
        assertEquals(0, sep.raster().read(0, Region.of(W, H)).getDouble(5), 0);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingWritten() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("REFBOA"));
        Path out = dir.resolve("out");
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(in, out, Map.of("--input_dir", in.toString())));
        assertTrue(e.getMessage().contains("REFBOA") && e.getMessage().contains("GeoTIFF"), e.getMessage());
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written");
        // REFBOA images without the LAI folder
        writeDate(in, LocalDate.of(2017, 10, 1), new short[][] {new short[W * H], new short[W * H]},
                new short[][] {new short[W * H]}, 0);
        eu.ai4c.kit.io.AtomicOutput.deleteTree(in.resolve("LAI"));
        e = assertThrows(Ai4cException.class, () -> run(in, out, Map.of("--input_dir", in.toString())));
        assertTrue(e.getMessage().contains("LAI"), e.getMessage());
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written");

        // grids differ: a REFBOA image on another grid
        short[][] boa = {new short[W * H], new short[W * H]};
        short[][] lai = {new short[W * H]};
        java.util.Arrays.fill(lai[0], (short) 5);
        writeDate(in, LocalDate.of(2017, 10, 1), boa, lai, 0);
        MemoryRaster other = new MemoryRaster(List.of(Band.of("B02", DataType.UINT16, 0), Band.of("B03", DataType.UINT16, 0)),
                new Block[] {new Block(Region.of(W + 1, H), DataType.UINT16, new short[(W + 1) * H]),
                        new Block(Region.of(W + 1, H), DataType.UINT16, new short[(W + 1) * H])}, GRID);
        ProductIO.writer("GeoTIFF").write(Product.of("x", other), in.resolve("REFBOA/T32TQR_20171011_REFBOA.tif"),
                ProcessingContext.defaults());
        short[] l2 = new short[W * H];
        writeLai(in, LocalDate.of(2017, 10, 11), l2);
        e = assertThrows(Ai4cException.class, () -> run(in, out, Map.of("--input_dir", in.toString())));
        assertTrue(e.getMessage().contains("20171011"), e.getMessage());
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written");
    }

    private static List<Path> run(Path in, Path out, Map<String, String> params) throws IOException {
        FileOperator op = (FileOperator) OperatorRegistry.load().get("monthlycomposite");
        return op.write(Map.of(), op.descriptor().validate(params), out, ProcessingContext.defaults());
    }

    private static void writeDate(Path in, LocalDate date, short[][] boa, short[][] lai, int t) throws IOException {
        List<Band> bands = new ArrayList<>();
        Block[] blocks = new Block[BANDS];
        for (int b = 0; b < BANDS; b++) {
            bands.add(Band.of("B0" + (b + 2), DataType.UINT16, 0));
            blocks[b] = new Block(Region.of(W, H), DataType.UINT16, boa[t * BANDS + b]);
        }
        String day = date.toString().replace("-", "");
        ProductIO.writer("GeoTIFF").write(Product.of("boa", new MemoryRaster(bands, blocks, GRID)),
                in.resolve("REFBOA/T32TQR_" + day + "_REFBOA.tif"), ProcessingContext.defaults());
        writeLai(in, date, lai[t]);
    }

    private static void writeLai(Path in, LocalDate date, short[] lai) throws IOException {
        String day = date.toString().replace("-", "");
        MemoryRaster r = new MemoryRaster(List.of(Band.of("LAI", DataType.UINT16)),
                new Block[] {new Block(Region.of(W, H), DataType.UINT16, lai)}, GRID);
        ProductIO.writer("GeoTIFF").write(Product.of("lai", r), in.resolve("LAI/T32TQR_" + day + "_LAI.tif"),
                ProcessingContext.defaults());
    }
}
