package org.esa.snap.core.datamodel;

/**
 * Test stand-in for SNAP's class (see {@link ProductNode}): a float32 grid of tie points with its
 * offset and sub-sampling; {@link #cloneTiePointGrid} copies the points as SNAP's does.
 */
public class TiePointGrid extends RasterDataNode {
    private final double offsetX;
    private final double offsetY;
    private final double subSamplingX;
    private final double subSamplingY;
    private final float[] tiePoints;

    public TiePointGrid(String name, int gridWidth, int gridHeight, double offsetX, double offsetY,
                        double subSamplingX, double subSamplingY, float[] tiePoints) {
        super(name, ProductData.TYPE_FLOAT32, gridWidth, gridHeight);
        if (tiePoints.length != gridWidth * gridHeight) throw new IllegalArgumentException("tiePoints.length");
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.subSamplingX = subSamplingX;
        this.subSamplingY = subSamplingY;
        this.tiePoints = tiePoints;
    }

    public int getGridWidth() {
        return getRasterWidth();
    }

    public int getGridHeight() {
        return getRasterHeight();
    }

    public double getSubSamplingX() {
        return subSamplingX;
    }

    public double getSubSamplingY() {
        return subSamplingY;
    }

    public float[] getTiePoints() {
        return tiePoints;
    }

    public TiePointGrid cloneTiePointGrid() {
        TiePointGrid clone = new TiePointGrid(getName(), getGridWidth(), getGridHeight(), offsetX, offsetY,
                subSamplingX, subSamplingY, tiePoints.clone());
        clone.setUnit(getUnit());
        clone.setDescription(getDescription());
        return clone;
    }
}
