package org.esa.snap.core.datamodel;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/**
 * Test stand-in for SNAP's common base of {@link CrsGeoCoding} and {@link TiePointGeoCoding}
 * (see {@link ProductNode}): both can convert positions; the conversions are not modelled.
 */
public abstract class AbstractGeoCoding implements GeoCoding {

    protected AbstractGeoCoding() {
    }

    public boolean canGetGeoPos() {
        return true;
    }

    public boolean canGetPixelPos() {
        return true;
    }

    public GeoPos getGeoPos(PixelPos pixelPos, GeoPos geoPos) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    public PixelPos getPixelPos(GeoPos geoPos, PixelPos pixelPos) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    /** SNAP's is WGS84 for a tie-point geo-coding; not modelled. */
    public CoordinateReferenceSystem getMapCRS() {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    /** SNAP's is a non-affine transform for a tie-point geo-coding; not modelled. */
    public MathTransform getImageToMapTransform() {
        throw new UnsupportedOperationException("not needed by the tests");
    }
}
