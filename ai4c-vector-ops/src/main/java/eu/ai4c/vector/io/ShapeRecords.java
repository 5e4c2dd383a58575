package eu.ai4c.vector.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The content of one Shapefile record (without its 8-byte record header), little-endian: a
 * point ({@code type, x, y}), a multipoint ({@code type, box, numPoints, points}), or a polyline
 * or polygon ({@code type, box, numParts, numPoints, parts, points}). Polygon outer rings are
 * written clockwise and holes counter-clockwise, as the format requires. Stateless.
 */
final class ShapeRecords {
    private ShapeRecords() {
    }

    static byte[] encode(Geometry g, int shapeType) {
        if (shapeType == 1) {
            Coordinate c = ((Point) g).getCoordinate();
            return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(c.x).putDouble(c.y).array();
        }
        List<Coordinate[]> parts = new ArrayList<>();
        if (shapeType == 8) {
            Coordinate[] pts = g.getCoordinates();
            ByteBuffer b = ByteBuffer.allocate(40 + 16 * pts.length).order(ByteOrder.LITTLE_ENDIAN).putInt(8);
            box(b, g.getEnvelopeInternal());
            b.putInt(pts.length);
            for (Coordinate c : pts) b.putDouble(c.x).putDouble(c.y);
            return b.array();
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString l) {
                parts.add(l.getCoordinates());
            } else if (part instanceof Polygon p) {
                parts.add(oriented(p.getExteriorRing().getCoordinates(), false));
                for (int h = 0; h < p.getNumInteriorRing(); h++) parts.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
            }
        }
        int points = 0;
        for (Coordinate[] p : parts) points += p.length;
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(shapeType);
        box(b, g.getEnvelopeInternal());
        b.putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (Coordinate[] p : parts) for (Coordinate c : p) b.putDouble(c.x).putDouble(c.y);
        return b.array();
    }

    /** The ring counter-clockwise when {@code ccw}, clockwise otherwise (a reversed copy when needed). */
    private static Coordinate[] oriented(Coordinate[] ring, boolean ccw) {
        if (Orientation.isCCW(ring) == ccw) return ring;
        Coordinate[] r = ring.clone();
        CoordinateArrays.reverse(r);
        return r;
    }

    private static void box(ByteBuffer b, Envelope e) {
        b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }
}
