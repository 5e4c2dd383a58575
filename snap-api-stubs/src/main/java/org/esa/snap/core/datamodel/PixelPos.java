package org.esa.snap.core.datamodel;

/** SNAP API stub of {@code PixelPos}: image coordinates (pixel corner at integers). */
public class PixelPos extends java.awt.geom.Point2D.Double {
    private static final long serialVersionUID = 1L;

    public PixelPos(double x, double y) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
