package eu.ai4c.kit.io;

import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one product format. Registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/eu.ai4c.kit.io.ProductReader}); {@link ProductIO#read} asks each
 * reader's {@link #probe} and takes the most specific.
 */
public interface ProductReader {

    /** How well a reader fits a path. */
    enum Fit { NONE, GENERIC, SPECIFIC }

    /** Format name shown to users, e.g. {@code GeoTIFF}, {@code SENTINEL-1 SAFE}. */
    String formatName();

    /** Looks at the path name and, if needed, its first bytes; must be cheap and never throw. */
    Fit probe(Path path);

    /**
     * Opens the product. Pixels are read lazily through its raster.
     *
     * @throws eu.ai4c.kit.Ai4cException when the file is of this format but unusable, naming file and problem
     * @throws IOException on I/O failure
     */
    Product read(Path path) throws IOException;
}
