package eu.ai4c.snap;

import eu.ai4c.kit.geo.MapGeoCoding;
import java.util.OptionalInt;
import org.opengis.referencing.FactoryException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Moves a map CRS between the engine and SNAP (GeoTools 28, longitude-first as SNAP's
 * {@code CrsGeoCoding} expects) as text: the EPSG code when the CRS has one, else WKT 1, which
 * both libraries read and write. The {@code org.opengis} types here are always SNAP's; the
 * engine's referencing library is relocated inside the engine and never crosses. Stateless.
 */
final class SnapCrs {

    private SnapCrs() {
    }

    /** The GeoTools CRS of an engine map grid. */
    static CoordinateReferenceSystem toSnap(MapGeoCoding engine) throws FactoryException {
        OptionalInt code = engine.crsEpsgCode();
        if (code.isPresent()) {
            return org.geotools.referencing.CRS.decode("EPSG:" + code.getAsInt(), true);
        }
        return org.geotools.referencing.CRS.parseWKT(engine.crsWkt());
    }

    /**
     * The engine map grid (easting first) for a GeoTools CRS of a SNAP product and a geotransform.
     *
     * @throws eu.ai4c.kit.Ai4cException when the engine does not know the CRS
     */
    static MapGeoCoding toEngine(CoordinateReferenceSystem snapCrs, double[] geoTransform) throws FactoryException {
        Integer code = org.geotools.referencing.CRS.lookupEpsgCode(snapCrs, false);
        return MapGeoCoding.ofCrsText(code != null ? "EPSG:" + code : snapCrs.toWKT(), geoTransform);
    }
}
