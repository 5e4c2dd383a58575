package eu.ai4c.cli.bench;

import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions.Compression;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.synthetic.FieldScene;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code geotiff-write}: the streaming GeoTIFF writer on a synthetic N×N×4 uint16 scene held in
 * memory (default N = 10980), one case per encoding — {@code geotiff-write} uncompressed,
 * {@code geotiff-write-deflate} (the default level, horizontal predictor), {@code geotiff-write-lzw}
 * and {@code geotiff-write-cog} (DEFLATE with averaged overviews) — each against
 * {@code gdal_translate} writing the same encoding, 512² tiles, from the uncompressed file (in the
 * page cache after AI4C's write, so GDAL's read of it costs little but is counted) on as many
 * threads. Times end when
 * the writer returns (data in the page cache, as with GDAL); {@code synced_mb_per_s} of the
 * uncompressed case also includes forcing the file to disk. MB = 10⁶ bytes of samples.
 */
public final class GeoTiffWriteBenchmark extends DeclaredBenchmark {

    /** One encoding: AI4C's options and GDAL's creation options for it. */
    private record Encoding(String suffix, GeoTiffWriteOptions options, List<String> gdal) {
    }

    public GeoTiffWriteBenchmark() {
        super("geotiff-write",
                "GeoTIFF write of NxNx4 uint16 (none, DEFLATE, LZW, COG) vs gdal_translate (default N 10980).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        Path dir = Files.createDirectories(context.workDir());
        Product p = Product.of("write_bench", inMemory(FieldScene.nearRome(n, n, 4)));
        String level = Integer.toString(GeoTiffWriteOptions.DEFAULT_DEFLATE_LEVEL);
        GeoTiffWriteOptions defaults = GeoTiffWriteOptions.defaults();
        List<String> tiled = List.of("-co", "TILED=YES", "-co", "BLOCKXSIZE=512", "-co", "BLOCKYSIZE=512");
        List<Encoding> encodings = List.of(
                new Encoding("", defaults.withCompression(Compression.NONE), concat(tiled, "-co", "COMPRESS=NONE")),
                new Encoding("-deflate", defaults, concat(tiled, "-co", "COMPRESS=DEFLATE", "-co", "ZLEVEL=" + level,
                        "-co", "PREDICTOR=2")),
                new Encoding("-lzw", defaults.withCompression(Compression.LZW), concat(tiled, "-co", "COMPRESS=LZW",
                        "-co", "PREDICTOR=2")),
                new Encoding("-cog", defaults.withCog(true), List.of("-of", "COG", "-co", "BLOCKSIZE=512",
                        "-co", "COMPRESS=DEFLATE", "-co", "LEVEL=" + level, "-co", "PREDICTOR=YES",
                        "-co", "OVERVIEW_RESAMPLING=AVERAGE")));
        double mb = 4.0 * n * n * 2 / 1e6;
        GeoTiffWriter writer = new GeoTiffWriter();
        Path plain = dir.resolve("write_none.tif");
        List<BenchResult> results = new ArrayList<>();
        for (Encoding e : encodings) {
            Path ours = dir.resolve("write_ai4c" + e.suffix() + ".tif");
            BenchContext.Measured measured = context.measure(() -> writer.write(p, ours, e.options(), context.processing()));
            if (e.suffix().isEmpty()) Files.copy(ours, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path theirs = dir.resolve("write_gdal" + e.suffix() + ".tif");
            List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-q"));
            cmd.addAll(e.gdal());
            // GDAL compresses on as many threads as AI4C uses
            cmd.addAll(List.of("-co", "NUM_THREADS=" + context.processing().threads()));
            cmd.addAll(List.of(plain.toString(), theirs.toString()));
            double peer = context.medianSeconds(() -> {
                Files.deleteIfExists(theirs);
                PeerProcess.run(cmd);
            });
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("mb_per_s", Math.round(mb / measured.seconds()));
            if (e.suffix().isEmpty()) {
                extra.put("synced_mb_per_s", Math.round(mb / context.medianSeconds(() -> {
                    writer.write(p, ours, e.options(), context.processing());
                    sync(ours);
                })));
            }
            extra.put("threads", context.processing().threads());
            extra.put("bytes_ai4c", Files.size(ours));
            extra.put("bytes_gdal", Files.size(theirs));
            results.add(BenchResult.of(name() + e.suffix(), n + "x" + n + "x4 uint16", measured,
                    "gdal_translate from the uncompressed file", peer, extra));
        }
        return results;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> l = new ArrayList<>(head);
        l.addAll(List.of(tail));
        return l;
    }

    /**
     * The scene computed once into memory, so that the timing measures the writer and not the
     * synthetic pixel generator (needs about 8·N² bytes of heap for 4 bands).
     */
    private static MemoryRaster inMemory(FieldScene scene) throws IOException {
        Block[] data = new Block[scene.bands().size()];
        for (int b = 0; b < data.length; b++) data[b] = scene.read(b, scene.bounds());
        return new MemoryRaster(scene.bands(), data, scene.geoCoding());
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
