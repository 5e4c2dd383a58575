package eu.ai4c.kit.op;

import eu.ai4c.kit.raster.Product;
import java.util.Map;
import java.util.Set;

/**
 * An operator whose defaults of some parameters depend on its (first) source product, such as the
 * output resolution on the Sentinel-1 acquisition mode. The operator applies them itself when the
 * parameter is not given; a front end shows them once a product is chosen.
 */
public interface SourceDefaults {

    /** One parameter's default for a product: its value as text (in the parameter's unit) and why. */
    record SourceDefault(String value, String reason) {
    }

    /** The parameters whose defaults depend on the source product. */
    Set<String> sourceDependentParameters();

    /** The defaults for {@code source}, by parameter name; empty for a product they do not apply to. */
    Map<String, SourceDefault> defaultsFor(Product source);
}
