package org.esa.snap.core.datamodel;

/** Test stand-in for SNAP's class (see {@link ProductNode}); holds its samples in memory. */
public abstract class RasterDataNode extends DataNode {
    private final int width;
    private final int height;
    private double scalingFactor = 1;
    private double scalingOffset;
    private boolean noDataValueUsed;
    private double noDataValue;
    /** Test only: the raw samples of the whole raster, row-major. */
    public ProductData data;

    protected RasterDataNode(String name, int dataType, int width, int height) {
        super(name, dataType, (long) width * height);
        this.width = width;
        this.height = height;
    }

    public int getRasterWidth() {
        return width;
    }

    public int getRasterHeight() {
        return height;
    }

    public final double getScalingFactor() {
        return scalingFactor;
    }

    public final double getScalingOffset() {
        return scalingOffset;
    }

    public final boolean isScalingApplied() {
        return scalingFactor != 1 || scalingOffset != 0;
    }

    /** Test only (SNAP has setScalingFactor/Offset too). */
    public void setScalingFactor(double f) {
        scalingFactor = f;
    }

    public boolean isNoDataValueUsed() {
        return noDataValueUsed;
    }

    public void setNoDataValueUsed(boolean noDataValueUsed) {
        this.noDataValueUsed = noDataValueUsed;
    }

    public double getNoDataValue() {
        return noDataValue;
    }

    public void setNoDataValue(double noDataValue) {
        this.noDataValue = noDataValue;
    }
}
