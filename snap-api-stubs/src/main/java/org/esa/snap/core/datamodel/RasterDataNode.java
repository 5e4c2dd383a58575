package org.esa.snap.core.datamodel;

/** SNAP API stub of {@code RasterDataNode}: the members the AI4C adapters use. */
public abstract class RasterDataNode extends DataNode {

    protected RasterDataNode(String name, int dataType, long numElems) {
        super(name, dataType, numElems);
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public int getRasterWidth() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public int getRasterHeight() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final double getScalingFactor() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final double getScalingOffset() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final boolean isScalingApplied() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public boolean isNoDataValueUsed() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void setNoDataValueUsed(boolean noDataValueUsed) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public String getValidPixelExpression() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public double getNoDataValue() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void setNoDataValue(double noDataValue) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
