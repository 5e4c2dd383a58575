package eu.ai4c.kit.io.geotiff;

import eu.ai4c.kit.io.ProductReader;
import eu.ai4c.kit.io.geotiff.read.GeoTiffOpener;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads GeoTIFF and plain TIFF files: classic TIFF and BigTIFF, either byte order, striped or
 * tiled, pixel- or band-interleaved; uncompressed, LZW, Deflate or PackBits, with horizontal or
 * floating-point predictor; 8 to 64-bit integer, float32/float64 and complex samples (complex
 * int16, as in Sentinel-1 SLC measurements, and complex float32 are read as CFLOAT32; uint32 as
 * FLOAT64, exact; int8 as INT16; 64-bit integers as FLOAT64). Only the first image of the file is read
 * (overviews and masks are ignored).
 *
 * <p>The product's raster reads lazily: a window touches only the tiles or strips it intersects
 * (positional reads), and a small per-product cache of decoded chunks serves neighbouring windows.
 * Bands are named from the GDAL_METADATA band descriptions, else {@code band_1, band_2, …}; units
 * come from GDAL_METADATA or, for DEMs, from the vertical CRS; the GDAL_NODATA tag gives every
 * band's no-data value. The map geocoding (GDAL geotransform convention, pixel corners, easting
 * first; RasterPixelIsPoint shifted by half a pixel as GDAL does) comes from ModelTransformation or
 * ModelPixelScale + ModelTiepoint, and the CRS from the EPSG codes of the GeoKeys, or from
 * user-defined keys for WGS 84 geographic, UTM and Transverse Mercator. Any other georeferencing
 * (ground control points only, other user-defined projections, EPSG codes unknown to the database)
 * is reported to the warning listener and the product has no geocoding; its pixels stay readable.
 * The metadata tree holds the TIFF tags ({@code TIFF}), GeoKeys by id ({@code GeoKeys}) and GDAL
 * metadata items ({@code GDAL_METADATA}). A palette (ColorMap tag) is attached as a
 * {@link TiffColourMap}.</p>
 *
 * <p>Not read (an {@link eu.ai4c.kit.Ai4cException} names the file and the fix): JPEG, ZSTD, LERC,
 * WebP and other codecs; predictors other than 2 and 3;
 * 1 to 7-bit, 12-bit and float16 samples; samples of different types in one file.</p>
 *
 * <h2>Thread-safety</h2>
 * The reader is stateless; products' rasters allow concurrent reads. The file stays open while the
 * product's raster is reachable (close it with {@code ((Closeable) product.raster()).close()}).
 */
public final class GeoTiffReader implements ProductReader {
    /** Default budget of each raster's decoded tile/strip cache. */
    public static final long DEFAULT_CACHE_BYTES = 32L << 20;

    private final long cacheBytes;
    private final boolean adaptiveCache;
    private final WarningListener warnings;

    /** A reader with a 32 MiB chunk cache per product, warnings to the log (the ServiceLoader constructor). */
    public GeoTiffReader() {
        this(DEFAULT_CACHE_BYTES, WarningListener.LOG);
    }

    /**
     * @param cacheBytes decoded-chunk cache budget per opened product in bytes (0 disables it)
     * @param warnings   receives warnings such as georeferencing that cannot be interpreted
     */
    public GeoTiffReader(long cacheBytes, WarningListener warnings) {
        this(cacheBytes, true, warnings);
    }

    private GeoTiffReader(long cacheBytes, boolean adaptiveCache, WarningListener warnings) {
        this.cacheBytes = Math.max(0, cacheBytes);
        this.adaptiveCache = adaptiveCache;
        this.warnings = warnings;
    }

    /**
     * A reader whose products' chunk caches keep exactly {@code cacheBytes}, never grown to two chunk
     * rows of every band: for callers that open many files at once and read each chunk's area in one
     * go (e.g. a stack of monthly composites read tile by tile), where the adaptive budget would
     * multiply by the number of files.
     */
    public static GeoTiffReader withFixedCache(long cacheBytes, WarningListener warnings) {
        return new GeoTiffReader(cacheBytes, false, warnings);
    }

    @Override
    public String formatName() {
        return "GeoTIFF";
    }

    /** GENERIC for any file starting with a TIFF or BigTIFF header (II/MM, 42/43); never throws. */
    @Override
    public Fit probe(Path path) {
        try {
            if (path == null || !Files.isRegularFile(path)) return Fit.NONE;
            byte[] h = new byte[4];
            try (InputStream in = Files.newInputStream(path)) {
                if (in.readNBytes(h, 0, 4) < 4) return Fit.NONE;
            }
            boolean little = h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0;
            boolean big = h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43);
            return little || big ? Fit.GENERIC : Fit.NONE;
        } catch (IOException | RuntimeException e) {
            return Fit.NONE;
        }
    }

    @Override
    public Product read(Path path) throws IOException {
        return GeoTiffOpener.open(path, cacheBytes, adaptiveCache, warnings);
    }
}
