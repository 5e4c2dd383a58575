package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * S2-preprocess on a synthetic L2A tile (four 10 m bands plus SCL, JPEG 2000) to a 10 m UTM
 * GeoTIFF with the L2A cloud mask, against the same band extraction and SCL resampling done with
 * GDAL ({@code gdalbuildvrt} + {@code gdalwarp}) in the same run, as a ratio. Not a test: run with
 * {@code java … S2PreprocessBenchmark [size10m=10980] [workFolder]}. Prints one
 * {@code key=value} line.
 */
public final class S2PreprocessBenchmark {

    private S2PreprocessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10980;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("ai4c-s2-bench-");
        long t0 = System.nanoTime();
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L2A).size(size)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8).build();
        // a product left in the work folder by an earlier run is reused
        Path safe = Files.isDirectory(work.resolve(syn.safeName())) ? work.resolve(syn.safeName()) : syn.write(work);
        double generate = seconds(t0);

        t0 = System.nanoTime();
        S2PreprocessOperator op = new S2PreprocessOperator();
        Product in = ProductIO.read(safe);
        Product out = op.apply(Map.of("input", in), op.descriptor().validate(Map.of("cloudmask", "L2A")),
                ProcessingContext.defaults());
        Path tif = ProductIO.writer("GeoTIFF").write(out, work.resolve("ai4c.tif"), ProcessingContext.defaults());
        double ai4c = seconds(t0);

        // the pipeline alone (decoding, scaling, resampling, masking) without encoding, on a fresh product
        t0 = System.nanoTime();
        Product again = op.apply(Map.of("input", ProductIO.read(safe)),
                op.descriptor().validate(Map.of("cloudmask", "L2A")), ProcessingContext.defaults());
        eu.ai4c.kit.raster.Raster r = again.raster();
        TileEngine.run("pull", r, new int[] {0, 1, 2, 3}, new TileGrid(r.width(), r.height(), 512, 512),
                ProcessingContext.defaults(), (c, row, blocks) -> { });
        double pipeline = seconds(t0);

        t0 = System.nanoTime();
        List<String> jp2 = new ArrayList<>();
        String scl;
        try (Stream<Path> s = Files.walk(safe)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".jp2")).sorted().toList();
            for (Path p : files) if (p.getFileName().toString().matches(".*_B0[2348]_10m\\.jp2")) jp2.add(p.toString());
            scl = files.stream().filter(p -> p.getFileName().toString().contains("SCL")).findFirst().orElseThrow().toString();
        }
        // the synthetic JP2s carry no GeoJP2 box: georeference them through VRTs (no pixel copy)
        String ulx = String.valueOf(syn.ulx()), uly = String.valueOf(syn.uly());
        String lrx = String.valueOf(syn.ulx() + 10.0 * size), lry = String.valueOf(syn.uly() - 10.0 * size);
        List<String> vrt = new ArrayList<>(List.of("gdalbuildvrt", "-q", "-separate", work.resolve("bands.vrt").toString()));
        for (int i = 0; i < jp2.size(); i++) {
            String v = work.resolve("b" + i + ".vrt").toString();
            exec(List.of("gdal_translate", "-q", "-of", "VRT", "-a_srs", "EPSG:" + syn.epsg(), "-a_ullr", ulx, uly, lrx, lry,
                    jp2.get(i), v));
            vrt.add(v);
        }
        exec(vrt);
        String sclVrt = work.resolve("scl.vrt").toString();
        exec(List.of("gdal_translate", "-q", "-of", "VRT", "-a_srs", "EPSG:" + syn.epsg(), "-a_ullr", ulx, uly, lrx, lry,
                scl, sclVrt));
        // the same encoding as the GeoTIFF writer's defaults: 512² tiles, same DEFLATE level, predictor
        List<String> co = List.of("-co", "TILED=YES", "-co", "BLOCKXSIZE=512", "-co", "BLOCKYSIZE=512",
                "-co", "COMPRESS=DEFLATE", "-co", "ZLEVEL=" + eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions.defaults().deflateLevel());
        List<String> bands = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite", "-multi", "-wo", "NUM_THREADS=ALL_CPUS",
                "-ot", "Float32", "-tr", "10", "10", "-r", "near", "-co", "PREDICTOR=3"));
        bands.addAll(co);
        bands.addAll(List.of(work.resolve("bands.vrt").toString(), work.resolve("gdal_bands.tif").toString()));
        exec(bands);
        List<String> sclWarp = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite", "-tr", "10", "10", "-r", "near"));
        sclWarp.addAll(co);
        sclWarp.addAll(List.of(sclVrt, work.resolve("gdal_scl.tif").toString()));
        exec(sclWarp);
        double gdal = seconds(t0);

        System.out.printf(Locale.ROOT, "benchmark=S2-preprocess size=%d cores=%d generate_s=%.1f ai4c_s=%.1f gdal_s=%.1f "
                        + "ratio=%.2f pipeline_only_s=%.1f output_mb=%.0f%n", size, Runtime.getRuntime().availableProcessors(), generate,
                ai4c, gdal, ai4c / gdal, pipeline, Files.size(tif) / 1e6);
        if (args.length < 2) AtomicOutput.deleteTree(work);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("failed: " + cmd);
    }
}
