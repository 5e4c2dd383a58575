package eu.ai4c.snap;

import eu.ai4c.kit.geo.Projections;
import java.util.OptionalInt;
import org.opengis.referencing.FactoryException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Moves a CRS between the engine (Apache SIS, easting/longitude-first) and SNAP (GeoTools 28,
 * longitude-first as SNAP's {@code CrsGeoCoding} expects): by EPSG code when the CRS has one,
 * else through WKT 1, which both libraries read and write. Both sides are typed
 * {@code org.opengis...CoordinateReferenceSystem}; the objects come from different libraries.
 * Stateless.
 */
final class SnapCrs {

    private SnapCrs() {
    }

    /** The GeoTools CRS for an engine CRS. */
    static CoordinateReferenceSystem toSnap(CoordinateReferenceSystem engineCrs) throws FactoryException {
        OptionalInt code = Projections.epsgCode(engineCrs);
        if (code.isPresent()) {
            return org.geotools.referencing.CRS.decode("EPSG:" + code.getAsInt(), true);
        }
        return org.geotools.referencing.CRS.parseWKT(engineCrs.toWKT());
    }

    /** The engine CRS (easting first) for a GeoTools CRS of a SNAP product. */
    static CoordinateReferenceSystem toEngine(CoordinateReferenceSystem snapCrs) throws FactoryException {
        Integer code = org.geotools.referencing.CRS.lookupEpsgCode(snapCrs, false);
        String text = code != null ? "EPSG:" + code : snapCrs.toWKT();
        return Projections.parse(text, 0, 0);
    }
}
