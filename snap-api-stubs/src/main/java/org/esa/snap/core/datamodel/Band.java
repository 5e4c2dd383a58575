package org.esa.snap.core.datamodel;

/** SNAP API stub of {@code Band}. */
public class Band extends AbstractBand {

    public Band(String name, int dataType, int width, int height) {
        super(name, dataType, width, height);
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
