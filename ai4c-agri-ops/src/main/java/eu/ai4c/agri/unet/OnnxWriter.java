package eu.ai4c.agri.unet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes ONNX models: the few messages of {@code onnx.proto} a feed-forward network needs
 * ({@code ModelProto}, {@code GraphProto}, {@code NodeProto}, {@code AttributeProto},
 * {@code TensorProto}, {@code ValueInfoProto}), encoded in the protocol-buffer wire format by
 * hand, so that exporting needs no protobuf library. Field numbers are those of {@code onnx.proto}
 * (proto2; repeated scalars are written unpacked, which every parser accepts). Float tensors go
 * into {@code raw_data} (little-endian) and are not copied: a {@link Message} refers to the
 * caller's arrays until it is written. Stateless.
 */
public final class OnnxWriter {
    /** {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;
    /** A protocol-buffer message may not exceed 2 GiB. */
    private static final long MAX_MESSAGE = Integer.MAX_VALUE;
    // AttributeProto.AttributeType
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_INTS = 7;

    private OnnxWriter() {
    }

    /**
     * A protocol-buffer message being built: fields in the order added. Sizes are computed when
     * it is written; nested messages and float arrays are held by reference.
     */
    public static final class Message {
        private final List<Object> parts = new ArrayList<>();
        private long size = -1;

        /** Field {@code field} as a varint (int32, int64, enum). */
        public Message varint(int field, long value) {
            return bytes(tag(field, 0), varintBytes(value));
        }

        /** Field {@code field} as a little-endian fixed32 float. */
        public Message float32(int field, float value) {
            byte[] b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array();
            return bytes(tag(field, 5), b);
        }

        /** Field {@code field} as UTF-8 text (length-delimited). */
        public Message string(int field, String value) {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            return bytes(tag(field, 2), varintBytes(b.length), b);
        }

        /** Field {@code field} as a nested message. */
        public Message message(int field, Message value) {
            parts.add(new Nested(tag(field, 2), value));
            size = -1;
            return this;
        }

        /** Field {@code field} as bytes holding {@code values} in little-endian float32 (not copied). */
        public Message floats(int field, float[] values) {
            parts.add(new Floats(tag(field, 2), values));
            size = -1;
            return this;
        }

        private Message bytes(byte[]... chunks) {
            int n = 0;
            for (byte[] c : chunks) n += c.length;
            byte[] all = new byte[n];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, all, at, c.length);
                at += c.length;
            }
            parts.add(all);
            size = -1;
            return this;
        }

        /** Encoded length in bytes. */
        public long size() {
            if (size < 0) {
                long n = 0;
                for (Object p : parts) {
                    if (p instanceof byte[] b) {
                        n += b.length;
                    } else if (p instanceof Nested m) {
                        long s = m.value.size();
                        n += m.tag.length + varintBytes(s).length + s;
                    } else {
                        Floats f = (Floats) p;
                        long s = 4L * f.values.length;
                        n += f.tag.length + varintBytes(s).length + s;
                    }
                }
                size = n;
            }
            return size;
        }

        /** Writes the encoded message (without a length prefix). */
        public void writeTo(OutputStream out) throws IOException {
            ByteBuffer buf = null;
            for (Object p : parts) {
                if (p instanceof byte[] b) {
                    out.write(b);
                } else if (p instanceof Nested m) {
                    out.write(m.tag);
                    out.write(varintBytes(m.value.size()));
                    m.value.writeTo(out);
                } else {
                    Floats f = (Floats) p;
                    out.write(f.tag);
                    out.write(varintBytes(4L * f.values.length));
                    if (buf == null) buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
                    for (float v : f.values) {
                        if (!buf.hasRemaining()) {
                            out.write(buf.array(), 0, buf.position());
                            buf.clear();
                        }
                        buf.putFloat(v);
                    }
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
            }
        }
    }

    private record Nested(byte[] tag, Message value) {
    }

    private record Floats(byte[] tag, float[] values) {
    }

    private static byte[] tag(int field, int wireType) {
        return varintBytes(((long) field << 3) | wireType);
    }

    /** Base-128 varint, least significant group first; negative values take 10 bytes (two's complement). */
    static byte[] varintBytes(long value) {
        byte[] b = new byte[10];
        int n = 0;
        while ((value & ~0x7FL) != 0) {
            b[n++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[n++] = (byte) value;
        return java.util.Arrays.copyOf(b, n);
    }

    /** {@code TensorProto}: a float32 initializer {@code name} of shape {@code dims}, values in {@code raw_data}. */
    public static Message floatTensor(String name, long[] dims, float[] values) {
        long n = 1;
        for (long d : dims) n *= d;
        if (n != values.length) throw new IllegalArgumentException(name + ": shape holds " + n + " values, not " + values.length);
        Message t = new Message();
        for (long d : dims) t.varint(1, d);
        return t.varint(2, FLOAT).string(8, name).floats(9, values);
    }

    /** {@code NodeProto} of the default domain. */
    public static Message node(String opType, String name, List<String> inputs, List<String> outputs,
                               Message... attributes) {
        Message m = new Message();
        for (String i : inputs) m.string(1, i);
        for (String o : outputs) m.string(2, o);
        m.string(3, name).string(4, opType);
        for (Message a : attributes) m.message(5, a);
        return m;
    }

    /** {@code AttributeProto} of type INTS. */
    public static Message ints(String name, long... values) {
        Message a = new Message().string(1, name);
        for (long v : values) a.varint(8, v);
        return a.varint(20, ATTR_INTS);
    }

    /** {@code AttributeProto} of type INT. */
    public static Message integer(String name, long value) {
        return new Message().string(1, name).varint(3, value).varint(20, ATTR_INT);
    }

    /** {@code AttributeProto} of type FLOAT. */
    public static Message real(String name, float value) {
        return new Message().string(1, name).float32(2, value).varint(20, ATTR_FLOAT);
    }

    /** {@code AttributeProto} of type STRING. */
    public static Message text(String name, String value) {
        return new Message().string(1, name).string(4, value).varint(20, ATTR_STRING);
    }

    /**
     * {@code ValueInfoProto} of a float32 tensor; each dimension is a {@link Number} (fixed) or a
     * {@link String} (a named, dynamic dimension).
     */
    public static Message floatValue(String name, Object... dims) {
        Message shape = new Message();
        for (Object d : dims) {
            Message dim = new Message();
            if (d instanceof Number n) dim.varint(1, n.longValue());
            else dim.string(2, (String) d);
            shape.message(1, dim);
        }
        Message tensorType = new Message().varint(1, FLOAT).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    /** {@code GraphProto}. */
    public static Message graph(String name, List<Message> nodes, List<Message> initializers, List<Message> inputs,
                                List<Message> outputs, String doc) {
        Message g = new Message();
        for (Message n : nodes) g.message(1, n);
        g.string(2, name);
        for (Message t : initializers) g.message(5, t);
        g.string(10, doc);
        for (Message i : inputs) g.message(11, i);
        for (Message o : outputs) g.message(12, o);
        return g;
    }

    /**
     * {@code ModelProto} of {@code graph} for the default ONNX domain at {@code opset}, with the
     * IR version that opset came with and {@code metadata} as {@code metadata_props}.
     */
    public static Message model(Message graph, int opset, String producer, String producerVersion,
                                Map<String, String> metadata) {
        Message m = new Message().varint(1, irVersion(opset)).string(2, producer).string(3, producerVersion);
        m.message(7, graph);
        m.message(8, new Message().string(1, "").varint(2, opset));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            m.message(14, new Message().string(1, e.getKey()).string(2, e.getValue()));
        }
        return m;
    }

    /** The IR version released with {@code opset} (ONNX 1.8–1.12: opsets 13–14 → IR 7, 15–17 → IR 8). */
    static int irVersion(int opset) {
        if (opset < 13 || opset > 17) throw new IllegalArgumentException("opset " + opset + " is not written (13-17)");
        return opset <= 14 ? 7 : 8;
    }

    /** Writes {@code model} to {@code file} (the caller makes it atomic). */
    public static void write(Message model, Path file) throws IOException {
        if (model.size() > MAX_MESSAGE) {
            throw new IOException("ONNX model of " + model.size() + " bytes exceeds the 2 GiB protocol-buffer limit");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            model.writeTo(out);
        }
    }
}
