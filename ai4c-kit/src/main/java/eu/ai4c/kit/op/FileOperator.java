package eu.ai4c.kit.op;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An operator whose result is a set of files it writes itself into an output folder — a
 * trained model with its log and plot, twelve monthly composites, a training-set export — rather
 * than one raster product for a writer. Front ends give it the output folder and skip the
 * format choice; it has no SNAP GPF adapter (GPF operators produce one target product).
 *
 * <p>Implementations write all their files or none ({@link eu.ai4c.kit.io.AtomicOutput}) and are
 * stateless.</p>
 */
public interface FileOperator extends Operator {

    /**
     * Computes and writes the outputs.
     *
     * @param sources   source products keyed by the descriptor's source names (often none: such
     *                  operators usually take folders as parameters)
     * @param params    validated parameters (defaults filled in)
     * @param outputDir the folder to write into (created if missing)
     * @return the files written, the main one first
     * @throws eu.ai4c.kit.Ai4cException for inputs that do not fit, with a message naming them
     */
    List<Path> write(Map<String, Product> sources, ParameterValues params, Path outputDir, ProcessingContext context)
            throws IOException;

    /**
     * The folder to write into when the front end is given none, taken from the parameters (e.g.
     * the output path of a configuration file the service reads), or null when the user must give
     * one (the default).
     */
    default Path defaultOutputDir(ParameterValues params) throws IOException {
        return null;
    }

    /** File operators have no single target product; front ends call {@link #write}. */
    @Override
    default Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) {
        throw new UnsupportedOperationException(descriptor().alias() + " writes files into a folder; call write()");
    }
}
