package eu.ai4c.kit.io.geotiff;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions.Compression;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Write throughput of a Sentinel-2-tile-sized product: 10980 × 10980 pixels, 4 bands of uint16
 * (964 MB of samples) computed cheaply on the fly, written uncompressed (classic TIFF and BigTIFF),
 * with DEFLATE (level 6 and 1, horizontal predictor), with LZW, and as a DEFLATE COG with overviews. Prints one machine-readable line per case:
 * {@code case=<name> seconds=<s> mb_per_s=<raw MB/s> file_mb=<size>}. MB = 10^6 bytes of samples.
 *
 * <p>Run: {@code java -cp <test classpath> eu.ai4c.kit.io.geotiff.GeoTiffWriteBenchmark [folder] [threads]}.</p>
 */
public final class GeoTiffWriteBenchmark {
    static final int SIZE = 10980, BANDS = 4;

    private GeoTiffWriteBenchmark() {
    }

    /** Reflectance-like uint16 values: a smooth pattern per band plus a little pseudo-random noise, cheap to compute. */
    static final class SyntheticReflectance implements Raster {
        private final MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 0, 0),
                600000, 5000040, 10, 10);

        @Override public int width() { return SIZE; }
        @Override public int height() { return SIZE; }
        @Override public GeoCoding geoCoding() { return grid; }

        @Override
        public List<Band> bands() {
            return List.of(Band.of("B02", DataType.UINT16, 0), Band.of("B03", DataType.UINT16, 0),
                    Band.of("B04", DataType.UINT16, 0), Band.of("B08", DataType.UINT16, 0));
        }

        /** Column pattern (stripes plus noise) precomputed once, so that a read costs one add per pixel. */
        private final short[] columns = new short[SIZE];

        SyntheticReflectance() {
            for (int x = 0; x < SIZE; x++) columns[x] = (short) (((x >> 3) & 511) + ((x * 73856093) >>> 27));
        }

        @Override
        public Block read(int band, Region region) {
            short[] a = new short[Math.toIntExact(region.area())];
            int w = region.width();
            for (int y = region.y(), i = 0; y < region.maxY(); y++, i += w) {
                short rowBase = (short) (1000 + band * 500 + ((y >> 4) & 255) + ((y * 19349663) >>> 28));
                for (int k = 0; k < w; k++) a[i + k] = (short) (rowBase + columns[region.x() + k]);
            }
            return new Block(region, DataType.UINT16, a);
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("gtiff-bench");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        ProcessingContext context = ProcessingContext.defaults().withThreads(threads);
        Product product = Product.of("bench", new SyntheticReflectance());
        double rawMb = (double) SIZE * SIZE * BANDS * 2 / 1e6;
        GeoTiffWriter writer = new GeoTiffWriter();
        System.out.printf("# %dx%d x %d bands uint16 = %.0f MB, %d threads, folder %s%n", SIZE, SIZE, BANDS, rawMb,
                threads, folder);
        // Peer measurement: the time to only compute the tiles (no encoding, no I/O).
        long t0 = System.nanoTime();
        Raster r = product.raster();
        for (int b = 0; b < BANDS; b++) {
            for (int y = 0; y < SIZE; y += 512) {
                for (int x = 0; x < SIZE; x += 512) {
                    r.read(b, new Region(x, y, Math.min(512, SIZE - x), Math.min(512, SIZE - y)));
                }
            }
        }
        System.out.printf("case=compute_only_1_thread seconds=%.2f%n", (System.nanoTime() - t0) / 1e9);
        Object[][] cases = {
            {"none", GeoTiffWriteOptions.defaults().withCompression(Compression.NONE)},
            {"none_bigtiff", GeoTiffWriteOptions.defaults().withCompression(Compression.NONE).withForceBigTiff(true)},
            {"deflate6_pred2", GeoTiffWriteOptions.defaults()},
            {"deflate1_pred2", GeoTiffWriteOptions.defaults().withDeflateLevel(1)},
            {"lzw_pred2", GeoTiffWriteOptions.defaults().withCompression(Compression.LZW)},
            {"cog_deflate6_pred2", GeoTiffWriteOptions.cogDefaults()},
        };
        // Warm-up of every code path (EPSG database, JIT) on a 2048² window, outside the measurements.
        Raster src = product.raster();
        Block[] window = new Block[BANDS];
        for (int b = 0; b < BANDS; b++) window[b] = src.read(b, Region.of(2048, 2048));
        Product small = product.withRaster(new MemoryRaster(src.bands(), window, src.geoCoding()));
        for (Object[] c : cases) {
            Path warm = folder.resolve("bench-warmup.tif");
            writer.write(small, warm, (GeoTiffWriteOptions) c[1], context);
            Files.delete(warm);
        }
        for (Object[] c : cases) {
            Path out = folder.resolve("bench-" + c[0] + ".tif");
            long start = System.nanoTime();
            writer.write(product, out, (GeoTiffWriteOptions) c[1], context);
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("case=%s seconds=%.2f mb_per_s=%.0f file_mb=%.0f%n", c[0], s, rawMb / s,
                    Files.size(out) / 1e6);
            Files.delete(out);
        }
    }
}
