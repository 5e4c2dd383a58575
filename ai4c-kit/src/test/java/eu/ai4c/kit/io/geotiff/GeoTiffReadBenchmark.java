package eu.ai4c.kit.io.geotiff;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Reads a GDAL-written 10980×10980 uint16 DEFLATE tiled GeoTIFF (a Sentinel-2 10 m tile's size)
 * window by window with the tile engine, and times gdal_translate decoding the same file to raw
 * ENVI, in the same run. Prints one machine-readable line per measurement. Not a unit test.
 *
 * <p>Usage: {@code GeoTiffReadBenchmark [workDir]} (default: a new temporary folder, deleted at the end).</p>
 */
public final class GeoTiffReadBenchmark {
    private static final int SIZE = 10980;

    private GeoTiffReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ai4c-geotiff-bench");
        Files.createDirectories(work);
        try {
            Path tif = work.resolve("s2-like.tif");
            if (!Files.exists(tif)) create(work, tif);
            System.out.printf(Locale.ROOT, "file %s %d bytes%n", tif, Files.size(tif));
            for (int run = 0; run < 2; run++) { // the first run warms up the JIT and the page cache
                long checksum = ours(tif, 2, run == 1);
                if (run == 1) System.out.printf(Locale.ROOT, "checksum %d%n", checksum);
            }
            gdal(tif, work, "1");
            gdal(tif, work, "2");
        } finally {
            if (args.length == 0) deleteTree(work);
        }
    }

    private static long ours(Path tif, int threads, boolean report) throws IOException {
        long t0 = System.nanoTime();
        Raster r = new GeoTiffReader().read(tif).raster();
        int[] tile = r.preferredTileSize();
        AtomicLong sum = new AtomicLong();
        TileEngine.run("bench", r, new int[] {0}, new TileGrid(r.width(), r.height(), tile[0], tile[1]),
                ProcessingContext.defaults().withThreads(threads), (c, row, blocks) -> {
                    short[] s = blocks[0].shorts();
                    long local = 0;
                    for (short v : s) local += v & 0xFFFF;
                    sum.addAndGet(local);
                });
        double seconds = (System.nanoTime() - t0) / 1e9;
        ((java.io.Closeable) r).close();
        if (report) {
            System.out.printf(Locale.ROOT, "ai4c_read threads=%d tile=%dx%d seconds=%.3f mpix_per_s=%.1f%n",
                    threads, tile[0], tile[1], seconds, (double) SIZE * SIZE / seconds / 1e6);
        }
        return sum.get();
    }

    private static void gdal(Path tif, Path work, String threads) {
        Path out = work.resolve("gdal-out.bin");
        long t0 = System.nanoTime();
        GdalFiles.run(List.of("gdal_translate", "-q", "--config", "GDAL_NUM_THREADS", threads, "-of", "ENVI",
                tif.toString(), out.toString()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "gdal_translate_to_raw GDAL_NUM_THREADS=%s seconds=%.3f mpix_per_s=%.1f%n",
                threads, seconds, (double) SIZE * SIZE / seconds / 1e6);
        try {
            Files.deleteIfExists(out);
            Files.deleteIfExists(work.resolve("gdal-out.hdr"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Smooth reflectance-like field plus 6 bits of noise, written as ENVI raw and converted by GDAL. */
    private static void create(Path work, Path tif) throws IOException {
        Path raw = work.resolve("s2-like.bin");
        Random rnd = new Random(1);
        ByteBuffer row = ByteBuffer.allocate(SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw), 1 << 20)) {
            for (int y = 0; y < SIZE; y++) {
                row.clear();
                for (int x = 0; x < SIZE; x++) {
                    double v = 1500 + 700 * Math.sin(x / 310.0) * Math.cos(y / 170.0) + rnd.nextInt(64);
                    row.putShort((short) v);
                }
                out.write(row.array());
            }
        }
        GdalFiles.writeEnviHeader(raw, SIZE, SIZE, 1, 12, null);
        GdalFiles.translate(raw, tif, "-a_srs", "EPSG:32633", "-a_ullr", "300000", "5000040", "409800", "4890240",
                "-co", "TILED=YES", "-co", "BLOCKXSIZE=512", "-co", "BLOCKYSIZE=512", "-co", "COMPRESS=DEFLATE");
        Files.delete(raw);
        Files.deleteIfExists(work.resolve("s2-like.hdr"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
