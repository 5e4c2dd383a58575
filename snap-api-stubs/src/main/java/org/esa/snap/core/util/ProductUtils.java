package org.esa.snap.core.util;

import org.esa.snap.core.datamodel.Product;

/** SNAP API stub of {@code ProductUtils}: the static helpers the AI4C adapters use. */
public class ProductUtils {

    public static void copyMetadata(Product source, Product target) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public static void copyTimeInformation(Product source, Product target) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
