package eu.ai4c.vector.osm;

/**
 * A cursor over protocol-buffer bytes (the wire format of the OSM PBF messages): varints,
 * zig-zag signed varints, fixed-length fields and length-delimited sub-messages, read straight
 * from a {@code byte[]} range without allocation. A length-delimited field is entered with
 * {@link #limit(int)}/{@link #popLimit(int)} so nested messages need no copy.
 *
 * <h2>Thread-safety</h2>
 * Mutable cursor; one per thread.
 */
final class ProtoInput {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private int pos;
    private int limit;
    private final String where;

    /**
     * @param where names the data in messages, e.g. "block 12 of andorra.osm.pbf"
     */
    ProtoInput(byte[] buf, int offset, int length, String where) {
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
        this.where = where;
    }

    boolean hasMore() {
        return pos < limit;
    }

    int position() {
        return pos;
    }

    byte[] buffer() {
        return buf;
    }

    /** The next field's tag (field number << 3 | wire type). */
    int readTag() {
        return (int) readVarint();
    }

    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) throw corrupt("a varint runs past the end of its message");
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) return result;
        }
        throw corrupt("a varint is longer than 10 bytes");
    }

    long readSignedVarint() {
        long v = readVarint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** The length of a length-delimited field, checked against the enclosing message. */
    int readLength() {
        long n = readVarint();
        if (n < 0 || n > limit - pos) throw corrupt("a field of " + n + " bytes runs past the end of its message");
        return (int) n;
    }

    /** Restricts reading to the next {@code length} bytes; returns the old limit for {@link #popLimit}. */
    int limit(int length) {
        int old = limit;
        limit = pos + length;
        return old;
    }

    void popLimit(int oldLimit) {
        pos = limit;
        limit = oldLimit;
    }

    void skipBytes(int n) {
        if (n > limit - pos) throw corrupt("a field runs past the end of its message");
        pos += n;
    }

    /** Skips the value of a field of the given wire type. */
    void skip(int tag) {
        switch (tag & 7) {
            case VARINT -> readVarint();
            case FIXED64 -> skipBytes(8);
            case LENGTH_DELIMITED -> skipBytes(readLength());
            case FIXED32 -> skipBytes(4);
            default -> throw corrupt("unknown wire type " + (tag & 7));
        }
    }

    String readString() {
        int n = readLength();
        String s = new String(buf, pos, n, java.nio.charset.StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** A corrupt-data failure naming {@link #where}. */
    OsmFormatException corrupt(String problem) {
        return new OsmFormatException(where + " is corrupt: " + problem
                + ". The file is damaged or truncated; download or export it again.");
    }
}
