package org.esa.snap.core.datamodel;

/** Test stand-in for SNAP's class (see {@link ProductNode}). */
public abstract class DataNode extends ProductNode {
    private final int dataType;
    private String unit;

    protected DataNode(String name, int dataType, long numElems) {
        super(name);
        this.dataType = dataType;
    }

    public int getDataType() {
        return dataType;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }
}
