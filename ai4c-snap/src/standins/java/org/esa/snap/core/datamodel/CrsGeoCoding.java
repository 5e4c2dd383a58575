package org.esa.snap.core.datamodel;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import org.opengis.referencing.FactoryException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Test stand-in for SNAP's class (see {@link ProductNode}): keeps the CRS and the affine
 * transform; {@link #getImageToMapTransform()} returns a MathTransform that is also an
 * AffineTransform, as SNAP's (GeoTools AffineTransform2D) is.
 */
public class CrsGeoCoding extends AbstractGeoCoding {
    private final CoordinateReferenceSystem mapCrs;
    private final AffineTransform imageToMap;

    public CrsGeoCoding(CoordinateReferenceSystem mapCRS, Rectangle imageBounds, AffineTransform imageToMap)
            throws FactoryException, TransformException {
        this.mapCrs = mapCRS;
        this.imageToMap = new AffineTransform(imageToMap);
    }

    public CoordinateReferenceSystem getMapCRS() {
        return mapCrs;
    }

    public MathTransform getImageToMapTransform() {
        AffineTransform a = imageToMap;
        // SIS returns its 2-D affine class, which extends java.awt.geom.AffineTransform
        return org.apache.sis.referencing.operation.transform.MathTransforms.linear(
                new org.apache.sis.referencing.operation.matrix.Matrix3(a.getScaleX(), a.getShearX(), a.getTranslateX(),
                        a.getShearY(), a.getScaleY(), a.getTranslateY(), 0, 0, 1));
    }

    /** Test only. */
    public AffineTransform imageToMap() {
        return new AffineTransform(imageToMap);
    }
}
