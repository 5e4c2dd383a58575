package eu.ai4c.kit.io.geotiff.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.TreeMap;

/**
 * An image file directory (IFD) with the values that do not fit in their entries placed right
 * after it. Serialised in classic TIFF (12-byte entries, 4-byte offsets) or BigTIFF (20-byte
 * entries, 8-byte offsets) form, little-endian, entries sorted by tag as TIFF 6.0 requires.
 * Its size does not depend on the values, so space can be reserved before offsets are known.
 * Not thread-safe.
 */
public final class TiffDirectory {
    private final TreeMap<Integer, TiffField> fields = new TreeMap<>();
    private final boolean bigTiff;

    public TiffDirectory(boolean bigTiff) {
        this.bigTiff = bigTiff;
    }

    /** Adds or replaces a field. */
    public TiffDirectory add(TiffField f) {
        fields.put(f.tag(), f);
        return this;
    }

    public TiffDirectory addAll(Collection<TiffField> list) {
        list.forEach(this::add);
        return this;
    }

    private int entrySize() {
        return bigTiff ? 20 : 12;
    }

    private int inlineLimit() {
        return bigTiff ? 8 : 4;
    }

    /** Bytes of the directory itself (count, entries, next offset). */
    private long headerBytes() {
        return bigTiff ? 8 + 20L * fields.size() + 8 : 2 + 12L * fields.size() + 4;
    }

    /** Total bytes: directory plus out-of-line values, each value block padded to an even length. */
    public long byteSize() {
        long size = headerBytes();
        for (TiffField f : fields.values()) {
            if (f.valueBytes() > inlineLimit()) size += (f.valueBytes() + 1) & ~1L;
        }
        return size;
    }

    /**
     * Serialises the directory as it will lie at file offset {@code at}.
     *
     * @param next offset of the next directory, 0 for the last one
     */
    public ByteBuffer toBytes(long at, long next) {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(byteSize())).order(ByteOrder.LITTLE_ENDIAN);
        long outOfLine = at + headerBytes();
        int dataPos = (int) headerBytes();
        if (bigTiff) buf.putLong(fields.size()); else buf.putShort((short) fields.size());
        for (TiffField f : fields.values()) {
            buf.putShort((short) f.tag());
            buf.putShort((short) f.type());
            if (bigTiff) buf.putLong(f.count()); else buf.putInt((int) f.count());
            int entryValue = buf.position();
            if (f.valueBytes() <= inlineLimit()) {
                f.putValues(buf);
                buf.position(entryValue + inlineLimit());
            } else {
                putOffset(buf, outOfLine);
                int keep = buf.position();
                buf.position(dataPos);
                f.putValues(buf);
                long padded = (f.valueBytes() + 1) & ~1L;
                dataPos += (int) padded;
                outOfLine += padded;
                buf.position(keep);
            }
        }
        putOffset(buf, next);
        buf.position(0);
        return buf;
    }

    private void putOffset(ByteBuffer buf, long offset) {
        if (bigTiff) {
            buf.putLong(offset);
        } else {
            if (offset > 0xFFFF_FFFFL) throw new IllegalStateException("Offset " + offset + " exceeds classic TIFF");
            buf.putInt((int) offset);
        }
    }
}
