package org.esa.snap.core.datamodel;

/** SNAP API stub of {@code AbstractBand}. */
public abstract class AbstractBand extends RasterDataNode {

    protected AbstractBand(String name, int dataType, int width, int height) {
        super(name, dataType, (long) width * height);
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
