package org.esa.snap.core.datamodel;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import org.opengis.referencing.FactoryException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * SNAP API stub of {@code CrsGeoCoding} (a map CRS plus an image-to-map affine transform whose
 * image coordinates put pixel corners at integers).
 */
public class CrsGeoCoding implements GeoCoding {

    public CrsGeoCoding(CoordinateReferenceSystem mapCRS, Rectangle imageBounds, AffineTransform imageToMap)
            throws FactoryException, TransformException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public boolean canGetGeoPos() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public boolean canGetPixelPos() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public GeoPos getGeoPos(PixelPos pixelPos, GeoPos geoPos) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public PixelPos getPixelPos(GeoPos geoPos, PixelPos pixelPos) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public CoordinateReferenceSystem getMapCRS() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public MathTransform getImageToMapTransform() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
