package org.esa.snap.core.datamodel;

/** Test stand-in for SNAP's class (see {@link ProductNode}). */
public abstract class AbstractBand extends RasterDataNode {
    protected AbstractBand(String name, int dataType, int width, int height) {
        super(name, dataType, width, height);
    }
}
