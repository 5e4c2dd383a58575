package org.esa.snap.core.util;

import java.awt.Rectangle;
import org.esa.snap.core.datamodel.CrsGeoCoding;
import org.esa.snap.core.datamodel.GeoCoding;
import org.esa.snap.core.datamodel.MetadataElement;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.TiePointGeoCoding;
import org.esa.snap.core.datamodel.TiePointGrid;
import org.esa.snap.core.datamodel.VectorDataNode;

/**
 * Test stand-in for SNAP's class, following snap-core 13.0.2: metadata is deep-copied, tie-point
 * grids are cloned, the scene geo-coding is transferred onto the target's own grids, and the
 * time information and description are copied, and vector data nodes by name (their feature
 * counts, see {@code VectorDataNode}). Flag codings and masks are not modelled.
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
        copyVectorData(sourceProduct, targetProduct);
    }

    /** SNAP 13.0.2's copyVectorData for products on one grid: each node's features into the node of that name. */
    public static void copyVectorData(Product sourceProduct, Product targetProduct) {
        var from = sourceProduct.getVectorDataGroup();
        var to = targetProduct.getVectorDataGroup();
        for (int i = 0; i < from.getNodeCount(); i++) {
            VectorDataNode node = from.get(i);
            VectorDataNode existing = to.get(node.getName());
            if (existing != null) to.remove(existing);
            to.add(new VectorDataNode(node.getName(), node.featureCount + (existing == null ? 0 : existing.featureCount)));
        }
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
