package eu.ai4c.cli.bench;

import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.synthetic.FieldScene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code geotiff-write}: throughput of the streaming GeoTIFF writer, uncompressed, for a synthetic
 * N×N×4 uint16 scene held in memory (default N = 10980), in MB/s of raw samples; the peer is the same write with
 * DEFLATE (default level). Times end when the writer returns (data in the page cache, as with
 * GDAL); {@code synced_mb_per_s} also includes forcing the file to disk.
 */
public final class GeoTiffWriteBenchmark implements Benchmark {

    @Override
    public String name() {
        return "geotiff-write";
    }

    @Override
    public String description() {
        return "Uncompressed GeoTIFF write throughput (MB/s) of NxNx4 uint16, vs DEFLATE (default N 10980).";
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        Files.createDirectories(context.workDir());
        Product p = Product.of("write_bench", inMemory(FieldScene.nearRome(n, n, 4)));
        Path plain = context.workDir().resolve("write_none.tif");
        Path deflate = context.workDir().resolve("write_deflate.tif");
        GeoTiffWriter writer = new GeoTiffWriter();
        GeoTiffWriteOptions none = GeoTiffWriteOptions.defaults().withCompression(GeoTiffWriteOptions.Compression.NONE);
        BenchContext.Measured seconds = context.measure(() -> writer.write(p, plain, none, context.processing()));
        double synced = context.bestSeconds(() -> {
            writer.write(p, plain, none, context.processing());
            sync(plain);
        });
        double peer = context.bestSeconds(() -> writer.write(p, deflate, context.processing()));
        double mb = 4.0 * n * n * 2 / 1e6;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("mb_per_s", Math.round(mb / seconds.seconds()));
        extra.put("synced_mb_per_s", Math.round(mb / synced));
        extra.put("deflate_mb_per_s", Math.round(mb / peer));
        extra.put("bytes", Files.size(plain));
        extra.put("deflate_bytes", Files.size(deflate));
        return List.of(BenchResult.of(name(), n + "x" + n + "x4 uint16", seconds, "same write with DEFLATE", peer, extra));
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
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
