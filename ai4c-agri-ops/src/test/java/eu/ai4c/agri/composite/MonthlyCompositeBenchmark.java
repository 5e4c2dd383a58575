package eu.ai4c.agri.composite;

import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.npy.NpyType;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.NumPy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Speed of {@code monthlycomposite} (not run by the tests).
 *
 * <p>Part 1, the median kernel against NumPy on the same arrays: 70 dates of one agronomic year
 * (5-day revisit), 4 bands, {@code pixels} pixels, 30 % cloudy samples; AI4C's
 * {@link MonthlyMedian} on one thread vs {@code numpy.nanmedian} (cloudy samples as NaN) of the
 * same samples, both on data already in memory, results compared for equality.</p>
 *
 * <p>Part 2, end to end: {@code rows} full-width rows (10980 px) of 70 dated 4-band REFBOA + LAI
 * GeoTIFFs (DEFLATE level 1) through the operator on 2 threads; time, scaled to a full tile.</p>
 *
 * <pre>MonthlyCompositeBenchmark [workFolder] [kernelPixels] [rows]</pre>
 */
public final class MonthlyCompositeBenchmark {
    private static final int DATES = 70, BANDS = 4, WIDTH = 10980;

    private MonthlyCompositeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir") + "/ai4c-mc-bench");
        int pixels = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        Files.createDirectories(work);
        kernel(work, pixels);
        endToEnd(work, rows);
        AtomicOutput.deleteTree(work);
    }

    private static void kernel(Path work, int pixels) throws Exception {
        SplittableRandom rnd = new SplittableRandom(1);
        LocalDate start = LocalDate.of(2017, 9, 1);
        int[] month = new int[DATES];
        for (int t = 0; t < DATES; t++) {
            LocalDate d = start.plusDays(5L * t);
            month[t] = (d.getYear() - 2017) * 12 + d.getMonthValue() - 9;
        }
        short[][] samples = new short[DATES][pixels];
        byte[][] valid = new byte[DATES][pixels];
        for (int t = 0; t < DATES; t++) {
            for (int i = 0; i < pixels; i++) {
                samples[t][i] = (short) (1 + rnd.nextInt(12000));
                valid[t][i] = (byte) (rnd.nextDouble() < 0.3 ? 0 : 1);
            }
        }
        // AI4C: per month the dates of that month; BANDS times (one band's samples reused per band)
        MonthlyMedian median = new MonthlyMedian(16);
        short[][] out = new short[12][pixels];
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            for (int b = 0; b < BANDS; b++) {
                for (int m = 0; m < 12; m++) {
                    List<Integer> ds = new ArrayList<>();
                    for (int t = 0; t < DATES; t++) if (month[t] == m) ds.add(t);
                    short[][] s = new short[ds.size()][];
                    byte[][] v = new byte[ds.size()][];
                    for (int k = 0; k < ds.size(); k++) {
                        s[k] = samples[ds.get(k)];
                        v[k] = valid[ds.get(k)];
                    }
                    median.compute(s, v, s.length, pixels, 0, out[m]);
                }
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        double ai4c = best / 1e9;
        int[] flat = new int[DATES * pixels];
        int[] mask = new int[DATES * pixels];
        int[] ours = new int[12 * pixels];
        for (int t = 0; t < DATES; t++) {
            for (int i = 0; i < pixels; i++) {
                flat[t * pixels + i] = samples[t][i] & 0xFFFF;
                mask[t * pixels + i] = valid[t][i];
            }
        }
        for (int m = 0; m < 12; m++) for (int i = 0; i < pixels; i++) ours[m * pixels + i] = out[m][i] & 0xFFFF;
        Npy.write(NpyArray.ofInts(NpyType.UINT16, flat, DATES, pixels), work.resolve("s.npy"));
        Npy.write(NpyArray.ofInts(NpyType.UINT8, mask, DATES, pixels), work.resolve("v.npy"));
        Npy.write(NpyArray.ofInts(NpyType.UINT16, ours, 12, pixels), work.resolve("o.npy"));
        long[] months = new long[DATES];
        for (int t = 0; t < DATES; t++) months[t] = month[t];
        Npy.write(NpyArray.ofLongs(months, DATES), work.resolve("m.npy"));
        String py = NumPy.run(String.join("\n",
                "import numpy as np, time, warnings",
                "warnings.simplefilter('ignore')",
                "d='" + work + "/'",
                "s=np.load(d+'s.npy'); v=np.load(d+'v.npy'); m=np.load(d+'m.npy'); o=np.load(d+'o.npy')",
                "x=np.where(v>0, s.astype(np.float32), np.float32(np.nan))",
                "best=1e9",
                "for rep in range(2):",
                "    t0=time.perf_counter()",
                "    for b in range(" + BANDS + "):",
                "        r=np.stack([np.nanmedian(x[m==k],axis=0) for k in range(12)])",
                "    best=min(best,time.perf_counter()-t0)",
                "r=np.nan_to_num(np.rint(r))",
                "print(best, int(np.abs(r-o).max()), np.__version__)"));
        String[] f = py.trim().split("\\s+");
        double numpy = Double.parseDouble(f[0]);
        System.out.printf(Locale.ROOT, "kernel: %d px x %d dates x %d bands: AI4C MonthlyMedian 1 thread %.2f s, "
                        + "numpy %s nanmedian %.2f s (float32, NaN masks, not counting the masking), ratio numpy/AI4C "
                        + "%.1f, max |difference| %s%n", pixels, DATES, BANDS, ai4c, f[2], numpy, numpy / ai4c, f[1]);
        for (String n : List.of("s.npy", "v.npy", "o.npy", "m.npy")) Files.delete(work.resolve(n));
    }

    private static void endToEnd(Path work, int rows) throws Exception {
        Path in = work.resolve("in");
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 300000, 5000040, 10, -10);
        long g0 = System.nanoTime();
        for (int t = 0; t < DATES; t++) {
            String day = LocalDate.of(2017, 9, 1).plusDays(5L * t).toString().replace("-", "");
            List<Band> bands = new ArrayList<>();
            for (int b = 0; b < BANDS; b++) bands.add(Band.of("B" + (b + 2), DataType.UINT16, 0));
            write(new Noise(rows, bands, t, false, grid), in.resolve("REFBOA/T33UVP_" + day + "_REFBOA.tif"));
            write(new Noise(rows, List.of(Band.of("LAI", DataType.UINT16)), t, true, grid),
                    in.resolve("LAI/T33UVP_" + day + "_LAI.tif"));
        }
        double gen = (System.nanoTime() - g0) / 1e9;
        FileOperator op = (FileOperator) OperatorRegistry.load().get("monthlycomposite");
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(2);
        long t0 = System.nanoTime();
        op.write(Map.of(), op.descriptor().validate(Map.of("--input_dir", in.toString())), work.resolve("out"), ctx);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "end to end: %d x %d px, %d dates x %d bands (+LAI), inputs generated in %.1f s; "
                        + "monthlycomposite on 2 threads %.1f s (%.1f Mpx/s); scaled to 10980 rows: %.0f s; max heap %d MB%n",
                WIDTH, rows, DATES, BANDS, gen, s, (double) WIDTH * rows / s / 1e6, s * 10980 / rows,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void write(Raster r, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        new GeoTiffWriter().write(Product.of("x", r), file, GeoTiffWriteOptions.defaults(), ProcessingContext.defaults());
    }

    /** Reflectance-like noise (or LAI with 30 % zeros = clouds), computed on demand. */
    private record Noise(int rows, List<Band> bands, int date, boolean lai, MapGeoCoding geoCoding) implements Raster {
        @Override
        public int width() {
            return WIDTH;
        }

        @Override
        public int height() {
            return rows;
        }

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
