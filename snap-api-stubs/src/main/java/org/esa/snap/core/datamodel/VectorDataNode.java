package org.esa.snap.core.datamodel;

/**
 * SNAP API stub of {@code VectorDataNode} (snap-core 13.0.2): a product's vector data (GeoTools
 * features, which the adapters never touch); only its type and name are used.
 */
public class VectorDataNode extends ProductNode {

    private VectorDataNode() {
        super(null);
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
