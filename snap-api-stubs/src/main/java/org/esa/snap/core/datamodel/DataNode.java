package org.esa.snap.core.datamodel;

/** SNAP API stub of {@code DataNode}: the members the AI4C adapters use. */
public abstract class DataNode extends ProductNode {

    protected DataNode(String name, int dataType, long numElems) {
        super(name);
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public int getDataType() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public String getUnit() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void setUnit(String unit) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
