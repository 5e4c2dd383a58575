package eu.ai4c.s1.geometry;

import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.GeoidOnlyDem;
import eu.ai4c.kit.dem.RasterDem;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileGrid;
import eu.ai4c.kit.warp.TargetGrid;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Terrain correction of a full-size IW GRD geometry (16,700 lines × 25,000 samples, 10 m) to a
 * 10 m UTM grid, on 2 threads: a subset of the 512 × 512 target tiles (every {@code stride}-th) is
 * computed and the time extrapolated to all tiles. Compares the node-interpolated geometry with the
 * exact per-pixel solve, in speed and in line/sample difference, with and without a DEM. The source
 * image is procedural (no I/O), so this measures geometry and resampling only.
 *
 * <p>Run: {@code java -Xmx3g -cp … eu.ai4c.s1.geometry.TerrainCorrectionBenchmark [stride]}.</p>
 */
public final class TerrainCorrectionBenchmark {
    private static final int LINES = 16_700, SAMPLES = 25_000, TILE = 512, THREADS = 2;
    /** About 10 m along track at the ground speed of a 693 km orbit. */
    private static final double AZIMUTH_INTERVAL = 0.00148;

    private TerrainCorrectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stride = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        boolean profile = args.length > 1 && args[1].equals("profile");
        // satellite 4.5° west of Rome at the first line: the right-looking swath covers about 11.5..15.5° E
        Kepler kepler = Kepler.sentinel1Like(41.9, 8.0);
        Orbit orbit = kepler.orbit(-60, 100);
        SarGeometry geometry = SyntheticScene.grd(orbit, 0, LINES, SAMPLES, AZIMUTH_INTERVAL, 10, 800_000);
        ZeroDoppler zd = new ZeroDoppler(orbit, geometry);
        double[][] fp = new SarLocator(orbit, geometry).footprint(0);
        TargetGrid grid = TargetGrid.covering(fp[0], fp[1], Projections.utm(12.5, 41.9), 10);
        System.out.printf(Locale.ROOT, "source %d x %d, target %d x %d px (UTM 10 m), footprint lon %.3f..%.3f%n",
                SAMPLES, LINES, grid.width(), grid.height(), min(fp[0]), max(fp[0]));
        Geoid geoid = Geoid.locate(null);
        Raster source = new ProceduralImage();
        ElevationModel flat = new GeoidOnlyDem(geoid);
        ElevationModel dem = new RasterDem(syntheticDem(fp), geoid, "synthetic 3\" DEM");
        TileGrid tiles = new TileGrid(grid.width(), grid.height(), TILE, TILE);
        List<Region> subset = new ArrayList<>();
        for (int i = 0; i < tiles.tileCount(); i += stride) {
            subset.add(tiles.tile(i % tiles.tilesAcross(), i / tiles.tilesAcross()));
        }
        List<Region> small = new ArrayList<>();
        for (int i = 0; i < subset.size(); i += 5) small.add(subset.get(i));
        // warm-up
        run(new TerrainCorrectionRaster(source, zd, flat, grid, 16), small.subList(0, Math.min(6, small.size())));
        if (profile) {
            double t = run(new TerrainCorrectionRaster(source, zd, dem, grid, 16), subset);
            System.out.printf(Locale.ROOT, "profile run: %.1f CPU s%n", t);
            return;
        }
        for (ElevationModel model : new ElevationModel[] {flat, dem}) {
            TerrainCorrectionRaster interp = new TerrainCorrectionRaster(source, zd, model, grid, 16);
            TerrainCorrectionRaster exact = new TerrainCorrectionRaster(source, zd, model, grid, 1);
            double ti = run(interp, subset);
            double te = run(exact, small);
            double diff = maxDifference(interp, exact, small);
            System.out.printf(Locale.ROOT, "%s%n  interpolated (step 16): %6.1f CPU s for %d/%d tiles -> whole scene "
                    + "%6.1f CPU s = %6.1f s on %d cores%n", model.describe(), ti, subset.size(), tiles.tileCount(),
                    ti * tiles.tileCount() / subset.size(), ti * tiles.tileCount() / subset.size() / THREADS, THREADS);
            System.out.printf(Locale.ROOT, "  exact per pixel:        %6.1f CPU s for %d/%d tiles -> whole scene "
                    + "%6.1f CPU s = %6.1f s on %d cores; max |interpolated - exact| = %.4f px%n", te, small.size(),
                    tiles.tileCount(), te * tiles.tileCount() / small.size(), te * tiles.tileCount() / small.size() / THREADS,
                    THREADS, diff);
        }
        System.out.printf(Locale.ROOT, "DEM fallbacks (outside DEM or void): %d%n", dem.fallbackCount());
    }

    /**
     * Computes the regions on {@link #THREADS} threads; returns the CPU seconds spent in the tile
     * computations (the machine is shared, so wall time would measure the neighbours too). With
     * independent tiles the wall time on idle cores is CPU time / threads. The wall time is printed.
     */
    private static double run(TerrainCorrectionRaster tc, List<Region> regions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        List<Future<Long>> f = new ArrayList<>();
        for (Region r : regions) {
            f.add(pool.submit(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                tc.read(0, r);
                return mx.getCurrentThreadCpuTime() - c0;
            }));
        }
        long cpu = 0;
        for (Future<Long> x : f) cpu += x.get();
        pool.shutdown();
        System.out.printf(Locale.ROOT, "    (%d tiles: %.1f s wall, %.1f s CPU)%n", regions.size(),
                (System.nanoTime() - t0) * 1e-9, cpu * 1e-9);
        return cpu * 1e-9;
    }

    private static double maxDifference(TerrainCorrectionRaster a, TerrainCorrectionRaster b, List<Region> regions) {
        double worst = 0;
        for (Region r : regions) {
            double[][] ga = a.sourcePositions(r), gb = b.sourcePositions(r);
            for (int i = 0; i < ga[0].length; i++) {
                double l = gb[0][i], s = gb[1][i];
                if (l >= 0 && l <= LINES - 1 && s >= 0 && s <= SAMPLES - 1) {
                    worst = Math.max(worst, Math.max(Math.abs(ga[0][i] - l), Math.abs(ga[1][i] - s)));
                }
            }
        }
        return worst;
    }

    /** A 3" DEM over the footprint: hills with 1.3 km and 40 km wavelengths, 0..1600 m. */
    private static Raster syntheticDem(double[][] fp) {
        double step = 1.0 / 1200;
        double x0 = Math.floor(min(fp[0]) * 10) / 10 - 0.1, y0 = Math.ceil(max(fp[1]) * 10) / 10 + 0.1;
        int w = (int) ((max(fp[0]) + 0.1 - x0) / step) + 2, h = (int) ((y0 - min(fp[1]) + 0.1) / step) + 2;
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            double lat = y0 - (r + 0.5) * step;
            for (int c = 0; c < w; c++) {
                double lon = x0 + (c + 0.5) * step;
                v[r * w + c] = (float) (800 + 600 * Math.sin(lon * 40) * Math.cos(lat * 33)
                        + 200 * Math.sin(lon * 400 + lat * 300));
            }
        }
        return MemoryRaster.ofFloats("height", w, h, v, MapGeoCoding.northUp(Projections.wgs84(), x0, y0, step, step));
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : a) m = Math.min(m, x);
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) m = Math.max(m, x);
        return m;
    }

    /** A full-size uint16 GRD image computed on the fly (no file I/O). */
    private static final class ProceduralImage implements Raster {
        private final List<Band> bands = List.of(Band.of("Amplitude_VV", DataType.UINT16, 0));

        @Override public int width() { return SAMPLES; }
        @Override public int height() { return LINES; }
        @Override public List<Band> bands() { return bands; }
        @Override public GeoCoding geoCoding() { return null; }

        @Override
        public Block read(int band, Region region) {
            short[] d = new short[Math.toIntExact(region.area())];
            for (int y = 0, i = 0; y < region.height(); y++) {
                int l = region.y() + y;
                for (int x = 0; x < region.width(); x++, i++) {
                    d[i] = (short) (100 + ((l * 31 + (region.x() + x) * 17) & 1023));
                }
            }
            return new Block(region, DataType.UINT16, d);
        }
    }
}
