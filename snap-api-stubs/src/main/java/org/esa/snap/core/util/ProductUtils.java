package org.esa.snap.core.util;

import org.esa.snap.core.datamodel.Product;

/** SNAP API stub of {@code ProductUtils}: the static helpers the AI4C adapters use. */
public class ProductUtils {

    /**
     * Copies everything but the bands: metadata, tie-point grids, flag codings and flag bands,
     * geo-coding, masks, vector data, index codings, quick-look band name, time information,
     * description and auto-grouping (snap-core 13.0.2 {@code ProductUtils.copyProductNodes}).
     */
    public static void copyProductNodes(Product sourceProduct, Product targetProduct) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public static void copyMetadata(Product source, Product target) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public static void copyTimeInformation(Product source, Product target) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
