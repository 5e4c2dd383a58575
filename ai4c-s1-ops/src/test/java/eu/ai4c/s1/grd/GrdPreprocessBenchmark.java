package eu.ai4c.s1.grd;

import eu.ai4c.kit.dem.GeoidOnlyDem;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.kit.warp.TargetGrid;
import eu.ai4c.s1.geometry.TerrainCorrectionRaster;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.safe.Annotation.GeolocationGridPoint;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.S1Raster;
import eu.ai4c.s1.safe.SarGeoCoding;
import eu.ai4c.s1.speckle.SpeckleRaster;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code S1-GRD-preprocess} on a full-size synthetic IW GRD (16,700 lines × 25,000 samples, VV),
 * Lee Sigma, 10 m WGS84 GeoTIFF, on 2 threads. Stages are timed as separate full passes, each
 * including the previous ones: (a) noise + calibration tiles on the SAR grid, (b) + Lee Sigma,
 * (c) + terrain correction (all output tiles pulled, nothing written), (d) the whole operator
 * written to GeoTIFF. Then the geocoding step alone against GDAL: the calibrated SAR image (no
 * speckle) is written as a plain GeoTIFF, the annotation geolocation grid attached as GCPs
 * ({@code gdal_translate -of VRT -gcp …}) and warped with {@code gdalwarp} onto the same grid,
 * compared with {@link TerrainCorrectionRaster} on the same file and grid. Peak RSS from
 * {@code /proc/self/status} (VmHWM) and the load average are printed.
 *
 * <p>Run (separate JVM): {@code java -Xmx3g -cp … eu.ai4c.s1.grd.GrdPreprocessBenchmark [scratch dir]}.
 * The input is generated once into the scratch dir (default {@code ai4c-grd-bench} in the system temporary folder) and reused.</p>
 */
public final class GrdPreprocessBenchmark {
    private static final int LINES = 16_700, SAMPLES = 25_000, THREADS = 2;

    private GrdPreprocessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = (args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir"), "ai4c-grd-bench"));
        Files.createDirectories(scratch);
        Path safe = input(scratch);
        if (args.length > 1 && args[1].equals("generate")) return;
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(THREADS);
        System.out.println("load before: " + load());
        GrdPreprocessOperator op = new GrdPreprocessOperator();
        ParameterValues params = op.descriptor().validate(Map.of("speckle", "Lee Sigma", "resolution", "10"));

        Product input = ProductIO.read(safe);
        S1Raster dn = (S1Raster) input.raster();
        RadiometricRaster cal = new RadiometricRaster(dn, new int[] {0}, CalibrationType.SIGMA_NOUGHT, "Sigma0", true, 500, 0.5);
        TileGrid sarTiles = new TileGrid(SAMPLES, LINES, 512, 512);
        double a = time(() -> pull("calibration", cal, sarTiles, ctx));
        System.out.printf(Locale.ROOT, "(a) noise + calibration:          %7.1f s%n", a);
        double b = time(() -> pull("speckle", SpeckleRaster.of(new CachedRaster(cal, 512, 512, new TileCache(ctx.cacheBytes())),
                GrdPreprocessOperator.speckleParameters(params)), sarTiles, ctx));
        System.out.printf(Locale.ROOT, "(b) + Lee Sigma:                  %7.1f s%n", b);
        Product tc = op.apply(Map.of("input", ProductIO.read(safe)), params, ctx);
        Raster out = tc.raster();
        System.out.printf(Locale.ROOT, "output grid %d x %d px%n", out.width(), out.height());
        double c = time(() -> pull("terrain correction", out, new TileGrid(out.width(), out.height(), 512, 512), ctx));
        System.out.printf(Locale.ROOT, "(c) + terrain correction:         %7.1f s%n", c);
        Path tif = scratch.resolve("out");
        deleteTree(tif);
        Files.createDirectories(tif);
        double d = time(() -> ProductIO.writer("GeoTIFF").write(op.apply(Map.of("input", ProductIO.read(safe)), params, ctx),
                tif.resolve(tc.name() + ".tif"), ctx));
        System.out.printf(Locale.ROOT, "(d) whole chain to GeoTIFF:       %7.1f s   (total wall time of the service)%n", d);
        System.out.println("peak RSS after the chain: " + vmHwm() + "; load: " + load());

        geocodingAgainstGdal(scratch, dn, input.attachment(S1Product.class).orElseThrow(), tc, ctx);
        System.out.println("peak RSS (whole benchmark): " + vmHwm() + "; load after: " + load());
    }

    /** gdalwarp with the annotation GCPs vs our terrain correction, same calibrated input file and grid. */
    private static void geocodingAgainstGdal(Path scratch, S1Raster dn, S1Product s1, Product tc, ProcessingContext ctx) throws Exception {
        RadiometricRaster cal = new RadiometricRaster(dn, new int[] {0}, CalibrationType.SIGMA_NOUGHT, "Sigma0", true, 500, 0.5);
        Path calTif = scratch.resolve("calibrated.tif");
        Files.deleteIfExists(calTif);
        double w = time(() -> ProductIO.writer("GeoTIFF").write(Product.of("calibrated", withoutGeoCoding(cal)), calTif, ctx));
        System.out.printf(Locale.ROOT, "calibrated SAR image written (%d MB) in %.1f s%n", Files.size(calTif) >> 20, w);
        SarGeoCoding sar = (SarGeoCoding) dn.geoCoding();
        List<String> translate = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "VRT", "-a_srs", "EPSG:4326"));
        for (GeolocationGridPoint g : sar.geolocationGrid()) {
            translate.addAll(List.of("-gcp", num(g.pixel()), num(g.line()), num(g.longitude()), num(g.latitude())));
        }
        Path vrt = scratch.resolve("calibrated_gcp.vrt");
        translate.addAll(List.of(calTif.toString(), vrt.toString()));
        exec(translate);
        MapGeoCoding gc = (MapGeoCoding) tc.raster().geoCoding();
        int width = tc.raster().width(), height = tc.raster().height();
        double xmin = gc.x(0, 0), ymax = gc.y(0, 0), xmax = gc.x(width, height), ymin = gc.y(width, height);
        Path warped = scratch.resolve("gdalwarp.tif");
        Files.deleteIfExists(warped);
        double g = time(() -> exec(List.of("gdalwarp", "-q", "-overwrite", "-t_srs", "EPSG:4326", "-tr", num(gc.pixelSizeX()),
                num(Math.abs(gc.pixelSizeY())), "-te", num(xmin), num(ymin), num(xmax), num(ymax), "-r", "bilinear",
                "-multi", "-wo", "NUM_THREADS=" + THREADS, "-wm", "512", "-dstnodata", "nan", "-co", "TILED=YES",
                "-co", "BIGTIFF=YES", vrt.toString(), warped.toString())));
        System.out.printf(Locale.ROOT, "gdalwarp (GCP polynomial, bilinear, %d threads), written:   %7.1f s%n", THREADS, g);

        Raster source = new CachedRaster(ProductIO.read(calTif).raster(), 512, 512, new TileCache(ctx.cacheBytes()));
        ZeroDoppler zd = GrdGeometry.zeroDoppler(sar, s1.manifest(), null, ctx.warnings());
        TerrainCorrectionRaster ours = new TerrainCorrectionRaster(source, zd, new GeoidOnlyDem(Geoid.locate(null)),
                new TargetGrid(gc, width, height));
        double p = time(() -> pull("geocoding", ours, new TileGrid(width, height, 512, 512), ctx));
        System.out.printf(Locale.ROOT, "TerrainCorrectionRaster, tiles pulled (not written):        %7.1f s%n", p);
        Path oursTif = scratch.resolve("ours_tc.tif");
        Files.deleteIfExists(oursTif);
        double q = time(() -> ProductIO.writer("GeoTIFF").write(Product.of("tc", ours), oursTif, ctx));
        System.out.printf(Locale.ROOT, "TerrainCorrectionRaster, written to GeoTIFF:               %7.1f s%n", q);
        System.out.printf(Locale.ROOT, "ratio gdalwarp / ours (both written): %.2f; gdalwarp / ours (pulled): %.2f%n", g / q, g / p);
    }

    private static Path input(Path scratch) throws IOException {
        try (Stream<Path> s = Files.list(scratch)) {
            Path found = s.filter(p -> p.getFileName().toString().endsWith(".SAFE")).findFirst().orElse(null);
            if (found != null) return found;
        }
        long t0 = System.nanoTime();
        SyntheticGrd.Builder b = SyntheticGrd.builder(SAMPLES, LINES).polarisations("VV").centre(41.9, 12.5)
                .noValueBorder(60).seed(3).threads(THREADS)
                .homogeneousArea(new Region(5000, 4000, 3000, 3000), 0.2, 4.4);
        for (int i = 1; i < 10; i++) b.pointTarget(i * LINES / 10, i * SAMPLES / 10, 40000);
        Path safe = b.build().write(scratch);
        System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", safe.getFileName(), (System.nanoTime() - t0) * 1e-9);
        return safe;
    }

    private static void pull(String stage, Raster r, TileGrid grid, ProcessingContext ctx) throws IOException {
        TileEngine.run(stage, r, new int[] {0}, grid, ctx, (c, row, blocks) -> { });
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double time(Step s) throws Exception {
        long t0 = System.nanoTime();
        s.run();
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static Raster withoutGeoCoding(Raster r) {
        return new Raster() {
            public int width() {
                return r.width();
            }

            public int height() {
                return r.height();
            }

            public List<Band> bands() {
                return r.bands();
            }

            public GeoCoding geoCoding() {
                return null;
            }

            public Block read(int band, Region region) throws IOException {
                return r.read(band, region);
            }
        };
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException(cmd.get(0) + " failed with exit code " + p.exitValue());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }

    private static String vmHwm() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM ?").replaceAll("\\s+", " ");
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
