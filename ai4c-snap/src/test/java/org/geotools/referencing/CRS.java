package org.geotools.referencing;

import eu.ai4c.kit.geo.Projections;
import org.opengis.referencing.FactoryException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/** Test stand-in for GeoTools' CRS facade, answered by Apache SIS (same org.opengis interfaces here). */
public final class CRS {

    private CRS() {
    }

    public static CoordinateReferenceSystem decode(String code, boolean longitudeFirst) throws FactoryException {
        try {
            CoordinateReferenceSystem crs = org.apache.sis.referencing.CRS.forCode(code);
            return longitudeFirst ? Projections.eastingFirst(crs) : crs;
        } catch (org.opengis.util.FactoryException e) {
            throw new FactoryException(e.getMessage(), e);
        }
    }

    public static CoordinateReferenceSystem parseWKT(String wkt) throws FactoryException {
        try {
            return org.apache.sis.referencing.CRS.fromWKT(wkt);
        } catch (org.opengis.util.FactoryException e) {
            throw new FactoryException(e.getMessage(), e);
        }
    }

    public static Integer lookupEpsgCode(CoordinateReferenceSystem crs, boolean fullScan) throws FactoryException {
        int code = Projections.epsgCode(crs).orElse(-1);
        return code < 0 ? null : code;
    }
}
