package eu.ai4c.kit.aoi.vector;

import eu.ai4c.kit.Ai4cException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Building blocks shared by the vector readers: ring closing, polygon assembly, collection of
 * the polygons of a geometry and the union of all features into one polygonal geometry.
 *
 * <h2>Thread-safety</h2>
 * Stateless; the shared {@link GeometryFactory} is immutable.
 */
public final class Polygons {

    /** Factory of every geometry the readers build (floating precision, SRID 0). */
    public static final GeometryFactory FACTORY = new GeometryFactory();

    /** The accepted AOI forms, for messages. */
    public static final String ACCEPTED_FORMS = "a WKT POLYGON or MULTIPOLYGON (WGS84 longitude/latitude), a box west,south,east,north in "
            + "degrees, or a vector file: "
            + "GeoJSON (.geojson, .json), ESRI Shapefile (.shp), KML (.kml, .kmz) or GeoPackage (.gpkg)";

    private Polygons() {
    }

    /**
     * A linear ring from {@code points}, closed if the last point differs from the first
     * (several writers omit the closing point).
     *
     * @param where names the ring in the message if it has fewer than 3 distinct points
     */
    public static LinearRing ring(Coordinate[] points, String where) {
        for (Coordinate c : points) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new Ai4cException(where + " has a ring point " + c.x + ", " + c.y + " that is not a finite"
                        + " coordinate; the file is damaged. Export the area of interest again.");
            }
        }
        Coordinate[] pts = points;
        if (pts.length > 0 && !pts[0].equals2D(pts[pts.length - 1])) {
            pts = Arrays.copyOf(pts, pts.length + 1);
            pts[pts.length - 1] = pts[0].copy();
        }
        if (pts.length < 4) {
            throw new Ai4cException(where + " has a ring of " + points.length
                    + " points; a polygon ring needs at least 3 distinct points. Fix or remove that polygon.");
        }
        return FACTORY.createLinearRing(pts);
    }

    /** A polygon of one outer ring and zero or more holes. */
    public static Polygon polygon(LinearRing shell, List<LinearRing> holes) {
        return FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    /**
     * Adds the polygons of {@code g} (a Polygon, MultiPolygon or a collection of them) to
     * {@code out}; any other geometry type is an error naming {@code where}.
     */
    public static void collect(Geometry g, String where, List<Polygon> out) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty()) out.add(p);
        } else if (g instanceof MultiPolygon || g instanceof GeometryCollection) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collect(g.getGeometryN(i), where, out);
            }
        } else {
            throw notPolygon(where, g.getGeometryType());
        }
    }

    /** The error for a geometry that is not polygonal. */
    public static Ai4cException notPolygon(String where, String type) {
        return Ai4cException.usage(where + " is a " + type + ", but an area of interest needs a polygon "
                + "(Polygon or MultiPolygon). Give a polygon, or remove the non-polygon features from the file.");
    }

    /**
     * The union of all polygons: one Polygon or MultiPolygon. A single valid polygon is
     * returned as it is (no vertex is moved); invalid input (self-intersections, overlapping
     * parts of a multipolygon) is repaired with {@link GeometryFixer} before the union, as a
     * polygon fill would otherwise depend on ring order.
     *
     * @param source names the input in the message when there is no polygon at all
     */
    public static Geometry union(List<Polygon> polygons, String source) {
        if (polygons.isEmpty()) {
            throw Ai4cException.usage(source + " contains no polygon; an area of interest needs at least one "
                    + "Polygon or MultiPolygon feature.");
        }
        Geometry result;
        try {
            List<Geometry> valid = new ArrayList<>(polygons.size());
            for (Polygon p : polygons) {
                valid.add(p.isValid() ? p : GeometryFixer.fix(p));
            }
            result = valid.size() == 1 ? valid.get(0) : UnaryUnionOp.union(valid);
        } catch (RuntimeException e) {
            // JTS gives up on some degenerate input (e.g. coordinates near the double range): a damaged file
            throw new Ai4cException(source + " has polygons that cannot be repaired or merged (" + e
                    + "); the file is damaged or its coordinates are not plausible. Export the area of interest again.",
                    e);
        }
        List<Polygon> parts = new ArrayList<>();
        collect(result, source, parts);
        if (parts.isEmpty()) {
            throw Ai4cException.usage(source + " contains only empty or degenerate polygons (zero area); "
                    + "an area of interest needs a polygon with an area.");
        }
        return parts.size() == 1 ? parts.get(0) : FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
    }
}
