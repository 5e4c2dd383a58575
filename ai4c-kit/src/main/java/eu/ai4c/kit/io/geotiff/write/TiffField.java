package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.io.geotiff.TiffTags;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One directory entry to write: tag, field type and values (integers in a {@code long[]},
 * reals in a {@code double[]}, ASCII or undefined bytes in a {@code byte[]}). Immutable by
 * convention (the arrays are not copied).
 */
public record TiffField(int tag, int type, long[] integers, double[] reals, byte[] bytes) {

    /** SHORT values. */
    public static TiffField shorts(int tag, int... values) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) v[i] = values[i];
        return new TiffField(tag, TiffTags.SHORT, v, null, null);
    }

    /** LONG values (classic TIFF) or LONG8 (BigTIFF), e.g. offsets. */
    public static TiffField offsets(int tag, long[] values, boolean bigTiff) {
        return new TiffField(tag, bigTiff ? TiffTags.LONG8 : TiffTags.LONG, values, null, null);
    }

    /** One LONG value. */
    public static TiffField longValue(int tag, long value) {
        return new TiffField(tag, TiffTags.LONG, new long[] {value}, null, null);
    }

    /** DOUBLE values. */
    public static TiffField doubles(int tag, double... values) {
        return new TiffField(tag, TiffTags.DOUBLE, null, values, null);
    }

    /** An ASCII string, NUL-terminated as TIFF requires. */
    public static TiffField ascii(int tag, String text) {
        byte[] s = text.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[s.length + 1];
        System.arraycopy(s, 0, z, 0, s.length);
        return new TiffField(tag, TiffTags.ASCII, null, null, z);
    }

    /** Number of values. */
    public long count() {
        return integers != null ? integers.length : reals != null ? reals.length : bytes.length;
    }

    /** Bytes of one value of the field type. */
    public int typeSize() {
        return switch (type) {
            case TiffTags.BYTE, TiffTags.ASCII, TiffTags.SBYTE, TiffTags.UNDEFINED -> 1;
            case TiffTags.SHORT, TiffTags.SSHORT -> 2;
            case TiffTags.LONG, TiffTags.SLONG, TiffTags.FLOAT -> 4;
            default -> 8;
        };
    }

    /** Bytes of all values. */
    public long valueBytes() {
        return count() * typeSize();
    }

    /** Writes the values little-endian at the buffer's position. */
    void putValues(ByteBuffer buf) {
        if (bytes != null) {
            buf.put(bytes);
        } else if (reals != null) {
            for (double d : reals) buf.putDouble(d);
        } else {
            for (long v : integers) {
                switch (typeSize()) {
                    case 2 -> buf.putShort((short) v);
                    case 4 -> {
                        if (type == TiffTags.LONG && (v < 0 || v > 0xFFFF_FFFFL)) {
                            throw new IllegalStateException("Value " + v + " of tag " + tag + " exceeds classic TIFF");
                        }
                        buf.putInt((int) v);
                    }
                    default -> buf.putLong(v);
                }
            }
        }
    }
}
