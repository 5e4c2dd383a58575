package eu.ai4c.kit.io.geotiff.read;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.TiffTags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The first image file directory (IFD) of a classic TIFF or BigTIFF file, with all its fields
 * decoded (TIFF 6.0 section 2; BigTIFF: 8-byte counts and offsets, magic 43). Later IFDs
 * (overviews, masks) are not read. The TIFF may lie inside a larger file (a STORED member of a
 * zip archive): its offsets then count from {@link #base()}. Immutable.
 */
final class TiffDirectory {
    /** Fields larger than this are refused as damage rather than allocated. */
    private static final long MAX_FIELD_BYTES = 1L << 28;

    private final Path file;
    private final long base;
    private final long length;
    private final ByteOrder order;
    private final boolean bigTiff;
    private final Map<Integer, TiffField> fields;

    private TiffDirectory(Path file, long base, long length, ByteOrder order, boolean bigTiff,
                          Map<Integer, TiffField> fields) {
        this.file = file;
        this.base = base;
        this.length = length;
        this.order = order;
        this.bigTiff = bigTiff;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** Byte order of the file (II = little endian, MM = big endian). */
    ByteOrder order() {
        return order;
    }

    boolean isBigTiff() {
        return bigTiff;
    }

    Path file() {
        return file;
    }

    /** Position in the file of the TIFF's byte 0 (0 unless the TIFF lies inside another file). */
    long base() {
        return base;
    }

    /** Bytes of the TIFF. */
    long length() {
        return length;
    }

    /** All fields by tag, ascending. */
    Map<Integer, TiffField> fields() {
        return fields;
    }

    Optional<TiffField> field(int tag) {
        return Optional.ofNullable(fields.get(tag));
    }

    /** First value of an integer tag, or {@code fallback} when absent. */
    long longValue(int tag, long fallback) {
        TiffField f = fields.get(tag);
        return f == null || f.count() == 0 ? fallback : f.longAt(0);
    }

    /** The field, or an Ai4cException naming the file and the missing tag. */
    TiffField required(int tag, String name) {
        TiffField f = fields.get(tag);
        if (f == null || f.count() == 0) {
            throw new Ai4cException("Cannot read TIFF image " + file + ": the " + name + " tag (" + tag
                    + ") is missing; the file is damaged or not an image.");
        }
        return f;
    }

    /**
     * Reads the header and the first IFD.
     *
     * @throws Ai4cException on bad magic or a truncated file, naming the file
     */
    static TiffDirectory read(FileChannel channel, Path file) throws IOException {
        return read(channel, file, 0, channel.size());
    }

    /**
     * Reads the header and the first IFD of the TIFF of {@code length} bytes starting at byte
     * {@code base} of the file.
     */
    static TiffDirectory read(FileChannel channel, Path file, long base, long length) throws IOException {
        long size = length;
        if (size < 8) {
            throw new Ai4cException("Cannot read " + file + ": it has " + size + " bytes, too short for a TIFF header.");
        }
        ByteBuffer head = Chunks.readFully(channel, base, (int) Math.min(16, size), file);
        byte b0 = head.get(0), b1 = head.get(1);
        ByteOrder order;
        if (b0 == 'I' && b1 == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (b0 == 'M' && b1 == 'M') order = ByteOrder.BIG_ENDIAN;
        else throw badMagic(file);
        head.order(order);
        int magic = head.getShort(2) & 0xFFFF;
        boolean big;
        long ifdOffset;
        if (magic == 42) {
            big = false;
            ifdOffset = head.getInt(4) & 0xFFFFFFFFL;
        } else if (magic == 43) {
            if (size < 16 || head.getShort(4) != 8) {
                throw new Ai4cException("Cannot read " + file + ": its BigTIFF header is damaged (offset size is not 8).");
            }
            big = true;
            ifdOffset = head.getLong(8);
        } else {
            throw badMagic(file);
        }
        int countBytes = big ? 8 : 2, entryBytes = big ? 20 : 12;
        if (ifdOffset < 8 || ifdOffset + countBytes > size) {
            throw truncated(file, "its first image directory at byte " + ifdOffset + " lies beyond the end ("
                    + size + " bytes)");
        }
        ByteBuffer cb = Chunks.readFully(channel, base + ifdOffset, countBytes, file).order(order);
        long count = big ? cb.getLong(0) : cb.getShort(0) & 0xFFFF;
        if (count <= 0 || count > 100_000 || ifdOffset + countBytes + count * entryBytes > size) {
            throw truncated(file, "its image directory at byte " + ifdOffset + " (" + count
                    + " entries) is incomplete");
        }
        ByteBuffer entries = Chunks.readFully(channel, base + ifdOffset + countBytes, (int) (count * entryBytes), file)
                .order(order);
        Map<Integer, TiffField> fields = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int p = i * entryBytes;
            int tag = entries.getShort(p) & 0xFFFF;
            int type = entries.getShort(p + 2) & 0xFFFF;
            long n = big ? entries.getLong(p + 4) : entries.getInt(p + 4) & 0xFFFFFFFFL;
            int typeSize = typeSize(type);
            if (typeSize == 0 || n < 0) continue; // unknown field types are skipped, as TIFF 6.0 asks
            // compare the count before multiplying: a BigTIFF count near 2^63 would overflow to a small total
            if (n > MAX_FIELD_BYTES / typeSize) {
                throw new Ai4cException("Cannot read " + file + ": tag " + tag + " claims " + n
                        + " values; the file is damaged.");
            }
            long total = n * typeSize;
            if (total > MAX_FIELD_BYTES) {
                throw new Ai4cException("Cannot read " + file + ": tag " + tag + " claims " + n
                        + " values; the file is damaged.");
            }
            int inline = big ? 8 : 4;
            int valuePos = p + (big ? 12 : 8);
            ByteBuffer values;
            if (total <= inline) {
                values = entries.duplicate().order(order);
                values.position(valuePos);
                values = values.slice().order(order);
            } else {
                long offset = big ? entries.getLong(valuePos) : entries.getInt(valuePos) & 0xFFFFFFFFL;
                if (offset < 0 || offset + total > size) {
                    throw truncated(file, "the values of tag " + tag + " at byte " + offset + " lie beyond the end ("
                            + size + " bytes)");
                }
                values = Chunks.readFully(channel, base + offset, (int) total, file).order(order);
            }
            fields.put(tag, decode(tag, type, (int) n, values));
        }
        return new TiffDirectory(file, base, length, order, big, fields);
    }

    private static TiffField decode(int tag, int type, int n, ByteBuffer v) {
        switch (type) {
            case TiffTags.ASCII -> {
                byte[] b = new byte[n];
                v.get(0, b);
                int len = n;
                while (len > 0 && b[len - 1] == 0) len--;
                return new TiffField(tag, type, null, null, new String(b, 0, len, StandardCharsets.ISO_8859_1));
            }
            case TiffTags.RATIONAL, TiffTags.SRATIONAL -> {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    long num = v.getInt(8 * i), den = v.getInt(8 * i + 4);
                    if (type == TiffTags.RATIONAL) {
                        num &= 0xFFFFFFFFL;
                        den &= 0xFFFFFFFFL;
                    }
                    d[i] = den == 0 ? Double.NaN : (double) num / den;
                }
                return new TiffField(tag, type, null, d, null);
            }
            case TiffTags.FLOAT, TiffTags.DOUBLE -> {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = type == TiffTags.FLOAT ? v.getFloat(4 * i) : v.getDouble(8 * i);
                return new TiffField(tag, type, null, d, null);
            }
            default -> {
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = switch (type) {
                        case TiffTags.BYTE, TiffTags.UNDEFINED -> v.get(i) & 0xFF;
                        case TiffTags.SBYTE -> v.get(i);
                        case TiffTags.SHORT -> v.getShort(2 * i) & 0xFFFF;
                        case TiffTags.SSHORT -> v.getShort(2 * i);
                        case TiffTags.LONG, 13 -> v.getInt(4 * i) & 0xFFFFFFFFL; // 13 = IFD, a 4-byte offset
                        case TiffTags.SLONG -> v.getInt(4 * i);
                        default -> v.getLong(8 * i); // LONG8, SLONG8, IFD8
                    };
                }
                return new TiffField(tag, type, l, null, null);
            }
        }
    }

    /** Bytes per value of a field type; 0 for unknown types. */
    static int typeSize(int type) {
        return switch (type) {
            case TiffTags.BYTE, TiffTags.ASCII, TiffTags.SBYTE, TiffTags.UNDEFINED -> 1;
            case TiffTags.SHORT, TiffTags.SSHORT -> 2;
            case TiffTags.LONG, TiffTags.SLONG, TiffTags.FLOAT, 13 -> 4; // 13 = IFD
            case TiffTags.RATIONAL, TiffTags.SRATIONAL, TiffTags.DOUBLE, TiffTags.LONG8, TiffTags.SLONG8,
                    TiffTags.IFD8 -> 8;
            default -> 0;
        };
    }

    private static Ai4cException badMagic(Path file) {
        return new Ai4cException("Cannot read " + file + ": it is not a TIFF file (the header does not start with "
                + "II or MM followed by 42 or 43). Check that the path points to a GeoTIFF.");
    }

    static Ai4cException truncated(Path file, String what) {
        return new Ai4cException("Cannot read " + file + ": the file is truncated or damaged (" + what
                + "). Download or copy it again.");
    }
}
