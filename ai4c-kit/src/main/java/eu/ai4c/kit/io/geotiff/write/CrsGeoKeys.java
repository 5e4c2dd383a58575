package eu.ai4c.kit.io.geotiff.write;

import static eu.ai4c.kit.io.geotiff.write.GeoKeyDirectory.*;

import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.TiffTags;
import java.util.List;
import java.util.OptionalInt;
import javax.measure.Unit;
import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.WKTFormat;
import org.apache.sis.measure.Units;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.opengis.parameter.ParameterValueGroup;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.datum.Ellipsoid;
import org.opengis.referencing.datum.GeodeticDatum;

/**
 * The GeoKeys of a map CRS (GeoTIFF 1.1 sections 7.4–7.5).
 *
 * <ol>
 * <li>A CRS with an EPSG code: GeographicTypeGeoKey (geographic) or ProjectedCSTypeGeoKey
 * (projected) with that code.</li>
 * <li>Without a code, WGS 84 recognised by its ellipsoid and datum name (EPSG:4326, datum 6326);
 * user-defined keys (code 32767) for a geographic CRS in degrees on any other ellipsoid with the
 * Greenwich meridian (datum by EPSG code when it has one, else ellipsoid axes), and for projected CRSs in metres of these methods: Transverse Mercator (UTM-like grids),
 * Lambert Conic Conformal (2SP), Lambert Azimuthal Equal Area, Polar Stereographic (variant A),
 * Mercator (variant A).</li>
 * <li>Any other CRS: user-defined model type (32767) and the WKT 1 definition in PCSCitationGeoKey
 * behind the prefix {@code "ESRI PE String = "}, which GDAL parses back (other readers may not).</li>
 * </ol>
 * Stateless; thread-safe.
 */
public final class CrsGeoKeys {

    /** A projection method GeoTIFF can express: CT code and (GeoKey, EPSG parameter name, is angle). */
    private record Method(String epsgName, int coordTrans, List<Param> params) {
    }

    private record Param(int key, String epsgName, boolean angle) {
    }

    private static final List<Method> METHODS = List.of(
            new Method("Transverse Mercator", 1, List.of(
                    new Param(PROJ_NAT_ORIGIN_LAT, "Latitude of natural origin", true),
                    new Param(PROJ_NAT_ORIGIN_LONG, "Longitude of natural origin", true),
                    new Param(PROJ_SCALE_AT_NAT_ORIGIN, "Scale factor at natural origin", false),
                    new Param(PROJ_FALSE_EASTING, "False easting", false),
                    new Param(PROJ_FALSE_NORTHING, "False northing", false))),
            new Method("Mercator (variant A)", 7, List.of(
                    new Param(PROJ_NAT_ORIGIN_LAT, "Latitude of natural origin", true),
                    new Param(PROJ_NAT_ORIGIN_LONG, "Longitude of natural origin", true),
                    new Param(PROJ_SCALE_AT_NAT_ORIGIN, "Scale factor at natural origin", false),
                    new Param(PROJ_FALSE_EASTING, "False easting", false),
                    new Param(PROJ_FALSE_NORTHING, "False northing", false))),
            new Method("Lambert Conic Conformal (2SP)", 8, List.of(
                    new Param(PROJ_STD_PARALLEL_1, "Latitude of 1st standard parallel", true),
                    new Param(PROJ_STD_PARALLEL_2, "Latitude of 2nd standard parallel", true),
                    new Param(PROJ_FALSE_ORIGIN_LAT, "Latitude of false origin", true),
                    new Param(PROJ_FALSE_ORIGIN_LONG, "Longitude of false origin", true),
                    new Param(PROJ_FALSE_EASTING, "Easting at false origin", false),
                    new Param(PROJ_FALSE_NORTHING, "Northing at false origin", false))),
            new Method("Lambert Azimuthal Equal Area", 10, List.of(
                    new Param(PROJ_CENTER_LAT, "Latitude of natural origin", true),
                    new Param(PROJ_CENTER_LONG, "Longitude of natural origin", true),
                    new Param(PROJ_FALSE_EASTING, "False easting", false),
                    new Param(PROJ_FALSE_NORTHING, "False northing", false))),
            new Method("Polar Stereographic (variant A)", 15, List.of(
                    new Param(PROJ_NAT_ORIGIN_LAT, "Latitude of natural origin", true),
                    new Param(PROJ_STRAIGHT_VERT_POLE_LONG, "Longitude of natural origin", true),
                    new Param(PROJ_SCALE_AT_NAT_ORIGIN, "Scale factor at natural origin", false),
                    new Param(PROJ_FALSE_EASTING, "False easting", false),
                    new Param(PROJ_FALSE_NORTHING, "False northing", false))));

    /** EPSG codes of WGS 84: geographic 2D CRS and datum. */
    private static final int WGS84_GEOGRAPHIC = 4326, WGS84_DATUM = 6326;

    /** Prefix under which GDAL looks for a WKT definition in the citation. */
    public static final String WKT_CITATION_PREFIX = "ESRI PE String = ";

    private CrsGeoKeys() {
    }

    /**
     * The GeoKeys of {@code crs} (its horizontal component), plus GTRasterTypeGeoKey = PixelIsArea.
     */
    public static GeoKeyDirectory of(CoordinateReferenceSystem crs) {
        GeoKeyDirectory keys = new GeoKeyDirectory();
        keys.putShort(TiffTags.GT_RASTER_TYPE, TiffTags.RASTER_PIXEL_IS_AREA);
        CoordinateReferenceSystem horizontal = CRS.getHorizontalComponent(crs);
        if (horizontal == null) horizontal = crs;
        String name = IdentifiedObjects.getName(horizontal, null);
        if (name != null) keys.putAscii(TiffTags.GT_CITATION, name);
        OptionalInt code = Projections.epsgCode(horizontal);
        if (horizontal instanceof GeographicCRS geographic) {
            keys.putShort(TiffTags.GT_MODEL_TYPE, TiffTags.MODEL_TYPE_GEOGRAPHIC);
            if (code.isPresent()) {
                keys.putShort(TiffTags.GEOGRAPHIC_TYPE, code.getAsInt());
                return keys;
            }
            if (putUserGeographic(keys, geographic)) return keys;
        } else if (horizontal instanceof ProjectedCRS projected) {
            keys.putShort(TiffTags.GT_MODEL_TYPE, TiffTags.MODEL_TYPE_PROJECTED);
            if (code.isPresent()) {
                keys.putShort(TiffTags.PROJECTED_CS_TYPE, code.getAsInt());
                if (isUnit(projected, Units.METRE)) keys.putShort(TiffTags.PROJ_LINEAR_UNITS, LINEAR_METER);
                return keys;
            }
            if (putUserProjected(keys, projected)) return keys;
        }
        return putWktCitation(keys, horizontal);
    }

    private static boolean putUserGeographic(GeoKeyDirectory keys, GeographicCRS geographic) {
        if (!isUnit(geographic, Units.DEGREE) || !isGreenwich(geographic.getDatum())) return false;
        if (isWgs84(geographic.getDatum())) {
            // WGS 84 in degrees from Greenwich is EPSG:4326 whatever its axis order or names.
            keys.putShort(TiffTags.GEOGRAPHIC_TYPE, WGS84_GEOGRAPHIC);
            return true;
        }
        keys.putShort(TiffTags.GEOGRAPHIC_TYPE, TiffTags.USER_DEFINED);
        String name = IdentifiedObjects.getName(geographic, null);
        if (name != null) keys.putAscii(TiffTags.GEOG_CITATION, name);
        putDatum(keys, geographic.getDatum());
        keys.putShort(TiffTags.GEOG_ANGULAR_UNITS, ANGULAR_DEGREE);
        return true;
    }

    private static void putDatum(GeoKeyDirectory keys, GeodeticDatum datum) {
        Integer datumCode = null;
        try {
            datumCode = isWgs84(datum) ? WGS84_DATUM : IdentifiedObjects.lookupEPSG(datum);
        } catch (org.opengis.util.FactoryException | RuntimeException e) {
            // no code: the datum is written by its ellipsoid below
        }
        if (datumCode != null) {
            keys.putShort(TiffTags.GEOG_GEODETIC_DATUM, datumCode);
            return;
        }
        keys.putShort(TiffTags.GEOG_GEODETIC_DATUM, TiffTags.USER_DEFINED);
        keys.putShort(TiffTags.GEOG_ELLIPSOID, TiffTags.USER_DEFINED);
        Ellipsoid e = datum.getEllipsoid();
        double toMetre = e.getAxisUnit().asType(javax.measure.quantity.Length.class)
                .getConverterTo(Units.METRE).convert(1.0);
        keys.putDouble(TiffTags.GEOG_SEMI_MAJOR_AXIS, e.getSemiMajorAxis() * toMetre);
        if (Double.isFinite(e.getInverseFlattening()) && e.getInverseFlattening() > 0) {
            keys.putDouble(TiffTags.GEOG_INV_FLATTENING, e.getInverseFlattening());
        } else {
            keys.putDouble(GEOG_SEMI_MINOR_AXIS, e.getSemiMinorAxis() * toMetre);
        }
        keys.putShort(GEOG_PRIME_MERIDIAN, 8901); // Greenwich, checked by the callers
    }

    private static boolean putUserProjected(GeoKeyDirectory keys, ProjectedCRS projected) {
        GeographicCRS base = projected.getBaseCRS();
        if (!isUnit(projected, Units.METRE) || !isGreenwich(base.getDatum())) return false;
        ParameterValueGroup values = projected.getConversionFromBase().getParameterValues();
        String methodName = projected.getConversionFromBase().getMethod().getName().getCode();
        for (Method m : METHODS) {
            if (!IdentifiedObjects.isHeuristicMatchForName(projected.getConversionFromBase().getMethod(), m.epsgName())
                    && !m.epsgName().equalsIgnoreCase(methodName)) {
                continue;
            }
            double[] v = new double[m.params().size()];
            try {
                for (int i = 0; i < v.length; i++) {
                    Param p = m.params().get(i);
                    v[i] = values.parameter(p.epsgName()).doubleValue(p.angle() ? Units.DEGREE : unitOf(p));
                }
            } catch (RuntimeException e) {
                return false; // a parameter GeoTIFF cannot express: fall back to the WKT citation
            }
            OptionalInt baseCode = Projections.epsgCode(base);
            if (baseCode.isEmpty() && isUnit(base, Units.DEGREE) && isWgs84(base.getDatum())) {
                baseCode = OptionalInt.of(WGS84_GEOGRAPHIC);
            }
            if (baseCode.isPresent()) {
                keys.putShort(TiffTags.GEOGRAPHIC_TYPE, baseCode.getAsInt());
            } else {
                if (!isUnit(base, Units.DEGREE)) return false;
                keys.putShort(TiffTags.GEOGRAPHIC_TYPE, TiffTags.USER_DEFINED);
                putDatum(keys, base.getDatum());
                keys.putShort(TiffTags.GEOG_ANGULAR_UNITS, ANGULAR_DEGREE);
            }
            String baseName = IdentifiedObjects.getName(base, null);
            if (baseName != null) keys.putAscii(TiffTags.GEOG_CITATION, baseName);
            keys.putShort(TiffTags.PROJECTED_CS_TYPE, TiffTags.USER_DEFINED);
            keys.putShort(TiffTags.PROJECTION, TiffTags.USER_DEFINED);
            keys.putShort(TiffTags.PROJ_COORD_TRANS, m.coordTrans());
            keys.putShort(TiffTags.PROJ_LINEAR_UNITS, LINEAR_METER);
            String name = IdentifiedObjects.getName(projected, null);
            if (name != null) keys.putAscii(TiffTags.PROJ_CITATION, name);
            for (int i = 0; i < v.length; i++) keys.putDouble(m.params().get(i).key(), v[i]);
            return true;
        }
        return false;
    }

    private static Unit<?> unitOf(Param p) {
        return p.key() == PROJ_SCALE_AT_NAT_ORIGIN ? Units.UNITY : Units.METRE;
    }

    private static GeoKeyDirectory putWktCitation(GeoKeyDirectory keys, CoordinateReferenceSystem crs) {
        WKTFormat format = new WKTFormat(java.util.Locale.ROOT, java.time.ZoneOffset.UTC);
        format.setConvention(Convention.WKT1_COMMON_UNITS);
        format.setIndentation(WKTFormat.SINGLE_LINE);
        GeoKeyDirectory fallback = new GeoKeyDirectory();
        fallback.putShort(TiffTags.GT_MODEL_TYPE, TiffTags.USER_DEFINED);
        fallback.putShort(TiffTags.GT_RASTER_TYPE, keys.shortValue(TiffTags.GT_RASTER_TYPE));
        fallback.putAscii(TiffTags.PROJ_CITATION, WKT_CITATION_PREFIX + format.format(crs));
        return fallback;
    }

    private static boolean isUnit(CoordinateReferenceSystem crs, Unit<?> unit) {
        var cs = crs.getCoordinateSystem();
        for (int i = 0; i < cs.getDimension(); i++) {
            if (!unit.equals(cs.getAxis(i).getUnit())) return false;
        }
        return true;
    }

    /**
     * True for the WGS 84 datum: the WGS 84 ellipsoid and a datum name saying WGS 84 (the EPSG
     * lookup does not find datums parsed from WKT 1, nor datum ensembles).
     */
    static boolean isWgs84(GeodeticDatum datum) {
        if (datum == null || !isGreenwich(datum)) return false;
        Ellipsoid e = datum.getEllipsoid();
        if (!Units.METRE.equals(e.getAxisUnit()) || e.getSemiMajorAxis() != eu.ai4c.kit.geo.Wgs84.A
                || Math.abs(e.getInverseFlattening() - eu.ai4c.kit.geo.Wgs84.INVERSE_FLATTENING) > 1e-9) {
            return false;
        }
        String name = datum.getName().getCode().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return name.contains("WGS84") || name.contains("WGS1984") || name.startsWith("WORLDGEODETICSYSTEM1984");
    }

    private static boolean isGreenwich(GeodeticDatum datum) {
        return datum != null && datum.getPrimeMeridian().getGreenwichLongitude() == 0;
    }
}
