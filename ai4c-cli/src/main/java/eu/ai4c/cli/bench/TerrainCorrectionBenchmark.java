package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.GeoidOnlyDem;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.kit.tile.TileGrid;
import eu.ai4c.kit.warp.TargetGrid;
import eu.ai4c.s1.geometry.TerrainCorrectionRaster;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.grd.GrdGeometry;
import eu.ai4c.s1.safe.Annotation.GeolocationGridPoint;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.SarGeoCoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code terrain-correction}: the geocoding step of {@code S1-GRD-preprocess} alone, on the
 * synthetic IW GRD of {@link SyntheticGrdInput} (default 25,000 × 16,700). Its amplitude image is
 * written once as a GeoTIFF without georeferencing; AI4C's {@link TerrainCorrectionRaster}
 * (range-Doppler with the annotation orbit, geoid heights, bilinear) maps it onto the service's
 * 10 m WGS84 grid and writes a float32 GeoTIFF, against {@code gdalwarp} (bilinear, all threads)
 * from the same file with the annotation's geolocation grid as GCPs onto the same grid, written
 * as float32 with the same tiling, DEFLATE level and predictor. GDAL's GCP polynomial is a cheaper model than a range-Doppler solve.
 *
 * <p>{@code terrain-correction-exact}: the geometry interpolated between nodes (the default
 * node step) against the exact range-Doppler solve at every pixel, both computing every K-th
 * target tile ({@code -Pstride=K}, default 10) from the same image, on all threads, nothing
 * written; with the largest line/sample difference between the two over those tiles.</p>
 */
public final class TerrainCorrectionBenchmark extends DeclaredBenchmark {

    public TerrainCorrectionBenchmark() {
        super("terrain-correction",
                "Range-Doppler terrain correction of a synthetic N-sample IW GRD image to 10 m WGS84, vs gdalwarp with GCPs "
                + "(default N 25000).", "stride");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int samples = context.size(SyntheticGrdInput.DEFAULT_SAMPLES);
        Path safe = SyntheticGrdInput.safe(context, samples);
        Path work = Files.createDirectories(context.workDir().resolve("terrain-correction-" + samples));
        Product input = ProductIO.read(safe);
        Raster dn = input.raster();
        SarGeoCoding sar = (SarGeoCoding) dn.geoCoding();
        Path image = work.resolve("amplitude.tif");
        if (!Files.exists(image)) ProductIO.writer("GeoTIFF").write(Product.of("amplitude", new Ungeocoded(dn, 0)),
                image, context.processing());

        // the grid the service would produce for this product
        Operator op = OperatorRegistry.load().get("S1-GRD-preprocess");
        Raster service = op.apply(Map.of("input", input), op.descriptor().validate(Map.of("resolution", "10")),
                context.processing()).raster();
        MapGeoCoding gc = (MapGeoCoding) service.geoCoding();
        TargetGrid grid = new TargetGrid(gc, service.width(), service.height());
        ZeroDoppler zd = GrdGeometry.zeroDoppler(sar, input.attachment(S1Product.class).orElseThrow().manifest(), null,
                context.processing().warnings());
        GeoidOnlyDem dem = new GeoidOnlyDem(Geoid.locate(null));
        Path ours = work.resolve("ai4c.tif");
        BenchContext.Measured measured = context.measure(() -> {
            Raster source = new CachedRaster(ProductIO.read(image).raster(), 512, 512,
                    new TileCache(context.processing().cacheBytes()));
            ProductIO.writer("GeoTIFF").write(Product.of("tc", new TerrainCorrectionRaster(source, zd, dem, grid)), ours,
                    context.processing());
        });

        List<String> translate = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "VRT", "-a_srs", "EPSG:4326"));
        for (GeolocationGridPoint g : sar.geolocationGrid()) {
            translate.addAll(List.of("-gcp", num(g.pixel()), num(g.line()), num(g.longitude()), num(g.latitude())));
        }
        Path vrt = work.resolve("amplitude_gcp.vrt");
        translate.addAll(List.of(image.toString(), vrt.toString()));
        PeerProcess.run(translate);
        int w = grid.width(), h = grid.height();
        Path theirs = work.resolve("gdal.tif");
        List<String> warp = List.of("gdalwarp", "-q", "-overwrite", "-t_srs", "EPSG:4326",
                "-te", num(gc.x(0, 0)), num(gc.y(w, h)), num(gc.x(w, h)), num(gc.y(0, 0)),
                "-ts", Integer.toString(w), Integer.toString(h), "-r", "bilinear", "-multi",
                "-wo", "NUM_THREADS=" + context.processing().threads(), "-ot", "Float32", "-dstnodata", "nan",
                // the kit writer's float32 defaults: 512² tiles, DEFLATE at its level, floating-point predictor
                "-co", "TILED=YES", "-co", "BLOCKXSIZE=512", "-co", "BLOCKYSIZE=512", "-co", "COMPRESS=DEFLATE",
                "-co", "ZLEVEL=" + GeoTiffWriteOptions.DEFAULT_DEFLATE_LEVEL, "-co", "PREDICTOR=3",
                "-co", "BIGTIFF=IF_SAFER", vrt.toString(), theirs.toString());
        double peer = context.medianSeconds(() -> PeerProcess.run(warp));

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("output", w + "x" + h);
        extra.put("gcps", sar.geolocationGrid().size());
        String in = samples + "x" + SyntheticGrdInput.lines(samples) + " IW GRD amplitude";
        Raster source = new CachedRaster(ProductIO.read(image).raster(), 512, 512,
                new TileCache(context.processing().cacheBytes()));
        return List.of(BenchResult.of(name(), in, measured, "gdalwarp with annotation GCPs", peer, extra),
                exact(context, in, source, zd, dem, grid));
    }

    private static BenchResult exact(BenchContext context, String input, Raster source, ZeroDoppler zd, GeoidOnlyDem dem,
                                     TargetGrid grid) throws IOException {
        int stride = context.intOption("stride", 10, 1);
        TileGrid tiles = new TileGrid(grid.width(), grid.height(), 512, 512);
        List<Region> subset = new ArrayList<>();
        for (int i = 0; i < tiles.tileCount(); i += stride) {
            subset.add(tiles.tile(i % tiles.tilesAcross(), i / tiles.tilesAcross()));
        }
        TerrainCorrectionRaster interpolated = new TerrainCorrectionRaster(source, zd, dem, grid);
        TerrainCorrectionRaster exact = new TerrainCorrectionRaster(source, zd, dem, grid, 1);
        BenchContext.Measured ours = context.measure(() -> compute(interpolated, subset, context));
        double peer = context.medianSeconds(() -> compute(exact, subset, context));
        double worst = 0;
        for (Region r : subset) {
            double[][] a = interpolated.sourcePositions(r), b = exact.sourcePositions(r);
            for (int i = 0; i < a[0].length; i++) {
                double line = b[0][i], sample = b[1][i];
                if (line >= 0 && line <= source.height() - 1 && sample >= 0 && sample <= source.width() - 1) {
                    worst = Math.max(worst, Math.max(Math.abs(a[0][i] - line), Math.abs(a[1][i] - sample)));
                }
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("tiles", subset.size() + "/" + tiles.tileCount());
        extra.put("node_step", TerrainCorrectionRaster.DEFAULT_NODE_STEP);
        extra.put("max_position_difference_px", worst);
        return BenchResult.of("terrain-correction-exact", input, ours, "exact solve at every pixel", peer, extra);
    }

    /** Computes the tiles on the context's threads, nothing kept. */
    private static void compute(Raster raster, List<Region> tiles, BenchContext context) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(context.processing().threads());
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Region r : tiles) jobs.add(pool.submit(() -> raster.read(0, r)));
            for (Future<?> f : jobs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Ai4cException("terrain-correction interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new Ai4cException("terrain-correction: a tile failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }

    /** One band of a raster without its geocoding, so that GDAL sees only the pixels and the GCPs. */
    private record Ungeocoded(Raster raster, int band) implements Raster {
        @Override public int width() { return raster.width(); }
        @Override public int height() { return raster.height(); }
        @Override public List<Band> bands() { return List.of(raster.bands().get(band)); }
        @Override public GeoCoding geoCoding() { return null; }

        @Override
        public Block read(int b, Region region) throws IOException {
            return raster.read(band, region);
        }
    }
}
