package org.geotools.referencing;

import org.opengis.referencing.FactoryException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Stub of GeoTools 28's {@code CRS} factory facade, which snap-core ships and exports
 * ({@code org.geotools.*} is a public package of its NetBeans module): the two members the
 * adapters use to turn the engine's CRS into the GeoTools CRS that {@code CrsGeoCoding} takes.
 */
public final class CRS {

    private CRS() {
    }

    /** {@code decode("EPSG:32633", true)}: longitude/easting-first axis order. */
    public static CoordinateReferenceSystem decode(String code, boolean longitudeFirst) throws FactoryException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public static CoordinateReferenceSystem parseWKT(String wkt) throws FactoryException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public static Integer lookupEpsgCode(CoordinateReferenceSystem crs, boolean fullScan) throws FactoryException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
