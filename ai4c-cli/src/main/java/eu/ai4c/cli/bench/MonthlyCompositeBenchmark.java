package eu.ai4c.cli.bench;

import eu.ai4c.agri.composite.MonthlyMedian;
import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.npy.NpyType;
import eu.ai4c.cli.ServiceRun;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code monthlycomposite}, two cases. {@code monthlycomposite-median}: the median kernel on data
 * in memory — 70 dates of one agronomic year (5-day revisit), 4 bands, P pixels
 * ({@code -Ppixels=P}, default min(2,000,000, N²)), 30 % cloudy samples — AI4C's
 * {@link MonthlyMedian} on one thread against {@code numpy.nanmedian} on the same samples
 * (cloudy ones as NaN, the masking not timed), with the largest difference of the results.
 * {@code monthlycomposite}: the operator end to end on R rows ({@code -Prows=R}, default
 * min(1024, N)) of N columns (default N = 10980) of 70 dated 4-band REFBOA + LAI DEFLATE GeoTIFFs,
 * with the time scaled to N rows; no peer yet.
 */
public final class MonthlyCompositeBenchmark extends DeclaredBenchmark {
    private static final int DATES = 70, BANDS = 4, MONTHS = 12;
    private static final LocalDate FIRST = LocalDate.of(2017, 9, 1);

    public MonthlyCompositeBenchmark() {
        super("monthlycomposite",
                "Monthly median kernel (1 thread) vs numpy.nanmedian; monthlycomposite end to end on N columns x R rows "
                + "of 70 dates (default N 10980, -Prows 1024, -Ppixels 2000000).", "pixels", "rows");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        int pixels = context.intOption("pixels", (int) Math.min(2_000_000L, (long) n * n), 1);
        int rows = context.intOption("rows", Math.min(1024, n), 1);
        Path work = Files.createDirectories(context.workDir().resolve("monthlycomposite"));
        return List.of(kernel(context, work, pixels), endToEnd(context, work, n, rows));
    }

    private static int[] monthOfDate() {
        int[] month = new int[DATES];
        for (int t = 0; t < DATES; t++) {
            LocalDate d = FIRST.plusDays(5L * t);
            month[t] = (d.getYear() - FIRST.getYear()) * 12 + d.getMonthValue() - FIRST.getMonthValue();
        }
        return month;
    }

    private BenchResult kernel(BenchContext context, Path work, int pixels) throws IOException {
        SplittableRandom rnd = new SplittableRandom(1);
        int[] month = monthOfDate();
        short[][] samples = new short[DATES][pixels];
        byte[][] valid = new byte[DATES][pixels];
        for (int t = 0; t < DATES; t++) {
            for (int i = 0; i < pixels; i++) {
                samples[t][i] = (short) (1 + rnd.nextInt(12000));
                valid[t][i] = (byte) (rnd.nextDouble() < 0.3 ? 0 : 1);
            }
        }
        // the dates of each month, as the operator groups them
        short[][][] s = new short[MONTHS][][];
        byte[][][] v = new byte[MONTHS][][];
        for (int m = 0; m < MONTHS; m++) {
            List<Integer> ds = new ArrayList<>();
            for (int t = 0; t < DATES; t++) if (month[t] == m) ds.add(t);
            s[m] = new short[ds.size()][];
            v[m] = new byte[ds.size()][];
            for (int k = 0; k < ds.size(); k++) {
                s[m][k] = samples[ds.get(k)];
                v[m][k] = valid[ds.get(k)];
            }
        }
        MonthlyMedian median = new MonthlyMedian(16);
        short[][] out = new short[MONTHS][pixels];
        // one band's samples stand for each of the 4 bands, in both AI4C and NumPy
        BenchContext.Measured ours = context.measure(() -> {
            for (int b = 0; b < BANDS; b++) {
                for (int m = 0; m < MONTHS; m++) median.compute(s[m], v[m], s[m].length, pixels, 0, out[m]);
            }
        });
        writeNpy(work, samples, valid, out, month);
        String[] py = PeerProcess.python(String.join("\n",
                "import numpy as np, time, warnings",
                "warnings.simplefilter('ignore')",
                "d=" + pythonString(work + "/"),
                "s=np.load(d+'s.npy'); v=np.load(d+'v.npy'); m=np.load(d+'m.npy'); o=np.load(d+'o.npy')",
                "x=np.where(v>0, s.astype(np.float32), np.float32(np.nan))",
                "times=[]",
                "for rep in range(" + (context.warmup() + context.repeat()) + "):",
                "    t0=time.perf_counter()",
                "    for b in range(" + BANDS + "):",
                "        r=np.stack([np.nanmedian(x[m==k],axis=0) for k in range(" + MONTHS + ")])",
                "    if rep >= " + context.warmup() + ": times.append(time.perf_counter()-t0)",
                "r=np.nan_to_num(np.rint(r))",
                // the median of the timed runs, as BenchContext reports for AI4C
                "print(float(np.median(times)), int(np.abs(r-o).max()), np.__version__)")).strip().split("\\s+");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", 1);
        extra.put("max_abs_difference_vs_numpy", Integer.parseInt(py[1]));
        extra.put("numpy", py[2]);
        for (String f : List.of("s.npy", "v.npy", "o.npy", "m.npy")) Files.delete(work.resolve(f));
        return BenchResult.of("monthlycomposite-median", pixels + " px x " + DATES + " dates x " + BANDS
                + " bands uint16, 30% cloudy", ours, "numpy.nanmedian", Double.parseDouble(py[0]), extra);
    }

    private static void writeNpy(Path work, short[][] samples, byte[][] valid, short[][] out, int[] month)
            throws IOException {
        int pixels = samples[0].length;
        int[] flat = new int[DATES * pixels];
        for (int t = 0; t < DATES; t++) for (int i = 0; i < pixels; i++) flat[t * pixels + i] = samples[t][i] & 0xFFFF;
        Npy.write(NpyArray.ofInts(NpyType.UINT16, flat, DATES, pixels), work.resolve("s.npy"));
        for (int t = 0; t < DATES; t++) for (int i = 0; i < pixels; i++) flat[t * pixels + i] = valid[t][i];
        Npy.write(NpyArray.ofInts(NpyType.UINT8, flat, DATES, pixels), work.resolve("v.npy"));
        int[] ours = new int[MONTHS * pixels];
        for (int m = 0; m < MONTHS; m++) for (int i = 0; i < pixels; i++) ours[m * pixels + i] = out[m][i] & 0xFFFF;
        Npy.write(NpyArray.ofInts(NpyType.UINT16, ours, MONTHS, pixels), work.resolve("o.npy"));
        long[] months = new long[DATES];
        for (int t = 0; t < DATES; t++) months[t] = month[t];
        Npy.write(NpyArray.ofLongs(months, DATES), work.resolve("m.npy"));
    }

    private BenchResult endToEnd(BenchContext context, Path work, int width, int rows) throws IOException {
        Path in = work.resolve("in_" + width + "x" + rows);
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 300000, 5000040, 10, -10);
        if (!Files.isDirectory(in)) {
            for (int t = 0; t < DATES; t++) {
                String day = FIRST.plusDays(5L * t).toString().replace("-", "");
                List<Band> bands = new ArrayList<>();
                for (int b = 0; b < BANDS; b++) bands.add(Band.of("B" + (b + 2), DataType.UINT16, 0));
                write(new Reflectance(width, rows, bands, t, false, grid),
                        in.resolve("REFBOA/T33UVP_" + day + "_REFBOA.tif"), context);
                write(new Reflectance(width, rows, List.of(Band.of("LAI", DataType.UINT16)), t, true, grid),
                        in.resolve("LAI/T33UVP_" + day + "_LAI.tif"), context);
            }
        }
        Path out = Files.createDirectories(work.resolve("out"));
        BenchContext.Measured ours = context.measure(() -> ServiceRun.run("monthlycomposite", Map.of(),
                Map.of("--input_dir", in.toString()), out, "GeoTIFF", context.processing()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("mpix_per_s", Math.round((double) width * rows / ours.seconds() / 1e5) / 10.0);
        extra.put("seconds_scaled_to_" + width + "_rows", Math.round(ours.seconds() * width / rows * 10) / 10.0);
        return BenchResult.of(name(), width + "x" + rows + " px, " + DATES + " dates x " + BANDS + " bands + LAI, DEFLATE",
                ours, null, Double.NaN, extra);
    }

    private static void write(Raster r, Path file, BenchContext context) throws IOException {
        Files.createDirectories(file.getParent());
        new GeoTiffWriter().write(Product.of(file.getFileName().toString(), r), file, context.processing());
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Reflectance-like noise, or LAI with 30 % zeros (clouds), computed on demand. */
    private record Reflectance(int width, int height, List<Band> bands, int date, boolean lai, MapGeoCoding geoCoding)
            implements Raster {
        @Override
        public Block read(int band, Region r) {
            short[] v = new short[Math.toIntExact(r.area())];
            SplittableRandom rnd = new SplittableRandom(((long) date * 31 + band) * 1_000_003L + r.y() * 20011L + r.x());
            for (int i = 0; i < v.length; i++) {
                v[i] = lai ? (short) (rnd.nextDouble() < 0.3 ? 0 : 1 + rnd.nextInt(600)) : (short) (200 + rnd.nextInt(4000));
            }
            return new Block(r, DataType.UINT16, v);
        }
    }
}
