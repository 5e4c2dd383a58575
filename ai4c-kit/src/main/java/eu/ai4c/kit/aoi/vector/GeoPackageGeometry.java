package eu.ai4c.kit.aoi.vector;

import eu.ai4c.kit.Ai4cException;
import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes a GeoPackage geometry blob (OGC 12-128r18 §2.1.3 "StandardGeoPackageBinary"):
 * magic {@code 'G','P'}, version byte, flags byte, int32 SRS id, optional envelope, then
 * standard WKB. Flags: bit 0 = header byte order (1 little-endian), bits 1–3 = envelope
 * contents (0 none, 1 [minx, maxx, miny, maxy] = 32 bytes, 2 or 3 = 48 bytes with z or m,
 * 4 = 64 bytes with z and m), bit 4 = empty geometry, bit 5 = extended (non-standard) type.
 *
 * <h2>Thread-safety</h2>
 * Stateless; the {@link WKBReader} passed in is not thread-safe and must not be shared.
 */
public final class GeoPackageGeometry {

    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private GeoPackageGeometry() {
    }

    /**
     * @param blob  the column value
     * @param wkb   a WKB reader
     * @param where names the feature in messages
     * @return the geometry, or null for an empty geometry
     * @throws ParseException when the WKB part is corrupt
     */
    public static Geometry decode(byte[] blob, WKBReader wkb, String where) throws ParseException {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw Ai4cException.usage(where + " is not a GeoPackage geometry (no 'GP' magic). Export the file again "
                    + "with a GeoPackage writer such as ogr2ogr.");
        }
        int flags = blob[3] & 0xFF;
        if ((flags & 0x20) != 0) {
            throw Ai4cException.usage(where + " uses an extended GeoPackage geometry type, which is not supported; "
                    + "convert it to standard polygons, e.g. ogr2ogr -nlt MULTIPOLYGON.");
        }
        if ((flags & 0x10) != 0) {
            return null;
        }
        int envelope = (flags >> 1) & 0x07;
        if (envelope >= ENVELOPE_BYTES.length) {
            throw Ai4cException.usage(where + " has an invalid envelope code " + envelope + " in its geometry header.");
        }
        int offset = 8 + ENVELOPE_BYTES[envelope];
        if (offset >= blob.length) {
            throw Ai4cException.usage(where + " has a truncated geometry blob (" + blob.length + " bytes). Export the file again.");
        }
        Geometry g = wkb.read(Arrays.copyOfRange(blob, offset, blob.length));
        return g.isEmpty() ? null : g;
    }
}
