package eu.ai4c.kit.warp;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.envi.EnviBandFile;
import eu.ai4c.kit.io.envi.EnviHeader;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warps a Sentinel-2-tile-sized raster (10980 × 10980, 4 bands uint16, UTM 33N, 10 m) to WGS 84
 * at the same ground resolution with bilinear resampling: AI4C tile computation only (2 threads,
 * no output), then gdalwarp on the same grid from an ENVI copy of the same data to ENVI output
 * ({@code -multi -wo NUM_THREADS=ALL_CPUS}). Prints {@code RESULT key=value} lines.
 *
 * <p>Run: {@code java -cp <test classpath> eu.ai4c.kit.warp.WarpBenchmark [--no-gdal] [size]}.</p>
 */
public final class WarpBenchmark {

    /** A synthetic scene whose samples cost one multiply-add each: the warp dominates. */
    static final class SyntheticTile implements Raster {
        private final int size;
        private final List<Band> bands = new ArrayList<>();
        private final MapGeoCoding gc = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 399960, 5000040, 10, 10);

        SyntheticTile(int size) {
            this.size = size;
            for (String b : new String[] {"B2", "B3", "B4", "B8"}) bands.add(Band.of(b, DataType.UINT16, 0));
        }

        public int width() { return size; }
        public int height() { return size; }
        public List<Band> bands() { return bands; }
        public GeoCoding geoCoding() { return gc; }

        public Block read(int band, Region r) {
            short[] v = new short[(int) r.area()];
            int k = 0;
            for (int y = r.y(); y < r.maxY(); y++) {
                for (int x = r.x(); x < r.maxX(); x++) v[k++] = (short) (1 + ((x * 3 + y * 5 + band * 1000) & 0x3FFF));
            }
            return new Block(r, DataType.UINT16, v);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean gdal = true;
        int size = 10980;
        for (String a : args) {
            if (a.equals("--no-gdal")) gdal = false;
            else size = Integer.parseInt(a);
        }
        SyntheticTile src = new SyntheticTile(size);
        MapGeoCoding sg = (MapGeoCoding) src.geoCoding();
        double[] res = TargetGrid.pixelSize(sg, Projections.wgs84(), 10.0, true);
        TargetGrid grid = TargetGrid.derive(sg, size, size, Projections.wgs84(), res[0], res[1], null, false);
        System.out.printf(Locale.ROOT, "target grid %d x %d, pixel %.3g x %.3g deg%n", grid.width(), grid.height(), res[0], res[1]);

        ProcessingContext ctx = ProcessingContext.defaults().withThreads(2);
        int[] bands = {0, 1, 2, 3};
        TileGrid tiles = new TileGrid(grid.width(), grid.height(), 512, 512);
        double best = Double.MAX_VALUE, bestCpu = 0;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < 2; run++) {
            WarpRaster warp = new WarpRaster(src, grid, Resampling.BILINEAR, PixelTransform.DEFAULT_MAX_ERROR);
            AtomicLong checksum = new AtomicLong();
            long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
            TileEngine.run("warp", warp, bands, tiles, ctx, (c, r, blocks) -> {
                long s = 0;
                for (Block b : blocks) s += b.shorts()[b.shorts().length / 2];
                checksum.addAndGet(s);
            });
            double sec = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
            if (sec < best) {
                best = sec;
                bestCpu = cpu;
            }
            System.out.printf(Locale.ROOT, "run %d: %.2f s wall, %.2f s CPU (checksum %d)%n", run, sec, cpu, checksum.get());
        }
        System.out.printf(Locale.ROOT, "RESULT load_average=%.1f%n", os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "RESULT ai4c_warp_compute_cpu_seconds=%.2f%n", bestCpu);
        double mpix = (double) grid.width() * grid.height() * 4 / 1e6;
        System.out.printf(Locale.ROOT, "RESULT ai4c_warp_compute_seconds=%.2f%n", best);
        System.out.printf(Locale.ROOT, "RESULT ai4c_warp_mpix_per_second=%.1f%n", mpix / best);
        if (gdal) gdalwarp(src, grid);
    }

    /** Writes the scene as a 4-band ENVI file, then times gdalwarp to ENVI on the same grid. */
    static void gdalwarp(SyntheticTile src, TargetGrid grid) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ai4c-warp-bench");
        try {
            Path img = dir.resolve("src.img");
            int n = src.width();
            EnviHeader one = EnviHeader.forBand(src.bands().get(0), n, n, src.geoCoding(), false, "benchmark source");
            EnviHeader four = new EnviHeader(n, n, 4, DataType.UINT16, false, List.of("B2", "B3", "B4", "B8"),
                    one.geoTransform(), one.mapInfoName(), one.utmZone(), one.units(), one.crsWkt(), 0.0, one.description());
            Files.writeString(dir.resolve("src.hdr"), four.format());
            // bands one after the other in one file (bsq): write each band as rows below the previous
            try (EnviBandFile f = EnviBandFile.create(img, n, 4 * n, DataType.UINT16, false)) {
                for (int b = 0; b < 4; b++) {
                    for (int y = 0; y < n; y += 512) {
                        Region r = new Region(0, y, n, Math.min(512, n - y));
                        Block blk = src.read(b, r);
                        f.write(new Block(new Region(0, b * n + y, n, r.height()), DataType.UINT16, blk.shorts()));
                    }
                }
            }
            MapGeoCoding g = grid.geoCoding();
            List<String> cmd = List.of("/usr/bin/time", "-f", "TIME %e %U %S", "gdalwarp", "-q", "-overwrite", "-multi", "-wo", "NUM_THREADS=ALL_CPUS",
                    "-r", "bilinear", "-t_srs", "EPSG:4326",
                    "-te", fmt(g.x(0, 0)), fmt(g.y(0, grid.height())), fmt(g.x(grid.width(), 0)), fmt(g.y(0, 0)),
                    "-ts", Integer.toString(grid.width()), Integer.toString(grid.height()),
                    "-of", "ENVI", img.toString(), dir.resolve("out.img").toString());
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int rc = p.waitFor();
            double sec = (System.nanoTime() - t0) / 1e9;
            if (rc != 0) throw new IOException("gdalwarp failed with exit code " + rc + ": " + out);
            System.out.printf(Locale.ROOT, "RESULT gdalwarp_envi_seconds=%.2f%n", sec);
            for (String line : out.split("\n")) {
                if (line.startsWith("TIME ")) {
                    String[] f = line.split(" ");
                    System.out.printf(Locale.ROOT, "RESULT gdalwarp_envi_cpu_seconds=%.2f%n",
                            Double.parseDouble(f[2]) + Double.parseDouble(f[3]));
                }
            }
        } finally {
            AtomicOutput.deleteTree(dir);
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }
}
