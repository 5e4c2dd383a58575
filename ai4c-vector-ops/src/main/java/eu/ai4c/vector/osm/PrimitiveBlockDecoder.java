package eu.ai4c.vector.osm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes one {@code PrimitiveBlock} (osmformat.proto) and hands its objects to the handler:
 * the string table, then each {@code PrimitiveGroup} of plain nodes, dense nodes (delta-coded ids
 * and coordinates, {@code keys_vals} with 0 between nodes), ways (delta-coded node refs) and
 * relations (delta-coded member ids). Coordinates are {@code offset + granularity · value} in
 * nanodegrees, delivered in 10⁻⁷ degree (the default granularity of 100 makes this exact).
 *
 * <h2>Thread-safety</h2>
 * Mutable scratch arrays; one per reader thread.
 */
final class PrimitiveBlockDecoder {
    private final OsmHandler handler;
    private final OsmTags tags = new OsmTags();
    private String[] strings = new String[0];
    private int granularity;
    private long latOffset;
    private long lonOffset;
    private long[] refs = new long[2048];
    private long[] memberIds = new long[256];
    private byte[] memberTypes = new byte[256];
    private String[] roles = new String[256];
    private int[] keyScratch = new int[64];
    private int[] valueScratch = new int[64];
    private int[] versions = new int[8192];

    PrimitiveBlockDecoder(OsmHandler handler) {
        this.handler = handler;
    }

    void decode(byte[] data, String where) {
        ProtoInput p = new ProtoInput(data, 0, data.length, where);
        granularity = 100;
        latOffset = 0;
        lonOffset = 0;
        strings = new String[0];
        // the scalar fields may follow the groups: find them first
        int groupsStart = -1;
        while (p.hasMore()) {
            int tag = p.readTag();
            switch (tag) {
                case (1 << 3) | ProtoInput.LENGTH_DELIMITED -> readStringTable(p);
                case (17 << 3) | ProtoInput.VARINT -> granularity = (int) p.readVarint();
                case (19 << 3) | ProtoInput.VARINT -> latOffset = p.readVarint();
                case (20 << 3) | ProtoInput.VARINT -> lonOffset = p.readVarint();
                default -> {
                    if (groupsStart < 0 && tag == ((2 << 3) | ProtoInput.LENGTH_DELIMITED)) groupsStart = 1;
                    p.skip(tag);
                }
            }
        }
        if (granularity <= 0 || granularity % 100 != 0 || latOffset % 100 != 0 || lonOffset % 100 != 0) {
            throw p.corrupt("granularity " + granularity + " and offsets " + latOffset + ", " + lonOffset
                    + " are not whole multiples of 100 nanodegrees");
        }
        if (groupsStart < 0) return;
        p = new ProtoInput(data, 0, data.length, where);
        while (p.hasMore()) {
            int tag = p.readTag();
            if (tag == ((2 << 3) | ProtoInput.LENGTH_DELIMITED)) {
                int old = p.limit(p.readLength());
                readGroup(p);
                p.popLimit(old);
            } else {
                p.skip(tag);
            }
        }
    }

    private void readStringTable(ProtoInput p) {
        int old = p.limit(p.readLength());
        String[] s = new String[256];
        int n = 0;
        while (p.hasMore()) {
            int tag = p.readTag();
            if (tag == ((1 << 3) | ProtoInput.LENGTH_DELIMITED)) {
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                int len = p.readLength();
                s[n++] = new String(p.buffer(), p.position(), len, StandardCharsets.UTF_8);
                p.skipBytes(len);
            } else {
                p.skip(tag);
            }
        }
        p.popLimit(old);
        strings = Arrays.copyOf(s, n);
    }

    private String string(ProtoInput p, long index) {
        if (index < 0 || index >= strings.length) throw p.corrupt("string index " + index + " is outside the table");
        return strings[(int) index];
    }

    private void readGroup(ProtoInput p) {
        while (p.hasMore()) {
            int tag = p.readTag();
            int field = tag >>> 3;
            boolean wanted = switch (field) {
                case 1, 2 -> handler.wantsNodes();
                case 3 -> handler.wantsWays();
                case 4 -> true;
                default -> false;
            };
            if ((tag & 7) != ProtoInput.LENGTH_DELIMITED || !wanted) {
                p.skip(tag);
                continue;
            }
            int old = p.limit(p.readLength());
            switch (field) {
                case 1 -> readNode(p);
                case 2 -> readDenseNodes(p);
                case 3 -> readWay(p);
                default -> readRelation(p);
            }
            p.popLimit(old);
        }
    }

    private int lonE7(long raw) {
        return (int) ((lonOffset + granularity * raw) / 100);
    }

    private int latE7(long raw) {
        return (int) ((latOffset + granularity * raw) / 100);
    }

    private void readNode(ProtoInput p) {
        long id = 0;
        long lat = 0;
        long lon = 0;
        int version = -1;
        int nk = 0;
        int nv = 0;
        while (p.hasMore()) {
            int tag = p.readTag();
            switch (tag >>> 3) {
                case 1 -> id = p.readSignedVarint();
                case 2 -> nk = readPackedUInts(p, tag, true);
                case 3 -> nv = readPackedUInts(p, tag, false);
                case 4 -> version = readInfoVersion(p);
                case 8 -> lat = p.readSignedVarint();
                case 9 -> lon = p.readSignedVarint();
                default -> p.skip(tag);
            }
        }
        fillTags(p, nk, nv);
        handler.node(id, version, lonE7(lon), latE7(lat), tags);
    }

    private void readDenseNodes(ProtoInput p) {
        int idsStart = -1, idsLen = 0, latStart = -1, latLen = 0, lonStart = -1, lonLen = 0, kvStart = -1, kvLen = 0;
        int versionCount = 0;
        while (p.hasMore()) {
            int tag = p.readTag();
            int field = tag >>> 3;
            if ((tag & 7) != ProtoInput.LENGTH_DELIMITED) {
                p.skip(tag);
                continue;
            }
            int len = p.readLength();
            int start = p.position();
            switch (field) {
                case 1 -> { idsStart = start; idsLen = len; }
                case 5 -> {
                    int old = p.limit(len);
                    versionCount = readDenseVersions(p);
                    p.popLimit(old);
                    continue;
                }
                case 8 -> { latStart = start; latLen = len; }
                case 9 -> { lonStart = start; lonLen = len; }
                case 10 -> { kvStart = start; kvLen = len; }
                default -> { }
            }
            p.skipBytes(len);
        }
        if (idsStart < 0) return;
        byte[] b = p.buffer();
        ProtoInput ids = new ProtoInput(b, idsStart, idsLen, "dense node ids");
        ProtoInput lats = new ProtoInput(b, Math.max(latStart, 0), latLen, "dense node latitudes");
        ProtoInput lons = new ProtoInput(b, Math.max(lonStart, 0), lonLen, "dense node longitudes");
        ProtoInput kv = kvStart < 0 ? null : new ProtoInput(b, kvStart, kvLen, "dense node tags");
        long id = 0, lat = 0, lon = 0;
        int i = 0;
        while (ids.hasMore()) {
            id += ids.readSignedVarint();
            if (!lats.hasMore() || !lons.hasMore()) throw p.corrupt("dense nodes have fewer coordinates than ids");
            lat += lats.readSignedVarint();
            lon += lons.readSignedVarint();
            tags.clear();
            if (kv != null) {
                while (kv.hasMore()) {
                    long k = kv.readVarint();
                    if (k == 0) break;
                    if (!kv.hasMore()) throw p.corrupt("a dense node tag has a key but no value");
                    tags.add(string(p, k), string(p, kv.readVarint()));
                }
            }
            handler.node(id, i < versionCount ? versions[i] : -1, lonE7(lon), latE7(lat), tags);
            i++;
        }
    }

    /** Reads the (not delta-coded) versions of a DenseInfo into {@link #versions}; returns their count. */
    private int readDenseVersions(ProtoInput p) {
        int n = 0;
        while (p.hasMore()) {
            int tag = p.readTag();
            if (tag == ((1 << 3) | ProtoInput.LENGTH_DELIMITED)) {
                int old = p.limit(p.readLength());
                while (p.hasMore()) {
                    if (n == versions.length) versions = Arrays.copyOf(versions, n * 2);
                    versions[n++] = (int) p.readVarint();
                }
                p.popLimit(old);
            } else {
                p.skip(tag);
            }
        }
        return n;
    }

    private int readInfoVersion(ProtoInput p) {
        int old = p.limit(p.readLength());
        int version = -1;
        while (p.hasMore()) {
            int tag = p.readTag();
            if (tag == ((1 << 3) | ProtoInput.VARINT)) version = (int) p.readVarint();
            else p.skip(tag);
        }
        p.popLimit(old);
        return version;
    }

    /** Reads a packed (or single) uint32 field into the key or value scratch; returns the new count. */
    private int readPackedUInts(ProtoInput p, int tag, boolean keys) {
        int[] dst = keys ? keyScratch : valueScratch;
        int n = 0;
        if ((tag & 7) == ProtoInput.LENGTH_DELIMITED) {
            int old = p.limit(p.readLength());
            while (p.hasMore()) {
                if (n == dst.length) dst = Arrays.copyOf(dst, n * 2);
                dst[n++] = (int) p.readVarint();
            }
            p.popLimit(old);
        } else {
            dst[n++] = (int) p.readVarint();
        }
        if (keys) keyScratch = dst;
        else valueScratch = dst;
        return n;
    }

    private void fillTags(ProtoInput p, int nk, int nv) {
        if (nk != nv) throw p.corrupt(nk + " tag keys but " + nv + " values");
        tags.clear();
        for (int i = 0; i < nk; i++) tags.add(string(p, keyScratch[i]), string(p, valueScratch[i]));
    }

    private void readWay(ProtoInput p) {
        long id = 0;
        int version = -1;
        int nk = 0, nv = 0, nr = 0;
        while (p.hasMore()) {
            int tag = p.readTag();
            switch (tag >>> 3) {
                case 1 -> id = p.readVarint();
                case 2 -> nk = readPackedUInts(p, tag, true);
                case 3 -> nv = readPackedUInts(p, tag, false);
                case 4 -> version = readInfoVersion(p);
                case 8 -> {
                    int old = p.limit(p.readLength());
                    long ref = 0;
                    while (p.hasMore()) {
                        ref += p.readSignedVarint();
                        if (nr == refs.length) refs = Arrays.copyOf(refs, nr * 2);
                        refs[nr++] = ref;
                    }
                    p.popLimit(old);
                }
                default -> p.skip(tag);
            }
        }
        fillTags(p, nk, nv);
        handler.way(id, version, refs, nr, tags);
    }

    private void readRelation(ProtoInput p) {
        long id = 0;
        int version = -1;
        int nk = 0, nv = 0, nRoles = 0, nIds = 0, nTypes = 0;
        while (p.hasMore()) {
            int tag = p.readTag();
            switch (tag >>> 3) {
                case 1 -> id = p.readVarint();
                case 2 -> nk = readPackedUInts(p, tag, true);
                case 3 -> nv = readPackedUInts(p, tag, false);
                case 4 -> version = readInfoVersion(p);
                case 8 -> {
                    int old = p.limit(p.readLength());
                    while (p.hasMore()) {
                        ensureMembers(nRoles + 1);
                        roles[nRoles++] = string(p, p.readVarint());
                    }
                    p.popLimit(old);
                }
                case 9 -> {
                    int old = p.limit(p.readLength());
                    long m = 0;
                    while (p.hasMore()) {
                        m += p.readSignedVarint();
                        ensureMembers(nIds + 1);
                        memberIds[nIds++] = m;
                    }
                    p.popLimit(old);
                }
                case 10 -> {
                    int old = p.limit(p.readLength());
                    while (p.hasMore()) {
                        ensureMembers(nTypes + 1);
                        long t = p.readVarint();
                        if (t < 0 || t > 2) throw p.corrupt("relation " + id + " has member type " + t);
                        memberTypes[nTypes++] = (byte) t;
                    }
                    p.popLimit(old);
                }
                default -> p.skip(tag);
            }
        }
        if (nRoles != nIds || nIds != nTypes) {
            throw p.corrupt("relation " + id + " has " + nIds + " member ids, " + nTypes + " types and " + nRoles + " roles");
        }
        fillTags(p, nk, nv);
        handler.relation(id, version, memberTypes, memberIds, roles, nIds, tags);
    }

    private void ensureMembers(int n) {
        if (n <= memberIds.length) return;
        int size = Math.max(n, memberIds.length * 2);
        memberIds = Arrays.copyOf(memberIds, size);
        memberTypes = Arrays.copyOf(memberTypes, size);
        roles = Arrays.copyOf(roles, size);
    }
}
