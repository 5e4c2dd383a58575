package org.esa.snap.core.datamodel;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/**
 * Test stand-in for SNAP's class (see {@link ProductNode}): the geo-coding of a scene in radar
 * geometry, by its latitude and longitude tie-point grids. Positions are not modelled.
 */
public class TiePointGeoCoding implements GeoCoding {
    private final TiePointGrid latGrid;
    private final TiePointGrid lonGrid;

    public TiePointGeoCoding(TiePointGrid latGrid, TiePointGrid lonGrid) {
        if (latGrid == null || lonGrid == null) throw new IllegalArgumentException("latGrid and lonGrid must be given");
        this.latGrid = latGrid;
        this.lonGrid = lonGrid;
    }

    public TiePointGrid getLatGrid() {
        return latGrid;
    }

    public TiePointGrid getLonGrid() {
        return lonGrid;
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

    public CoordinateReferenceSystem getMapCRS() {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    /** Not a map grid: SNAP returns no affine image-to-map transform for tie-point geo-codings either. */
    public MathTransform getImageToMapTransform() {
        return null;
    }
}
