package eu.ai4c.kit.io;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.EngineServices;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the reader for a path and the writer for a format name among the registered ones. */
public final class ProductIO {

    private ProductIO() {
    }

    /** The registered readers (see {@link EngineServices}). */
    public static List<ProductReader> readers() {
        return EngineServices.load(ProductReader.class);
    }

    /** The registered writers (see {@link EngineServices}). */
    public static List<ProductWriter> writers() {
        return EngineServices.load(ProductWriter.class);
    }

    /**
     * Opens a product with the most specific reader.
     *
     * @throws Ai4cException when the path does not exist or no reader accepts it
     */
    public static Product read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new Ai4cException("Input " + path + " does not exist: check the path.");
        }
        ProductReader best = readerFor(path).orElseThrow(() -> new Ai4cException("Input " + path
                + " is not in a format AI4C reads. Known formats: "
                + readers().stream().map(ProductReader::formatName).toList() + "."));
        return best.read(path);
    }

    /**
     * The most specific reader that accepts the path (by its probe: name and first bytes, no
     * full read), or empty when none does. File choosers use it to tell products from folders.
     */
    public static Optional<ProductReader> readerFor(Path path) {
        ProductReader best = null;
        ProductReader.Fit bestFit = ProductReader.Fit.NONE;
        for (ProductReader r : readers()) {
            ProductReader.Fit f = r.probe(path);
            if (f.compareTo(bestFit) > 0) {
                best = r;
                bestFit = f;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The writer for a format name (case-insensitive), e.g. {@code GeoTIFF}, {@code COG}, {@code BEAM-DIMAP}. */
    public static ProductWriter writer(String format) {
        for (ProductWriter w : writers()) {
            for (String n : w.formatNames()) {
                if (n.equalsIgnoreCase(format.trim())) return w;
            }
        }
        throw Ai4cException.usage("Unknown output format \"" + format + "\". Known formats: "
                + writers().stream().map(w -> w.formatNames().get(0)).toList() + ".");
    }

    /**
     * The output file for {@code outputPath}: when it names an existing folder (or ends with a
     * separator), {@code folder/productName + extension}; otherwise the path itself, with the
     * writer's extension added if it has none.
     */
    public static Path outputFile(Path outputPath, String productName, ProductWriter writer) {
        String s = outputPath.toString();
        if (Files.isDirectory(outputPath) || s.endsWith("/") || s.endsWith(java.io.File.separator)) {
            return outputPath.resolve(productName + writer.extension());
        }
        String lower = s.toLowerCase(Locale.ROOT);
        for (String ext : List.of(writer.extension(), ".tiff", ".tif")) {
            if (lower.endsWith(ext)) return outputPath;
        }
        return Path.of(s + writer.extension());
    }
}
