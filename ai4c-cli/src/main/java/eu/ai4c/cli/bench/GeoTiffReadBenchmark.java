package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.synthetic.FieldScene;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code geotiff-read}: decodes a GDAL-written N×N uint16 DEFLATE tiled GeoTIFF (default N = 10980,
 * a Sentinel-2 10 m band) tile by tile with the kit's reader through the tile engine, against
 * {@code gdal_translate} decoding the same file to raw ENVI with as many threads. The file is
 * written by GDAL (from an uncompressed GeoTIFF of the kit) so that the reader is measured on a
 * foreign file, as in production.
 */
public final class GeoTiffReadBenchmark extends DeclaredBenchmark {

    public GeoTiffReadBenchmark() {
        super("geotiff-read",
                "Read a GDAL-written NxN uint16 DEFLATE GeoTIFF tile by tile, vs gdal_translate to raw (default N 10980).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        Path dir = Files.createDirectories(context.workDir());
        Path tif = dir.resolve("read_input_" + n + ".tif");
        if (!Files.exists(tif)) {
            Path plain = dir.resolve("read_plain_" + n + ".tif");
            new GeoTiffWriter().write(Product.of("read_input", FieldScene.nearRome(n, n, 1)), plain,
                    GeoTiffWriteOptions.defaults().withCompression(GeoTiffWriteOptions.Compression.NONE),
                    context.processing());
            PeerProcess.run(List.of("gdal_translate", "-q", "-co", "TILED=YES", "-co", "BLOCKXSIZE=512",
                    "-co", "BLOCKYSIZE=512", "-co", "COMPRESS=DEFLATE", plain.toString(), tif.toString()));
            Files.delete(plain);
        }
        int threads = context.processing().threads();
        long[] checksum = new long[1];
        BenchContext.Measured ours = context.measure(() -> checksum[0] = sum(tif, context, threads));
        Path raw = dir.resolve("read_gdal.bin");
        double peer = context.medianSeconds(() -> PeerProcess.run(List.of("gdal_translate", "-q", "--config",
                "GDAL_NUM_THREADS", Integer.toString(threads), "-of", "ENVI", tif.toString(), raw.toString())));
        long expected = rawChecksum(raw);
        if (expected != checksum[0]) {
            throw new Ai4cException("geotiff-read: the kit's reader gives sample sum " + checksum[0] + " for " + tif
                    + " but GDAL gives " + expected + ": the reader decodes this file wrongly.");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", threads);
        extra.put("mpix_per_s", Math.round((double) n * n / ours.seconds() / 1e6));
        extra.put("bytes", Files.size(tif));
        extra.put("checksum", checksum[0]);
        return List.of(BenchResult.of(name(), n + "x" + n + "x1 uint16 DEFLATE", ours, "gdal_translate -of ENVI", peer,
                extra));
    }

    private static long sum(Path tif, BenchContext context, int threads) throws IOException {
        Raster r = new GeoTiffReader().read(tif).raster();
        try {
            int[] tile = r.preferredTileSize();
            AtomicLong sum = new AtomicLong();
            TileEngine.run("geotiff-read", r, new int[] {0}, new TileGrid(r.width(), r.height(), tile[0], tile[1]),
                    context.processing().withThreads(threads), (c, row, blocks) -> {
                        long local = 0;
                        for (short v : blocks[0].shorts()) local += v & 0xFFFF;
                        sum.addAndGet(local);
                    });
            return sum.get();
        } finally {
            if (r instanceof Closeable c) c.close();
        }
    }

    /** Sum of the little-endian uint16 samples GDAL wrote (checks that both decoded the same pixels). */
    private static long rawChecksum(Path raw) throws IOException {
        long sum = 0;
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(raw), 1 << 20)) {
            byte[] buf = new byte[1 << 20];
            int len;
            int carry = -1;
            while ((len = in.read(buf)) > 0) {
                int i = 0;
                if (carry >= 0) {
                    sum += carry | (buf[0] & 0xFF) << 8;
                    carry = -1;
                    i = 1;
                }
                for (; i + 1 < len; i += 2) sum += (buf[i] & 0xFF) | (buf[i + 1] & 0xFF) << 8;
                if (i < len) carry = buf[i] & 0xFF;
            }
        }
        return sum;
    }
}
