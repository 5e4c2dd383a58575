package eu.ai4c.kit.io;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a product in one format, pulling its tiles through the tile engine. Registered through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/eu.ai4c.kit.io.ProductWriter}).
 * Writers are atomic: they write under a temporary name beside the target (see
 * {@link AtomicOutput}) and rename on success, so a failure or cancellation leaves nothing.
 */
public interface ProductWriter {

    /** Format names accepted for {@code --output_format}, first one canonical (e.g. {@code GeoTIFF}, {@code GTiff}). */
    List<String> formatNames();

    /** File extension including the dot, e.g. {@code .tif}, {@code .dim}. */
    String extension();

    /**
     * Writes {@code product} to {@code target} (which ends with {@link #extension()}).
     *
     * @return the path written (for formats made of several files, the main file)
     */
    Path write(Product product, Path target, ProcessingContext context) throws IOException;
}
