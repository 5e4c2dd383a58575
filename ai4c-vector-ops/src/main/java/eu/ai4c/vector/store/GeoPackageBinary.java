package eu.ai4c.vector.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * Encodes a geometry as a GeoPackage geometry blob (OGC 12-128r18 §2.1.3,
 * "StandardGeoPackageBinary"): {@code 'G','P'}, version 0, flags (little-endian header, an
 * [minx, maxx, miny, maxy] envelope except for points), the SRS id, then little-endian 2-D WKB.
 * The decoder is the kit's {@link eu.ai4c.kit.aoi.vector.GeoPackageGeometry}.
 *
 * <h2>Thread-safety</h2>
 * Holds a {@link WKBWriter}: one instance per thread.
 */
public final class GeoPackageBinary {
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

    public byte[] encode(Geometry g, int srsId) {
        byte[] body = wkb.write(g);
        boolean envelope = !(g instanceof Point) && !g.isEmpty();
        ByteBuffer b = ByteBuffer.allocate(8 + (envelope ? 32 : 0) + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        int flags = 0x01 | (envelope ? 1 << 1 : 0) | (g.isEmpty() ? 0x10 : 0);
        b.put((byte) flags);
        b.putInt(srsId);
        if (envelope) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        b.put(body);
        return b.array();
    }
}
