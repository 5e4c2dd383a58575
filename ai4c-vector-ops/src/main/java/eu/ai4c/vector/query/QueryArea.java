package eu.ai4c.vector.query;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.geo.Projections;
import java.util.Locale;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The area of a feature query in WGS84 longitude/latitude: a bounding box
 * {@code west,south,east,north} in degrees, or anything {@link AreaOfInterest#parse} accepts
 * (WKT polygon, GeoJSON, Shapefile, KML/KMZ, GeoPackage; reprojected to WGS84). Stateless.
 */
public final class QueryArea {
    private static final Pattern BBOX = Pattern.compile(
            "\\s*[-+]?[\\d.]+(e[-+]?\\d+)?\\s*(,\\s*[-+]?[\\d.]+(e[-+]?\\d+)?\\s*){3}", Pattern.CASE_INSENSITIVE);

    private QueryArea() {
    }

    /** Whether {@code text} looks like a bounding box (four comma-separated numbers). */
    public static boolean isBbox(String text) {
        return BBOX.matcher(text).matches();
    }

    /**
     * @throws Ai4cException (usage) naming the value when it is not an area
     */
    public static Geometry parse(String text) {
        if (isBbox(text)) return bbox(text);
        return AreaOfInterest.parse(text).toCrs(Projections.wgs84()).geometry();
    }

    /** A box from {@code west,south,east,north}; checks order and range. */
    public static Geometry bbox(String text) {
        String[] p = text.split(",");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw Ai4cException.usage("The bounding box \"" + text + "\" is not four numbers west,south,east,north "
                        + "in degrees, e.g. 1.50,42.49,1.55,42.52.");
            }
        }
        if (!(v[0] < v[2] && v[1] < v[3]) || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw Ai4cException.usage(String.format(Locale.ROOT, "The bounding box %s is not west,south,east,north with "
                    + "west < east, south < north inside [-180, 180] x [-90, 90] degrees.", text.strip()));
        }
        return new GeometryFactory().toGeometry(new Envelope(v[0], v[2], v[1], v[3]));
    }
}
