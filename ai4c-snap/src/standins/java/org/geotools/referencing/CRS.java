package org.geotools.referencing;

import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.opengis.referencing.FactoryException;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Test stand-in for GeoTools' CRS facade, answered by an unrelocated Apache SIS: like GeoTools in
 * SNAP, a referencing library apart from the engine's (relocated) one.
 */
public final class CRS {

    private CRS() {
    }

    public static CoordinateReferenceSystem decode(String code, boolean longitudeFirst) throws FactoryException {
        try {
            CoordinateReferenceSystem crs = org.apache.sis.referencing.CRS.forCode(code);
            return longitudeFirst ? AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.DISPLAY_ORIENTED) : crs;
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
        try {
            IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
            finder.setIgnoringAxes(true);
            IdentifiedObject found = finder.findSingleton(crs);
            return found == null ? null : IdentifiedObjects.lookupEPSG(found);
        } catch (org.opengis.util.FactoryException e) {
            throw new FactoryException(e.getMessage(), e);
        }
    }
}
