package org.esa.snap.core.gpf;

import java.util.Map;
import org.esa.snap.core.datamodel.Product;

/** SNAP API stub of {@code GPF} (snap-gpf 13.0.2): running another operator on a product. */
public class GPF {

    private GPF() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public static Product createProduct(String operatorName, Map<String, Object> parameters, Product sourceProduct)
            throws OperatorException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
