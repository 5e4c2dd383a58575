package org.esa.snap.core.datamodel;

/** SNAP API stub of {@code ProductNode}: the members the AI4C adapters use. */
public abstract class ProductNode {

    protected ProductNode(String name) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public String getName() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public String getDescription() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void setDescription(String description) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
