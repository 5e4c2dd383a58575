package org.esa.snap.core.datamodel;

/** Test stand-in for SNAP's class (see {@link ProductNode}); holds its samples in memory. */
public abstract class RasterDataNode extends DataNode {
    private final int width;
    private final int height;
    private double scalingFactor = 1;
    private double scalingOffset;
    private boolean noDataValueUsed;
    private double noDataValue;
    private String validPixelExpression;
    /** Test only: the raw samples of the whole raster, row-major. */
    public ProductData data;
    /**
     * Test only: the value of the valid-pixel expression at each pixel, row-major, as SNAP's band
     * maths would compute it (the stand-in does not parse expressions).
     */
    public boolean[] validPixelExpressionValue;

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

    public String getValidPixelExpression() {
        return validPixelExpression;
    }

    public void setValidPixelExpression(String validPixelExpression) {
        this.validPixelExpression = validPixelExpression;
    }

    public boolean isValidMaskUsed() {
        return (validPixelExpression != null && !validPixelExpression.isBlank()) || noDataValueUsed;
    }

    /** As SNAP's: the valid-pixel expression and, when used, the no-data value decide. */
    public boolean isPixelValid(int x, int y) {
        if (!isValidMaskUsed()) return true;
        int i = y * width + x;
        if (validPixelExpression != null && !validPixelExpression.isBlank() && !validPixelExpressionValue[i]) return false;
        if (!noDataValueUsed) return true;
        double raw = ((Number) java.lang.reflect.Array.get(data.getElems(), i)).doubleValue();
        double value = raw * scalingFactor + scalingOffset;
        double noData = noDataValue * scalingFactor + scalingOffset;
        return Double.isNaN(noData) ? !Double.isNaN(value) : value != noData;
    }

    public double getNoDataValue() {
        return noDataValue;
    }

    public void setNoDataValue(double noDataValue) {
        this.noDataValue = noDataValue;
    }
}
