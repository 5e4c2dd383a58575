package eu.ai4c.kit.aoi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.sis.referencing.CRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/** Test polygons (WGS84 lon/lat, inside UTM zone 33) and small helpers shared by the AoI tests. */
final class AoiFixtures {

    /** An irregular polygon with one hole; outer ring counter-clockwise, hole clockwise (RFC 7946). */
    static final String WITH_HOLE = "POLYGON ((14.0 45.0, 14.4 45.02, 14.45 45.3, 14.1 45.35, 13.98 45.2, 14.0 45.0),"
            + " (14.1 45.1, 14.1 45.2, 14.2 45.2, 14.2 45.1, 14.1 45.1))";
    /** A rectangle east of {@link #WITH_HOLE}, not touching it. */
    static final String EAST_BOX = "POLYGON ((14.6 45.1, 14.8 45.1, 14.8 45.25, 14.6 45.25, 14.6 45.1))";
    /** A rectangle overlapping the east part of {@link #WITH_HOLE}. */
    static final String OVERLAPPING_BOX = "POLYGON ((14.35 45.1, 14.6 45.1, 14.6 45.25, 14.35 45.25, 14.35 45.1))";

    private AoiFixtures() {
    }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A GeoJSON FeatureCollection with one feature per polygon WKT. */
    static String featureCollection(String... polygonWkts) {
        StringBuilder sb = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        for (int i = 0; i < polygonWkts.length; i++) {
            if (i > 0) sb.append(',');
            sb.append("\n {\"type\": \"Feature\", \"properties\": {\"id\": ").append(i + 1)
                    .append("}, \"geometry\": ").append(geometry((Polygon) wkt(polygonWkts[i]))).append('}');
        }
        return sb.append("\n]}\n").toString();
    }

    /** A GeoJSON Polygon geometry object. */
    static String geometry(Polygon p) {
        StringBuilder sb = new StringBuilder("{\"type\": \"Polygon\", \"coordinates\": [");
        ring(sb, p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            sb.append(", ");
            ring(sb, p.getInteriorRingN(h));
        }
        return sb.append("]}").toString();
    }

    private static void ring(StringBuilder sb, LineString ring) {
        sb.append('[');
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "[%.10f, %.10f]", cs[i].x, cs[i].y));
        }
        sb.append(']');
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The geometry with each vertex transformed, no densification (as ogr2ogr -t_srs does). */
    static Geometry vertexwise(Geometry g, CoordinateReferenceSystem from, CoordinateReferenceSystem to) throws Exception {
        MathTransform mt = CRS.findOperation(from, to, null).getMathTransform();
        Geometry out = g.copy();
        double[] xy = new double[2];
        out.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                xy[0] = seq.getX(i);
                xy[1] = seq.getY(i);
                try {
                    mt.transform(xy, 0, xy, 0, 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        out.geometryChanged();
        return out;
    }

    /** Largest distance from a vertex of {@code expected} to the nearest vertex of {@code actual}. */
    static double maxVertexOffset(Geometry expected, Geometry actual) {
        Coordinate[] act = actual.getCoordinates();
        double worst = 0;
        for (Coordinate e : expected.getCoordinates()) {
            double best = Double.POSITIVE_INFINITY;
            for (Coordinate a : act) best = Math.min(best, e.distance(a));
            worst = Math.max(worst, best);
        }
        return worst;
    }
}
