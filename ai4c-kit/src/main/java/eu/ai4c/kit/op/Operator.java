package eu.ai4c.kit.op;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.util.Map;

/**
 * An AI4C operator: given its source products and validated parameters it builds the target
 * product. Building is cheap and lazy: the target's raster computes tiles on demand (the tile
 * engine or a writer pulls them). Heavy global passes (statistics) may run here and report
 * through the context's progress.
 *
 * <p>Implementations are stateless and registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/eu.ai4c.kit.op.Operator}).</p>
 */
public interface Operator {

    /** The descriptor; the same instance on every call. */
    OperatorDescriptor descriptor();

    /**
     * Builds the target product.
     *
     * @param sources source products keyed by the descriptor's source names
     * @param params  validated parameters (defaults filled in)
     * @param context threads, progress, cache, warnings
     * @throws eu.ai4c.kit.Ai4cException for inputs that do not fit, with a message naming them
     * @throws IOException when a source cannot be read
     */
    Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) throws IOException;
}
