package eu.ai4c.kit.geo;

import eu.ai4c.kit.Ai4cException;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * Parses the projection strings accepted everywhere in AI4C and returns CRSs in "easting first"
 * axis order (longitude, latitude for geographic CRSs), the order of {@link MapGeoCoding}.
 *
 * <p>Accepted forms: {@code WGS84}, {@code WGS84(DD)} (EPSG:4326); {@code EPSG:nnnn};
 * {@code UTM(Auto)} / {@code AUTO:42001} (the UTM zone, north or south, of a given centre);
 * {@code UTM Zone 33 / World Geodetic System 1984} style is not accepted; and WKT 1 or 2.</p>
 */
public final class Projections {

    /** The accepted forms, for error messages. */
    public static final String ACCEPTED = "WGS84, WGS84(DD), EPSG:<code>, UTM(Auto), AUTO:42001, or a WKT definition";

    /**
     * Common choices offered first by pickers (any other accepted form may still be typed):
     * geographic WGS84, the UTM zone of the scene centre, ETRS89 / LAEA Europe (EPSG:3035) and
     * Web Mercator (EPSG:3857).
     */
    public static final java.util.List<String> PRESETS = java.util.List.of("WGS84", "UTM(Auto)", "EPSG:3035", "EPSG:3857");

    /**
     * Where the embedded EPSG database (Derby) writes its log: nowhere. Without this Derby leaves a
     * {@code derby.log} in the user's working folder. Named by {@link #silenceDatabaseLog()}.
     */
    public static final java.io.OutputStream DATABASE_LOG = java.io.OutputStream.nullOutputStream();

    static {
        silenceDatabaseLog();
    }

    private Projections() {
    }

    /** Sends the EPSG database's log to {@link #DATABASE_LOG} unless the user configured one; call before any SIS use. */
    public static void silenceDatabaseLog() {
        if (System.getProperty("derby.stream.error.file") == null && System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.field", Projections.class.getName() + ".DATABASE_LOG");
        }
    }

    /** WGS 84 geographic, longitude first, degrees. */
    public static CoordinateReferenceSystem wgs84() {
        return CommonCRS.WGS84.normalizedGeographic();
    }

    /**
     * Parses a projection string.
     *
     * @param text       the projection as given by the user
     * @param centreLon  longitude of the scene centre in degrees, used by {@code UTM(Auto)}
     * @param centreLat  latitude of the scene centre in degrees, used by {@code UTM(Auto)}
     * @throws Ai4cException (usage error) when the string is not understood, listing the accepted forms
     */
    public static CoordinateReferenceSystem parse(String text, double centreLon, double centreLat) {
        String t = text.trim();
        String u = t.toUpperCase(Locale.ROOT).replace(" ", "");
        try {
            if (u.equals("WGS84") || u.equals("WGS84(DD)") || u.equals("EPSG:4326")) {
                return wgs84();
            }
            if (u.equals("UTM(AUTO)") || u.equals("AUTO:42001") || u.startsWith("AUTO:42001,") || u.equals("UTM")) {
                return utm(centreLon, centreLat);
            }
            if (u.startsWith("EPSG:")) {
                return eastingFirst(CRS.forCode("EPSG:" + u.substring(5)));
            }
            if (u.matches("\\d{4,6}")) {
                return eastingFirst(CRS.forCode("EPSG:" + u));
            }
            if (t.contains("[")) {
                return eastingFirst(CRS.fromWKT(t));
            }
        } catch (FactoryException | RuntimeException e) {
            throw Ai4cException.usage("Unknown projection \"" + text + "\" (" + firstLine(e.getMessage())
                    + "). Accepted forms: " + ACCEPTED + ".");
        }
        throw Ai4cException.usage("Unknown projection \"" + text + "\". Accepted forms: " + ACCEPTED + ".");
    }

    /** The WGS 84 / UTM zone (north or south) containing the point, easting first. */
    public static CoordinateReferenceSystem utm(double lon, double lat) {
        int zone = (int) Math.floor((lon + 180) / 6) + 1;
        zone = Math.max(1, Math.min(60, zone));
        int code = (lat >= 0 ? 32600 : 32700) + zone;
        try {
            return eastingFirst(CRS.forCode("EPSG:" + code));
        } catch (FactoryException e) {
            throw new Ai4cException("EPSG database unavailable for EPSG:" + code + ": " + e.getMessage(), e);
        }
    }

    /** The same CRS with easting/longitude as first axis. */
    public static CoordinateReferenceSystem eastingFirst(CoordinateReferenceSystem crs) {
        return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.DISPLAY_ORIENTED);
    }

    /** The EPSG code of a CRS if it has one (ignoring axis order), else empty. */
    public static OptionalInt epsgCode(CoordinateReferenceSystem crs) {
        try {
            Integer code = IdentifiedObjects.lookupEPSG(crs);
            if (code == null) {
                org.apache.sis.referencing.factory.IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
                finder.setIgnoringAxes(true);
                org.opengis.referencing.IdentifiedObject found = finder.findSingleton(crs);
                if (found != null) {
                    String c = IdentifiedObjects.getIdentifierOrName(found);
                    Integer parsed = IdentifiedObjects.lookupEPSG(found);
                    code = parsed != null ? parsed : (c != null && c.matches("\\d+") ? Integer.valueOf(c) : null);
                }
            }
            return code == null ? OptionalInt.empty() : OptionalInt.of(code);
        } catch (FactoryException e) {
            return OptionalInt.empty();
        }
    }

    /** WKT 1 of a CRS on one line: the flavour GDAL's ENVI driver, SNAP and its GeoTools 28 read. */
    public static String wkt1(CoordinateReferenceSystem crs) {
        org.apache.sis.io.wkt.WKTFormat f = new org.apache.sis.io.wkt.WKTFormat(Locale.ROOT, (java.time.ZoneId) null);
        f.setConvention(org.apache.sis.io.wkt.Convention.WKT1);
        f.setIndentation(org.apache.sis.io.wkt.WKTFormat.SINGLE_LINE);
        return f.format(crs);
    }

    /** True when the CRS is geographic (degrees). */
    public static boolean isGeographic(CoordinateReferenceSystem crs) {
        return crs instanceof org.opengis.referencing.crs.GeographicCRS;
    }

    private static String firstLine(String s) {
        if (s == null) return "not understood";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
