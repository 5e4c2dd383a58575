package eu.ai4c.kit.aoi.vector;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Reads an area of interest given as WKT text: {@code POLYGON} or {@code MULTIPOLYGON} in WGS84
 * longitude/latitude degrees (the convention of the AI4Copernicus services), optionally with an
 * EWKT prefix {@code SRID=<epsg>;} naming another CRS (coordinates easting first).
 *
 * <h2>Thread-safety</h2>
 * Stateless; a new JTS {@link WKTReader} is used per call.
 */
public final class WktReader {

    private static final Pattern SRID = Pattern.compile("(?i)^\\s*SRID\\s*=\\s*(\\d+)\\s*;(.*)$", Pattern.DOTALL);
    private static final Pattern WKT_START = Pattern.compile(
            "(?i)^\\s*(SRID\\s*=\\s*\\d+\\s*;\\s*)?(POLYGON|MULTIPOLYGON|POINT|MULTIPOINT|LINESTRING|MULTILINESTRING"
            + "|LINEARRING|GEOMETRYCOLLECTION|CIRCULARSTRING|COMPOUNDCURVE|CURVEPOLYGON|MULTISURFACE|MULTICURVE"
            + "|TRIANGLE|TIN|POLYHEDRALSURFACE)\\b.*", Pattern.DOTALL);

    private WktReader() {
    }

    /** True when {@code text} starts like a WKT geometry (a geometry keyword), so is not a path. */
    public static boolean looksLikeWkt(String text) {
        return WKT_START.matcher(text).matches();
    }

    /**
     * Parses the WKT.
     *
     * @throws Ai4cException (usage error) naming the value when it is not valid WKT or not a polygon
     */
    public static VectorGeometry read(String text) {
        String wkt = text;
        CoordinateReferenceSystem crs = Projections.wgs84();
        Matcher m = SRID.matcher(text);
        if (m.matches()) {
            crs = Projections.parse("EPSG:" + m.group(1), 0, 0);
            wkt = m.group(2);
        }
        String shown = abbreviate(text);
        Geometry g;
        try {
            g = new WKTReader(Polygons.FACTORY).read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw Ai4cException.usage("The area of interest \"" + shown + "\" is not valid WKT (" + e.getMessage()
                    + "). Give a polygon such as POLYGON((lon1 lat1, lon2 lat2, lon3 lat3, lon1 lat1)) or a vector file.");
        }
        String type = g.getGeometryType().toUpperCase(Locale.ROOT);
        if (!type.equals("POLYGON") && !type.equals("MULTIPOLYGON")) {
            throw Ai4cException.usage("The area of interest \"" + shown + "\" is a " + type
                    + ", but a polygon is needed: give a POLYGON or MULTIPOLYGON (WGS84 longitude/latitude) or a vector file.");
        }
        List<Polygon> polygons = new ArrayList<>();
        Polygons.collect(g, "The area of interest \"" + shown + "\"", polygons);
        return new VectorGeometry(Polygons.union(polygons, "The area of interest \"" + shown + "\""), crs,
                "WKT " + shown);
    }

    /** The text cut to 80 characters for messages. */
    static String abbreviate(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
