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
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * with the time scaled to N rows, against {@code monthlycomposite_peer.py} (beside this class: GDAL
 * + NumPy, the same block-wise reads, {@code nanmedian} and DEFLATE level 1 predictor 2 writes) in
 * the same run, with the largest difference of their September composites.
 *
 * <p>Inputs ({@code -Pdata}): {@code fields} (default), reflectance-like series that compress as
 * real ones do — 64 × 48-pixel parcels of 8 crop kinds, each band following its kind's seasonal
 * curve, -16..15 of per-pixel noise, clouds as 64-pixel blobs over about 30 % of each date (LAI 0);
 * or {@code noise}, uniform samples (200..4199) with 30 % of cloudy pixels scattered at random,
 * the worst case for DEFLATE (the inputs of the first measurements).</p>
 */
public final class MonthlyCompositeBenchmark extends DeclaredBenchmark {
    private static final int DATES = 70, BANDS = 4, MONTHS = 12;
    private static final LocalDate FIRST = LocalDate.of(2017, 9, 1);

    public MonthlyCompositeBenchmark() {
        super("monthlycomposite",
                "Monthly median kernel (1 thread) vs numpy.nanmedian; monthlycomposite end to end on N columns x R rows "
                + "of 70 dates vs a GDAL + NumPy script (default N 10980, -Prows 1024, -Ppixels 2000000, "
                + "-Pdata fields|noise).", "pixels", "rows", "data");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        int pixels = context.intOption("pixels", (int) Math.min(2_000_000L, (long) n * n), 1);
        int rows = context.intOption("rows", Math.min(1024, n), 1);
        String data = context.option("data", "fields");
        if (!data.equals("fields") && !data.equals("noise")) {
            throw eu.ai4c.kit.Ai4cException.usage("-Pdata=" + data + ": expected fields or noise.");
        }
        Path work = Files.createDirectories(context.workDir().resolve("monthlycomposite"));
        return List.of(kernel(context, work, pixels), endToEnd(context, work, n, rows, data.equals("noise")));
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

    private BenchResult endToEnd(BenchContext context, Path work, int width, int rows, boolean noise)
            throws IOException {
        Path in = input(context, width, rows, noise);
        Path out = work.resolve("out");
        AtomicOutput.deleteTree(out);
        Files.createDirectories(out);
        BenchContext.Measured ours = context.measure(() -> ServiceRun.run("monthlycomposite", Map.of(),
                Map.of("--input_dir", in.toString()), out, "GeoTIFF", context.processing()));
        Path script = work.resolve("monthlycomposite_peer.py");
        try (InputStream s = MonthlyCompositeBenchmark.class.getResourceAsStream("monthlycomposite_peer.py")) {
            Files.copy(s, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path peerOut = work.resolve("out_peer");
        String python = PeerProcess.pythonWithGdal();
        double peer = context.medianSeconds(() -> {
            AtomicOutput.deleteTree(peerOut);
            Files.createDirectories(peerOut);
            PeerProcess.run(List.of(python, script.toString(), in.toString(), peerOut.toString(),
                    Integer.toString(FIRST.getYear())));
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("data", noise ? "noise" : "fields");
        extra.put("threads", context.processing().threads());
        extra.put("mpix_per_s", Math.round((double) width * rows / ours.seconds() / 1e5) / 10.0);
        extra.put("seconds_scaled_to_" + width + "_rows", Math.round(ours.seconds() * width / rows * 10) / 10.0);
        extra.put("peer_seconds_scaled_to_" + width + "_rows", Math.round(peer * width / rows * 10) / 10.0);
        extra.put("input_bytes", folderBytes(in));
        extra.put("max_abs_difference_vs_peer", maxDifference(out.resolve("T33UVP_MC_2017-09.tif"),
                peerOut.resolve("MC_2017-09.tif")));
        return BenchResult.of(name(), width + "x" + rows + " px, " + DATES + " dates x " + BANDS + " bands + LAI, DEFLATE",
                ours, "GDAL + numpy.nanmedian script", peer, extra);
    }

    /**
     * The input folder of 70 dated REFBOA + LAI GeoTIFFs of {@code width} × {@code rows} px in the
     * work folder, written on first use.
     */
    static Path input(BenchContext context, int width, int rows, boolean noise) throws IOException {
        Path work = Files.createDirectories(context.workDir().resolve("monthlycomposite"));
        Path in = work.resolve("in_" + (noise ? "noise_" : "fields_") + width + "x" + rows);
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 300000, 5000040, 10, -10);
        if (!Files.isDirectory(in)) {
            // written beside the final name and moved when whole, so that a folder found is complete
            Path partial = work.resolve(in.getFileName() + ".partial");
            AtomicOutput.deleteTree(partial);
            for (int t = 0; t < DATES; t++) {
                String day = FIRST.plusDays(5L * t).toString().replace("-", "");
                List<Band> bands = new ArrayList<>();
                for (int b = 0; b < BANDS; b++) bands.add(Band.of("B" + (b + 2), DataType.UINT16, 0));
                write(new Reflectance(width, rows, bands, t, false, noise, grid),
                        partial.resolve("REFBOA/T33UVP_" + day + "_REFBOA.tif"), context);
                write(new Reflectance(width, rows, List.of(Band.of("LAI", DataType.UINT16)), t, true, noise, grid),
                        partial.resolve("LAI/T33UVP_" + day + "_LAI.tif"), context);
            }
            Files.move(partial, in);
        }
        return in;
    }

    private static long folderBytes(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Largest |difference| over every band of two monthly composites. */
    private static long maxDifference(Path a, Path b) throws IOException {
        Raster x = ProductIO.read(a).raster(), y = ProductIO.read(b).raster();
        long max = 0;
        for (int band = 0; band < x.bands().size(); band++) {
            for (int row = 0; row < x.height(); row += 512) {
                Region r = new Region(0, row, x.width(), Math.min(512, x.height() - row));
                short[] u = x.read(band, r).shorts(), v = y.read(band, r).shorts();
                for (int i = 0; i < u.length; i++) max = Math.max(max, Math.abs((u[i] & 0xFFFF) - (v[i] & 0xFFFF)));
            }
        }
        return max;
    }

    private static void write(Raster r, Path file, BenchContext context) throws IOException {
        Files.createDirectories(file.getParent());
        new GeoTiffWriter().write(Product.of(file.getFileName().toString(), r), file, context.processing());
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Reflectance-like samples computed on demand: parcels following seasonal curves with a little
     * noise and blob clouds (LAI 0), or uniform noise with scattered clouds ({@code noise}).
     */
    private record Reflectance(int width, int height, List<Band> bands, int date, boolean lai, boolean noise,
                               MapGeoCoding geoCoding) implements Raster {
        @Override
        public Block read(int band, Region r) {
            short[] v = new short[Math.toIntExact(r.area())];
            if (noise) {
                SplittableRandom rnd = new SplittableRandom(((long) date * 31 + band) * 1_000_003L + r.y() * 20011L + r.x());
                for (int i = 0; i < v.length; i++) {
                    v[i] = lai ? (short) (rnd.nextDouble() < 0.3 ? 0 : 1 + rnd.nextInt(600)) : (short) (200 + rnd.nextInt(4000));
                }
                return new Block(r, DataType.UINT16, v);
            }
            // growth curve of each crop kind at this date: its own phase
            double[] level = new double[8];
            for (int kind = 0; kind < 8; kind++) level[kind] = Math.sin(2 * Math.PI * date / DATES + kind * 0.7);
            int k = 0;
            for (int y = r.y(); y < r.maxY(); y++) {
                for (int x = r.x(); x < r.maxX(); x++, k++) {
                    int kind = mix(x / 64, y / 48, 0) & 7;
                    int noise = ((mix(x, y, date * 8 + band + 1) & 63) - 32) / 2; // -16..15
                    if (lai) {
                        boolean cloud = (mix(x / 64, y / 64, 1000 + date) & 1023) < 307;
                        v[k] = cloud ? 0 : (short) Math.max(1, 300 + (int) (250 * level[kind]) + noise / 4);
                    } else {
                        int base = 600 + 400 * band + 150 * kind;
                        v[k] = (short) Math.max(1, base + (int) ((200 + 60 * band) * level[kind]) + noise);
                    }
                }
            }
            return new Block(r, DataType.UINT16, v);
        }

        /** A well-mixed hash of three integers (deterministic: the same inputs every run). */
        private static int mix(int a, int b, int c) {
            int h = a * 0x9E3779B1 ^ b * 0x85EBCA77 ^ c * 0xC2B2AE3D;
            h ^= h >>> 15;
            h *= 0x2C1B3C6D;
            h ^= h >>> 12;
            return h;
        }
    }
}
