package org.esa.snap.core.util;

import org.esa.snap.core.datamodel.MetadataElement;
import org.esa.snap.core.datamodel.Product;

/** Test stand-in for SNAP's class: copies the top-level metadata elements; times are not modelled. */
public class ProductUtils {

    public static void copyMetadata(Product source, Product target) {
        for (MetadataElement e : source.getMetadataRoot().elements) target.getMetadataRoot().addElement(e);
    }

    public static void copyTimeInformation(Product source, Product target) {
    }
}
