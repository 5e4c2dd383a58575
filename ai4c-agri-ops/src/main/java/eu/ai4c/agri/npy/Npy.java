package eu.ai4c.agri.npy;

import eu.ai4c.kit.Ai4cException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0; C order; either
 * byte order on reading, little-endian on writing). Format facts from NumPy's
 * {@code numpy.lib.format}: magic {@code \x93NUMPY}, major/minor version bytes, a header length
 * (uint16 in 1.0, uint32 from 2.0), then an ASCII Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}, padded with spaces and a newline so that the data
 * starts at a multiple of 64 bytes. Stateless and thread-safe.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z]\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int CHUNK = 1 << 20;

    private Npy() {
    }

    /** Reads a whole array; errors name the file and what is wrong with it. */
    public static NpyArray read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            return read(in, file.toString(), Files.size(file));
        } catch (NoSuchFileException e) {
            throw new Ai4cException(file + ": no such file. Give the path of an existing .npy file.");
        } catch (EOFException e) {
            throw new Ai4cException(file + ": the file ends before all values of its header's shape were read"
                    + " (truncated download or copy?). Write the array again with numpy.save.");
        } catch (IOException e) {
            throw new Ai4cException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** As {@link #read(InputStream, String, long)} for a stream of unknown length. */
    static NpyArray read(InputStream in, String name) throws IOException {
        return read(in, name, Long.MAX_VALUE);
    }

    /**
     * @param length the number of bytes the stream holds (Long.MAX_VALUE if unknown): the shape of
     *               the header must fit in it before any array is allocated
     */
    static NpyArray read(InputStream in, String name, long length) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new Ai4cException(name + ": not a NumPy .npy file (no \\x93NUMPY signature)."
                    + " Save the array with numpy.save, not as text or pickle.");
        }
        int major = data.readUnsignedByte();
        data.readUnsignedByte();
        long headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
        } else {
            throw new Ai4cException(name + ": .npy format version " + major + " is not supported (1 to 3 are).");
        }
        if (headerLength > 1 << 20) {
            throw new Ai4cException(name + ": implausible .npy header length " + headerLength + "; the file is damaged.");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        data.readFully(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        Matcher d = DESCR.matcher(header);
        if (!d.find()) {
            throw new Ai4cException(name + ": the .npy header has no plain numeric 'descr' (" + header.trim()
                    + "). Only numeric arrays are read; structured or object arrays are not.");
        }
        NpyType type = NpyType.ofCode(d.group(2));
        if (type == null) {
            throw new Ai4cException(name + ": element type '" + d.group(2) + "' is not supported;"
                    + " use one of int8..int64, uint8..uint32, float32 or float64 (e.g. array.astype('float32')).");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Matcher f = FORTRAN.matcher(header);
        if (f.find() && f.group(1).equals("True")) {
            throw new Ai4cException(name + ": the array is stored in Fortran order; save it in C order"
                    + " (numpy.save(path, numpy.ascontiguousarray(a))).");
        }
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) {
            throw new Ai4cException(name + ": the .npy header has no 'shape'; the file is damaged.");
        }
        int[] shape = parseShape(s.group(1), name);
        long count = 1;
        for (int dim : shape) {
            if (dim < 0) throw new Ai4cException(name + ": the .npy header's shape has a negative size; the file is damaged.");
            // checked at each step, so that the product cannot overflow
            if (count > 0 && dim > (Integer.MAX_VALUE - 8) / count) {
                throw new Ai4cException(name + ": the shape " + s.group(1).trim() + " holds more values than one array"
                        + " can hold here (2^31); split the data into several files.");
            }
            count *= dim;
        }
        long dataBytes = count * type.bytes(), available = length - MAGIC.length - 2 - (major == 1 ? 2 : 4) - headerLength;
        if (dataBytes > available) {
            throw new Ai4cException(name + ": the header's shape " + s.group(1).trim() + " needs " + dataBytes
                    + " bytes of values, the file holds " + Math.max(0, available) + " (truncated download or copy?)."
                    + " Write the array again with numpy.save.");
        }
        return NpyArray.of(type, shape, readValues(data, type, order, (int) count));
    }

    private static int[] parseShape(String text, String name) {
        String t = text.trim();
        if (t.isEmpty()) return new int[0];
        String[] parts = t.split(",");
        if (parts.length == 0) throw new Ai4cException(name + ": cannot read the shape (" + text + ") of the .npy header.");
        int n = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].trim().replace("L", ""));
            } catch (NumberFormatException e) {
                throw new Ai4cException(name + ": cannot read the shape (" + text + ") of the .npy header.");
            }
        }
        return shape;
    }

    private static Object readValues(DataInputStream in, NpyType type, ByteOrder order, int count) throws IOException {
        Object out = switch (type) {
            case FLOAT32 -> new float[count];
            case FLOAT64 -> new double[count];
            case INT64, UINT32 -> new long[count];
            default -> new int[count];
        };
        int perChunk = Math.max(1, CHUNK / type.bytes());
        byte[] bytes = new byte[perChunk * type.bytes()];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        for (int start = 0; start < count; start += perChunk) {
            int n = Math.min(perChunk, count - start);
            in.readFully(bytes, 0, n * type.bytes());
            buf.clear();
            decode(buf, type, out, start, n);
        }
        return out;
    }

    private static void decode(ByteBuffer buf, NpyType type, Object out, int start, int n) {
        switch (type) {
            case FLOAT32 -> buf.asFloatBuffer().get((float[]) out, start, n);
            case FLOAT64 -> buf.asDoubleBuffer().get((double[]) out, start, n);
            case INT64 -> buf.asLongBuffer().get((long[]) out, start, n);
            case INT32 -> buf.asIntBuffer().get((int[]) out, start, n);
            case UINT32 -> {
                long[] a = (long[]) out;
                for (int i = 0; i < n; i++) a[start + i] = Integer.toUnsignedLong(buf.getInt());
            }
            case INT16 -> {
                int[] a = (int[]) out;
                for (int i = 0; i < n; i++) a[start + i] = buf.getShort();
            }
            case UINT16 -> {
                int[] a = (int[]) out;
                for (int i = 0; i < n; i++) a[start + i] = Short.toUnsignedInt(buf.getShort());
            }
            case INT8 -> {
                int[] a = (int[]) out;
                for (int i = 0; i < n; i++) a[start + i] = buf.get();
            }
            case UINT8 -> {
                int[] a = (int[]) out;
                for (int i = 0; i < n; i++) a[start + i] = Byte.toUnsignedInt(buf.get());
            }
        }
    }

    /**
     * Writes {@code array} to {@code file} (format 1.0, or 2.0 when the header needs it),
     * little-endian. The caller makes the write atomic (write to a temporary, then move).
     */
    public static void write(NpyArray array, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
            write(array, out);
        }
    }

    static void write(NpyArray array, OutputStream out) throws IOException {
        StringBuilder dict = new StringBuilder("{'descr': '").append(array.type().descriptor())
                .append("', 'fortran_order': False, 'shape': (");
        int[] shape = array.shape();
        for (int i = 0; i < shape.length; i++) {
            dict.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) dict.append(shape.length == 1 ? "," : ", ");
        }
        dict.append("), }");
        boolean v2 = dict.length() + 11 > 65535;
        int prefix = MAGIC.length + 2 + (v2 ? 4 : 2);
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        while (prefix + dict.length() + 1 < padded) dict.append(' ');
        dict.append('\n');
        byte[] header = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.write(MAGIC);
        out.write(v2 ? 2 : 1);
        out.write(0);
        ByteBuffer len = ByteBuffer.allocate(v2 ? 4 : 2).order(ByteOrder.LITTLE_ENDIAN);
        if (v2) len.putInt(header.length); else len.putShort((short) header.length);
        out.write(len.array());
        out.write(header);
        writeValues(array, out);
    }

    private static void writeValues(NpyArray array, OutputStream out) throws IOException {
        NpyType type = array.type();
        int count = array.size();
        int perChunk = Math.max(1, CHUNK / type.bytes());
        ByteBuffer buf = ByteBuffer.allocate(perChunk * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        Object values = array.values();
        for (int start = 0; start < count; start += perChunk) {
            int n = Math.min(perChunk, count - start);
            buf.clear();
            for (int i = start; i < start + n; i++) {
                switch (type) {
                    case FLOAT32 -> buf.putFloat(((float[]) values)[i]);
                    case FLOAT64 -> buf.putDouble(((double[]) values)[i]);
                    case INT64 -> buf.putLong(((long[]) values)[i]);
                    case UINT32 -> buf.putInt((int) ((long[]) values)[i]);
                    case INT32 -> buf.putInt(((int[]) values)[i]);
                    case INT16, UINT16 -> buf.putShort((short) ((int[]) values)[i]);
                    case INT8, UINT8 -> buf.put((byte) ((int[]) values)[i]);
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }
}
