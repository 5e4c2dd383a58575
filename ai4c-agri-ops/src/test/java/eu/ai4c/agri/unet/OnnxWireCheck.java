package eu.ai4c.agri.unet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an ONNX file back with a protocol-buffer wire-format parser of its own (not the writer's
 * code, not onnxruntime) and checks it against {@code onnx.proto}: every byte belongs to a field
 * of a known number and wire type, initializers hold as many bytes as their shape says, and the
 * nodes are in topological order (each input defined before use, each output defined once).
 */
final class OnnxWireCheck {
    /** What the check found. */
    record Summary(long irVersion, long opset, Map<String, Integer> opCounts, Map<String, long[]> initializerDims,
                   List<String> inputs, List<String> outputs, Map<String, String> metadata) {
        long elements(java.util.function.Predicate<String> names) {
            long n = 0;
            for (Map.Entry<String, long[]> e : initializerDims.entrySet()) {
                if (!names.test(e.getKey())) continue;
                long c = 1;
                for (long d : e.getValue()) c *= d;
                n += c;
            }
            return n;
        }
    }

    private record Field(int number, int wire, long value, int offset, int length) {
        String text(ByteBuffer b) {
            byte[] a = new byte[length];
            b.get(offset, a);
            return new String(a, StandardCharsets.UTF_8);
        }
    }

    private OnnxWireCheck() {
    }

    static Summary check(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            b.order(ByteOrder.LITTLE_ENDIAN);
            return model(b);
        }
    }

    /** The fields of the message in {@code [from, to)}; malformed wire data fails. */
    private static List<Field> fields(ByteBuffer b, int from, int to, Set<Integer> allowed, String message) {
        List<Field> out = new ArrayList<>();
        int[] at = {from};
        while (at[0] < to) {
            long tag = varint(b, at, to);
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (!allowed.contains(number)) throw new AssertionError(message + ": unexpected field " + number);
            switch (wire) {
                case 0 -> out.add(new Field(number, wire, varint(b, at, to), 0, 0));
                case 5 -> {
                    if (at[0] + 4 > to) throw new AssertionError(message + ": fixed32 past the end");
                    out.add(new Field(number, wire, b.getInt(at[0]), at[0], 4));
                    at[0] += 4;
                }
                case 2 -> {
                    long len = varint(b, at, to);
                    if (len < 0 || at[0] + len > to) throw new AssertionError(message + ": field " + number
                            + " of " + len + " bytes runs past its message");
                    out.add(new Field(number, wire, len, at[0], (int) len));
                    at[0] += (int) len;
                }
                default -> throw new AssertionError(message + ": field " + number + " has wire type " + wire);
            }
        }
        if (at[0] != to) throw new AssertionError(message + ": ends inside a field");
        return out;
    }

    private static long varint(ByteBuffer b, int[] at, int to) {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (at[0] >= to) throw new AssertionError("varint past the end of its message");
            int x = b.get(at[0]++) & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
        }
        throw new AssertionError("varint longer than 10 bytes");
    }

    private static void wire(Field f, int expected, String what) {
        if (f.wire != expected) throw new AssertionError(what + " field " + f.number + " has wire type " + f.wire);
    }

    private static Summary model(ByteBuffer b) {
        long ir = -1, opset = -1;
        Field graph = null;
        Map<String, String> md = new LinkedHashMap<>();
        for (Field f : fields(b, 0, b.limit(), Set.of(1, 2, 3, 4, 5, 6, 7, 8, 14), "ModelProto")) {
            switch (f.number) {
                case 1 -> {
                    wire(f, 0, "ModelProto");
                    ir = f.value;
                }
                case 7 -> {
                    wire(f, 2, "ModelProto");
                    if (graph != null) throw new AssertionError("two graphs");
                    graph = f;
                }
                case 8 -> {
                    String domain = null;
                    for (Field o : fields(b, f.offset, f.offset + f.length, Set.of(1, 2), "OperatorSetIdProto")) {
                        if (o.number == 1) domain = o.text(b);
                        else opset = o.value;
                    }
                    if (domain != null && !domain.isEmpty()) throw new AssertionError("opset of domain " + domain);
                }
                case 14 -> {
                    List<Field> kv = fields(b, f.offset, f.offset + f.length, Set.of(1, 2), "StringStringEntryProto");
                    md.put(kv.get(0).text(b), kv.get(1).text(b));
                }
                default -> wire(f, 2, "ModelProto");
            }
        }
        if (graph == null) throw new AssertionError("no graph");
        Map<String, Integer> ops = new TreeMap<>();
        Map<String, long[]> inits = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<Field> nodes = new ArrayList<>();
        for (Field f : fields(b, graph.offset, graph.offset + graph.length, Set.of(1, 2, 5, 10, 11, 12, 13),
                "GraphProto")) {
            wire(f, 2, "GraphProto");
            switch (f.number) {
                case 1 -> nodes.add(f);
                case 5 -> tensor(b, f, inits);
                case 11 -> inputs.add(valueName(b, f));
                case 12 -> outputs.add(valueName(b, f));
                default -> {
                }
            }
        }
        Set<String> defined = new HashSet<>(inputs);
        defined.addAll(inits.keySet());
        if (defined.size() != inputs.size() + inits.size()) throw new AssertionError("a name defined twice");
        for (Field n : nodes) {
            String op = null;
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (Field f : fields(b, n.offset, n.offset + n.length, Set.of(1, 2, 3, 4, 5, 6, 7), "NodeProto")) {
                wire(f, 2, "NodeProto");
                switch (f.number) {
                    case 1 -> in.add(f.text(b));
                    case 2 -> out.add(f.text(b));
                    case 4 -> op = f.text(b);
                    case 5 -> fields(b, f.offset, f.offset + f.length, Set.of(1, 2, 3, 4, 7, 8, 20), "AttributeProto");
                    default -> {
                    }
                }
            }
            for (String i : in) {
                if (!i.isEmpty() && !defined.contains(i)) throw new AssertionError(op + " uses " + i + " before it is defined");
            }
            for (String o : out) if (!defined.add(o)) throw new AssertionError(o + " defined twice");
            ops.merge(op, 1, Integer::sum);
        }
        for (String o : outputs) if (!defined.contains(o)) throw new AssertionError("output " + o + " is not computed");
        return new Summary(ir, opset, ops, inits, inputs, outputs, md);
    }

    private static void tensor(ByteBuffer b, Field t, Map<String, long[]> inits) {
        List<Long> dims = new ArrayList<>();
        String name = null;
        long type = -1;
        long bytes = -1;
        for (Field f : fields(b, t.offset, t.offset + t.length, Set.of(1, 2, 8, 9), "TensorProto")) {
            switch (f.number) {
                case 1 -> dims.add(f.value);
                case 2 -> type = f.value;
                case 8 -> name = f.text(b);
                default -> bytes = f.length;
            }
        }
        long count = 1;
        long[] d = new long[dims.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims.get(i);
            count *= d[i];
        }
        if (type != 1) throw new AssertionError(name + ": data type " + type + ", not FLOAT");
        if (bytes != 4 * count) throw new AssertionError(name + ": " + bytes + " bytes for " + count + " floats");
        if (inits.put(name, d) != null) throw new AssertionError("initializer " + name + " twice");
    }

    private static String valueName(ByteBuffer b, Field v) {
        for (Field f : fields(b, v.offset, v.offset + v.length, Set.of(1, 2, 3), "ValueInfoProto")) {
            if (f.number == 1) return f.text(b);
        }
        throw new AssertionError("value without a name");
    }
}
