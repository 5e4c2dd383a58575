package eu.ai4c.agri.unet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.Ai4cException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header
 * ({@code {"__metadata__": {text: text}, "<name>": {"dtype": "F32", "shape": [...],
 * "data_offsets": [begin, end]}}}, offsets relative to the data section, padded with spaces to a
 * multiple of 8 bytes), then the little-endian tensor data. Only float32 tensors are written and
 * read. Stateless.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A header larger than this is not a model file of ours (and would not fit in memory sensibly). */
    private static final long MAX_HEADER = 100L << 20;

    /** A float32 tensor: shape and row-major values. */
    public record Tensor(long[] shape, float[] values) {
        public Tensor {
            long n = 1;
            for (long d : shape) n *= d;
            if (n != values.length) throw new IllegalArgumentException("shape holds " + n + " values, not " + values.length);
        }
    }

    /** Tensors in file order and the header's metadata. */
    public record Contents(Map<String, String> metadata, Map<String, Tensor> tensors) {
    }

    private Safetensors() {
    }

    /** Writes {@code tensors} (in map order) with {@code metadata} to {@code file}. */
    public static void write(Path file, Map<String, String> metadata, Map<String, Tensor> tensors) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode md = header.putObject("__metadata__");
        metadata.forEach(md::put);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) shape.add(d);
            long bytes = 4L * e.getValue().values().length;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        StringBuilder text = new StringBuilder(JSON.writeValueAsString(header));
        while (text.toString().getBytes(StandardCharsets.UTF_8).length % 8 != 0) text.append(' ');
        byte[] h = text.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length);
            out.write(len.array());
            out.write(h);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                for (float v : t.values()) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(v);
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    /** Reads all tensors of {@code file}; damaged or foreign files are refused naming the file. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (size < 8 || ch.read(len, 0) != 8) throw damaged(file, "shorter than the 8-byte header length");
            long n = len.getLong(0);
            if (n <= 1 || n > MAX_HEADER || 8 + n > size) throw damaged(file, "header length " + n + " does not fit the "
                    + size + "-byte file");
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            ch.read(hb, 8);
            JsonNode header;
            try {
                header = JSON.readTree(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw damaged(file, "header is not JSON (" + e.getMessage() + ")");
            }
            if (header == null || !header.isObject()) throw damaged(file, "header is not a JSON object");
            Map<String, String> md = new LinkedHashMap<>();
            JsonNode mdNode = header.get("__metadata__");
            if (mdNode != null) mdNode.fields().forEachRemaining(e -> md.put(e.getKey(), e.getValue().asText()));
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            long data = 8 + n;
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) continue;
                JsonNode t = e.getValue();
                if (!"F32".equals(t.path("dtype").asText())) {
                    throw damaged(file, "tensor " + e.getKey() + " is " + t.path("dtype").asText() + "; only F32 is read");
                }
                JsonNode shapeNode = t.path("shape");
                if (!shapeNode.isArray() || shapeNode.size() > 64) {
                    throw damaged(file, "tensor " + e.getKey() + " has no shape (a list of dimensions)");
                }
                long[] shape = new long[shapeNode.size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    JsonNode d = shapeNode.get(i);
                    shape[i] = d.asLong(-1);
                    if (!d.isIntegralNumber() || shape[i] < 0 || shape[i] > size) {
                        throw damaged(file, "tensor " + e.getKey() + " has the dimension " + d + ", not a whole number"
                                + " the file can hold");
                    }
                    // each factor ≤ the file length, the product capped below: no overflow
                    count = Math.min(count * shape[i], Long.MAX_VALUE / (size + 1));
                }
                long begin = t.path("data_offsets").path(0).asLong(-1);
                long end = t.path("data_offsets").path(1).asLong(-1);
                if (begin < 0 || end - begin != 4 * count || data + end > size || count > Integer.MAX_VALUE) {
                    throw damaged(file, "tensor " + e.getKey() + " has offsets [" + begin + ", " + end + "] that do not"
                            + " fit its shape or the file");
                }
                ByteBuffer b = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(b, data + begin);
                b.flip();
                float[] v = new float[(int) count];
                b.asFloatBuffer().get(v);
                tensors.put(e.getKey(), new Tensor(shape, v));
            }
            return new Contents(md, tensors);
        }
    }

    private static Ai4cException damaged(Path file, String what) {
        return Ai4cException.usage(file + " is not a readable safetensors model file: " + what
                + ". Give the model file written by unet -action train, or write it again.");
    }
}
