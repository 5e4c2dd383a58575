package eu.ai4c.cli.bench;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.synthetic.FieldScene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code warp-utm}: the foundation benchmark. A synthetic N×N×4 uint16 scene on UTM 33N at 10 m
 * (default N = 10980, a Sentinel-2 tile), stored as a DEFLATE tiled GeoTIFF, is warped to WGS84 at
 * the same resolution with bilinear resampling and written as a DEFLATE (predictor 2) tiled GeoTIFF
 * — by AI4C, and by {@code gdalwarp -multi -wo NUM_THREADS=ALL_CPUS} with the same output grid,
 * tiling, compression and DEFLATE level ({@code -Pzlevel=N}, default AI4C's default level) in the
 * same run. Also reports how far the two outputs differ.
 *
 * <p>Like for like: both run on every core (AI4C's {@code --threads} default, gdalwarp's
 * {@code NUM_THREADS=ALL_CPUS} for warping and for compressing), write 512×512 tiles with DEFLATE
 * at the same level and horizontal predictor 2, and read the same input. What differs is the
 * DEFLATE implementation: AI4C uses the JDK's zlib, GDAL (Debian's build) libdeflate for both
 * decompressing the input and compressing the output — same format and level, a different and
 * faster encoder, files about 1 % smaller. On this output zlib level 1 encodes about 86 MB of
 * samples per CPU second, libdeflate 255–400 MB: for the 1.35 GB of output samples about 11 CPU
 * seconds more for AI4C, which is the whole difference in CPU time measured on 2 cores (AI4C 46 s,
 * gdalwarp 35 s, user + system) — the warp itself costs both about the same. The ratio also moves
 * with machine load: other processes on
 * the cores slow gdalwarp's thread pool and the JVM differently (a loaded 2-core run measured
 * gdalwarp at 108 s against 18 s idle, AI4C at 33 s against 21 s), so compare ratios of runs
 * on an idle machine only.</p>
 */
public final class WarpBenchmark extends DeclaredBenchmark {

    public WarpBenchmark() {
        super("warp-utm",
                "Warp NxNx4 uint16 UTM -> WGS84 bilinear to DEFLATE GeoTIFF, vs gdalwarp -multi (default N 10980).", "zlevel");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        Path input = input(context, n);
        Path ours = context.workDir().resolve("warp_ai4c.tif");
        Path theirs = context.workDir().resolve("warp_gdal.tif");
        int level = context.intOption("zlevel", GeoTiffWriteOptions.DEFAULT_DEFLATE_LEVEL, 1);
        GeoTiffWriteOptions options = GeoTiffWriteOptions.defaults().withDeflateLevel(level);
        Operator warp = OperatorRegistry.load().get("Warp");
        ParameterValues params = warp.descriptor().validate(Map.of("projection", "WGS84", "resampling", "Bilinear"));
        BenchContext.Measured seconds = context.measure(() -> {
            Product target = warp.apply(Map.of("input", ProductIO.read(input)), params, context.processing());
            new GeoTiffWriter().write(target, ours, options, context.processing());
        });

        Raster out = ProductIO.read(ours).raster();
        MapGeoCoding gc = (MapGeoCoding) out.geoCoding();
        double xmin = gc.x(0, 0), ymax = gc.y(0, 0);
        double xmax = gc.x(out.width(), 0), ymin = gc.y(0, out.height());
        List<String> cmd = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite", "-multi", "-wo", "NUM_THREADS=ALL_CPUS",
                "-t_srs", "EPSG:4326", "-te", num(xmin), num(ymin), num(xmax), num(ymax),
                "-ts", Integer.toString(out.width()), Integer.toString(out.height()), "-r", "bilinear",
                "-co", "TILED=YES", "-co", "BLOCKXSIZE=512", "-co", "BLOCKYSIZE=512", "-co", "COMPRESS=DEFLATE",
                "-co", "PREDICTOR=2", "-co", "ZLEVEL=" + level, "-co", "NUM_THREADS=ALL_CPUS",
                input.toString(), theirs.toString()));
        double peer = context.medianSeconds(() -> PeerProcess.run(cmd));

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("output", out.width() + "x" + out.height());
        extra.put("deflate_level", level);
        extra.put("threads", context.processing().threads());
        extra.put("max_abs_difference_vs_gdal", maxDifference(out, ProductIO.read(theirs).raster()));
        extra.put("bytes_ai4c", Files.size(ours));
        extra.put("bytes_gdal", Files.size(theirs));
        return List.of(BenchResult.of(name(), n + "x" + n + "x4 uint16", seconds, "gdalwarp -multi", peer, extra));
    }

    /** The N×N×4 uint16 UTM scene as a DEFLATE tiled GeoTIFF in the work folder, written on first use. */
    static Path input(BenchContext context, int n) throws IOException {
        Files.createDirectories(context.workDir());
        Path input = context.workDir().resolve("warp_input_" + n + ".tif");
        if (!Files.exists(input)) {
            ProductIO.writer("GeoTIFF").write(Product.of("warp_input", FieldScene.nearRome(n, n, 4)), input,
                    context.processing());
        }
        return input;
    }

    /** Largest |difference| of band 1 over a centre window (both no-data 0 excluded). */
    private static double maxDifference(Raster a, Raster b) throws IOException {
        int w = Math.min(1024, a.width()), h = Math.min(1024, a.height());
        Region r = new Region((a.width() - w) / 2, (a.height() - h) / 2, w, h);
        Block x = a.read(0, r), y = b.read(0, r);
        double max = 0;
        for (int i = 0; i < r.area(); i++) {
            double u = x.getDouble(i), v = y.getDouble(i);
            if (u != 0 && v != 0) max = Math.max(max, Math.abs(u - v));
        }
        return max;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.12f", v);
    }
}
