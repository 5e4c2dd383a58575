package org.esa.snap.core.util;

import java.awt.Rectangle;
import org.esa.snap.core.datamodel.CrsGeoCoding;
import org.esa.snap.core.datamodel.GeoCoding;
import org.esa.snap.core.datamodel.MetadataElement;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.TiePointGeoCoding;
import org.esa.snap.core.datamodel.TiePointGrid;

/**
 * Test stand-in for SNAP's class, following snap-core 13.0.2: metadata is deep-copied, tie-point
 * grids are cloned, the scene geo-coding is transferred onto the target's own grids, and the
 * time information and description are copied. Flag codings, masks and vector data are not
 * modelled.
 */
public class ProductUtils {

    /** As 13.0.2: metadata, tie-point grids, geo-coding, (masks, vectors), times, description. */
    public static void copyProductNodes(Product sourceProduct, Product targetProduct) {
        copyMetadata(sourceProduct, targetProduct);
        for (int i = 0; i < sourceProduct.getNumTiePointGrids(); i++) {
            TiePointGrid grid = sourceProduct.getTiePointGridAt(i);
            if (!targetProduct.containsRasterDataNode(grid.getName())) targetProduct.addTiePointGrid(grid.cloneTiePointGrid());
        }
        transferGeoCoding(sourceProduct, targetProduct);
        copyTimeInformation(sourceProduct, targetProduct);
        targetProduct.setDescription(sourceProduct.getDescription());
    }

    /** SNAP's Product.transferGeoCodingTo for the two geo-codings the stand-ins have. */
    private static void transferGeoCoding(Product source, Product target) {
        GeoCoding gc = source.getSceneGeoCoding();
        if (gc instanceof TiePointGeoCoding t) {
            TiePointGrid lat = target.getTiePointGrid(t.getLatGrid().getName());
            TiePointGrid lon = target.getTiePointGrid(t.getLonGrid().getName());
            if (lat != null && lon != null) target.setSceneGeoCoding(new TiePointGeoCoding(lat, lon));
        } else if (gc instanceof CrsGeoCoding c) {
            try {
                target.setSceneGeoCoding(new CrsGeoCoding(c.getMapCRS(),
                        new Rectangle(target.getSceneRasterWidth(), target.getSceneRasterHeight()), c.imageToMap()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static void copyMetadata(Product source, Product target) {
        for (MetadataElement e : source.getMetadataRoot().elements) target.getMetadataRoot().addElement(e.createDeepClone());
        target.getMetadataRoot().attributes.putAll(source.getMetadataRoot().attributes);
    }

    public static void copyTimeInformation(Product source, Product target) {
        target.setStartTime(source.getStartTime());
        target.setEndTime(source.getEndTime());
    }
}
