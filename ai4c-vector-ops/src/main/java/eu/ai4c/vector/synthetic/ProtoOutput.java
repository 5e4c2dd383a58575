package eu.ai4c.vector.synthetic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A protocol-buffer encoder into a growing byte array (varints, zig-zag, length-delimited fields). Not thread-safe. */
final class ProtoOutput extends ByteArrayOutputStream {

    ProtoOutput() {
        super(64);
    }

    void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        write((int) v);
    }

    void signed(long v) {
        varint((v << 1) ^ (v >> 63));
    }

    void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    void varintField(int field, long v) {
        tag(field, 0);
        varint(v);
    }

    void bytesField(int field, byte[] b) {
        tag(field, 2);
        varint(b.length);
        write(b, 0, b.length);
    }

    void bytesField(int field, ProtoOutput nested) {
        tag(field, 2);
        varint(nested.size());
        write(nested.buf, 0, nested.size());
    }

    void stringField(int field, String s) {
        bytesField(field, s.getBytes(StandardCharsets.UTF_8));
    }
}
