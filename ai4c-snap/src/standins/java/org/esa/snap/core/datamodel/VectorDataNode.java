package org.esa.snap.core.datamodel;

/**
 * Test stand-in for SNAP's class (see {@link ProductNode}). SNAP's node holds GeoTools features;
 * this one holds their number only (set by the stand-in Import-Vector).
 */
public class VectorDataNode extends ProductNode {
    /** Test only: the number of features. */
    public final int featureCount;

    /** Test only (SNAP's constructors take GeoTools feature types). */
    public VectorDataNode(String name, int featureCount) {
        super(name);
        this.featureCount = featureCount;
    }
}
