package org.esa.snap.core.datamodel;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/** SNAP API stub of the {@code GeoCoding} interface: the members the AI4C adapters use. */
public interface GeoCoding {

    boolean canGetGeoPos();

    boolean canGetPixelPos();

    GeoPos getGeoPos(PixelPos pixelPos, GeoPos geoPos);

    PixelPos getPixelPos(GeoPos geoPos, PixelPos pixelPos);

    CoordinateReferenceSystem getMapCRS();

    MathTransform getImageToMapTransform();
}
