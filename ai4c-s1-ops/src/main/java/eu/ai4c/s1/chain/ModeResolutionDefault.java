package eu.ai4c.s1.chain;

import eu.ai4c.kit.op.SourceDefaults;
import eu.ai4c.kit.raster.Product;
import java.util.Map;
import java.util.Set;

/**
 * The source-dependent default of the Sentinel-1 services: their {@code resolution} follows the
 * product's acquisition mode ({@link ModeResolution}). Implemented by the operators that take it.
 */
public interface ModeResolutionDefault extends SourceDefaults {

    @Override
    default Set<String> sourceDependentParameters() {
        return Set.of("resolution");
    }

    @Override
    default Map<String, SourceDefault> defaultsFor(Product source) {
        return ModeResolution.defaultFor(source);
    }
}
