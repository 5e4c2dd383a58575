package eu.ai4c.kit.io.geotiff;

import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.io.geotiff.write.TiffFileWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes products as tiled GeoTIFF (format names {@code GeoTIFF}, {@code GTiff}), streaming:
 * tiles are pulled in parallel through the tile engine, compressed in the worker threads and
 * appended to the file as they are computed, so memory holds only the tiles in flight whatever the
 * image size. See {@link CogWriter} for Cloud Optimized GeoTIFF.
 *
 * <h2>File layout</h2>
 * Little-endian TIFF, or BigTIFF when the estimated size exceeds 4 GB (or when forced); tiles of
 * {@link GeoTiffWriteOptions#tileSize()} pixels; several bands as PlanarConfiguration 2 (one tile
 * per band); one sample type for all bands (BYTE, INT16, UINT16, INT32, FLOAT32, FLOAT64, and
 * CFLOAT32 as SampleFormat 6 of 64 bits); compression NONE, DEFLATE or LZW with horizontal or
 * floating-point predictor; GDAL_NODATA from the first band's no-data value; band names as GDAL
 * band descriptions and units in GDAL_METADATA.
 *
 * <h2>Georeferencing</h2>
 * For a {@link eu.ai4c.kit.geo.MapGeoCoding}: ModelPixelScale + ModelTiepoint for north-up grids,
 * ModelTransformation otherwise, RasterPixelIsArea, and the CRS as an EPSG code when it has one,
 * else as user-defined GeoKeys (geographic in degrees; Transverse Mercator, Lambert Conic Conformal
 * 2SP, Lambert Azimuthal Equal Area, Polar Stereographic A and Mercator A in metres), else as a
 * WKT citation that GDAL reads ({@code "ESRI PE String = "}). Other geocodings are not written
 * (with a warning).
 *
 * <h2>Thread-safety</h2>
 * Stateless and thread-safe. Output is atomic: a failed or cancelled write leaves no file.
 */
public class GeoTiffWriter implements ProductWriter {

    @Override
    public List<String> formatNames() {
        return List.of("GeoTIFF", "GTiff");
    }

    @Override
    public String extension() {
        return ".tif";
    }

    /** The options {@link #write(Product, Path, ProcessingContext)} uses. */
    public GeoTiffWriteOptions defaultOptions() {
        return GeoTiffWriteOptions.defaults();
    }

    /** Writes with {@link #defaultOptions()}. */
    @Override
    public Path write(Product product, Path target, ProcessingContext context) throws IOException {
        return write(product, target, defaultOptions(), context);
    }

    /**
     * Writes {@code product} to {@code target} with the given options.
     *
     * @return {@code target}
     * @throws eu.ai4c.kit.Ai4cException when the folder is not writable or an option does not fit the data
     * @throws IOException when the source raster cannot be read or the file cannot be written
     */
    public Path write(Product product, Path target, GeoTiffWriteOptions options, ProcessingContext context)
            throws IOException {
        return TiffFileWriter.write(product, target, options, context);
    }
}
