package eu.ai4c.kit.io.netcdf;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of the netCDF classic formats: CDF-1 (classic), CDF-2 (64-bit offset) and CDF-5
 * (64-bit data), big-endian, as specified in the netCDF "classic format specification". The
 * header is parsed once; data are read on demand with positional reads (thread-safe). A header
 * that promises data beyond the end of the file is reported as truncated when opened.
 */
final class Netcdf3File implements NetcdfFile {
    private static final int NC_DIMENSION = 0x0A;
    private static final int NC_VARIABLE = 0x0B;
    private static final int NC_ATTRIBUTE = 0x0C;

    private final Path path;
    private final FileChannel channel;
    private final int version;
    private final List<NcDimension> dims = new ArrayList<>();
    private final List<NcVariable> vars = new ArrayList<>();
    private final Map<String, Object> globals;
    private final Map<String, long[]> layout = new LinkedHashMap<>(); // name → {begin, isRecord}
    private final long numRecs;
    private long recSize;

    Netcdf3File(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            Header h = new Header(channel, path);
            byte[] magic = h.bytes(4);
            version = magic[3];
            numRecs = version == 5 ? h.int64() : h.uint32();
            // STREAMING (all bits set, classic format specification): the writer never recorded the count
            if (numRecs == (version == 5 ? -1L : 0xFFFFFFFFL)) {
                throw new Ai4cException(path + " does not say how many records it holds (its netCDF record count is"
                        + " \"streaming\"): it was not closed by the program that wrote it. Write or copy it again.");
            }
            if (numRecs < 0) throw h.bad("number of records (" + numRecs + ")");
            readDimensions(h);
            globals = readAttributes(h);
            readVariables(h);
            checkExtent();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private long count(Header h) throws IOException {
        return version == 5 ? h.int64() : h.uint32();
    }

    private void readDimensions(Header h) throws IOException {
        int tag = h.int32();
        long n = count(h);
        if (tag == 0 && n == 0) return;
        if (tag != NC_DIMENSION) throw h.bad("dimension list");
        for (long i = 0; i < n; i++) {
            String name = h.name(version);
            long len = count(h);
            // CDF-5 lengths are signed 64-bit: a negative one would pass every size check below
            if (len < 0) throw h.bad("length of dimension " + name + " (" + len + ")");
            dims.add(new NcDimension(name, len == 0 ? numRecs : len, len == 0));
        }
    }

    private Map<String, Object> readAttributes(Header h) throws IOException {
        int tag = h.int32();
        long n = count(h);
        Map<String, Object> atts = new LinkedHashMap<>();
        if (tag == 0 && n == 0) return Collections.unmodifiableMap(atts);
        if (tag != NC_ATTRIBUTE) throw h.bad("attribute list");
        for (long i = 0; i < n; i++) {
            String name = h.name(version);
            NcType type = NcType.ofCode(h.int32());
            if (type == null) throw h.bad("attribute type of " + name);
            long nelems = count(h);
            // checked before multiplying: a damaged count must neither wrap round nor allocate beyond the file
            if (nelems < 0 || nelems > (Integer.MAX_VALUE - 8) / type.size()) throw h.bad("attribute " + name);
            long bytes = nelems * type.size();
            byte[] raw = h.bytes((int) bytes);
            h.skip(pad4(bytes));
            atts.put(name, decodeAttribute(type, raw, (int) nelems));
        }
        return Collections.unmodifiableMap(atts);
    }

    private void readVariables(Header h) throws IOException {
        int tag = h.int32();
        long n = count(h);
        if (tag == 0 && n == 0) return;
        if (tag != NC_VARIABLE) throw h.bad("variable list");
        long records = 0;
        int recordVars = 0;
        long lastRecordVsize = 0;
        for (long i = 0; i < n; i++) {
            String name = h.name(version);
            long rankCount = count(h);
            if (rankCount < 0 || rankCount > 1024) throw h.bad("rank of " + name);
            int rank = (int) rankCount;
            List<String> dn = new ArrayList<>(rank);
            long[] shape = new long[rank];
            boolean record = false;
            for (int d = 0; d < rank; d++) {
                long id = count(h);
                if (id < 0 || id >= dims.size()) throw h.bad("dimension id of " + name);
                NcDimension dim = dims.get((int) id);
                dn.add(dim.name());
                shape[d] = dim.length();
                if (dim.unlimited()) {
                    if (d != 0) throw h.bad("unlimited dimension of " + name + " (not first)");
                    record = true;
                }
            }
            Map<String, Object> atts = readAttributes(h);
            NcType type = NcType.ofCode(h.int32());
            if (type == null) throw h.bad("type of " + name);
            long vsize = version == 5 ? h.int64() : h.uint32();
            long begin = version == 1 ? h.uint32() : h.int64();
            vars.add(new NcVariable(name, dn, shape, type, atts));
            layout.put(name, new long[] {begin, record ? 1 : 0});
            if (record) {
                recordVars++;
                // vsize of a record variable is the padded size of one record's slab
                long slab = type.size();
                for (int d = 1; d < rank; d++) slab = saturatedProduct(slab, shape[d]);
                lastRecordVsize = slab;
                records = saturatedProduct(1, records + slab + pad4(slab));
            }
        }
        // a single record variable is not padded (classic format specification, "recsize")
        recSize = recordVars == 1 ? lastRecordVsize : records;
    }

    private void checkExtent() throws IOException {
        long fileSize = channel.size();
        for (NcVariable v : vars) {
            long[] l = layout.get(v.name());
            long end;
            try {
                // exact arithmetic: a damaged header's sizes must not wrap round to a small extent
                long values = 1;
                for (long d : v.shape()) values = Math.multiplyExact(values, d);
                long slab = Math.multiplyExact(v.rank() == 0 ? 1 : v.slabSize(), v.type().size());
                if (l[1] == 1) {
                    // no records: nothing of the variable is stored, and its offset may lie at or past the end
                    end = numRecs == 0 ? 0 : Math.addExact(l[0], Math.addExact(Math.multiplyExact(numRecs - 1,
                            recSize), slab));
                } else {
                    end = Math.addExact(l[0], Math.multiplyExact(values, v.type().size()));
                }
            } catch (ArithmeticException e) {
                end = Long.MAX_VALUE;
            }
            if (l[0] < 0 || recSize < 0 || end > fileSize) {
                throw new Ai4cException(path + " is truncated: variable \"" + v.name() + "\" ends at byte " + end
                        + " but the file has " + fileSize + " bytes. Download or copy the file again.");
            }
        }
    }

    /** {@code a · b}, or {@code Long.MAX_VALUE} when it overflows (refused later as beyond the file). */
    private static long saturatedProduct(long a, long b) {
        try {
            long r = Math.multiplyExact(a, b);
            return r < 0 ? Long.MAX_VALUE : r;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int pad4(long n) {
        return (int) ((4 - (n & 3)) & 3);
    }

    private static Object decodeAttribute(NcType type, byte[] raw, int n) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
        switch (type) {
            case CHAR: {
                int end = n;
                while (end > 0 && raw[end - 1] == 0) end--;
                return new String(raw, 0, end, StandardCharsets.UTF_8);
            }
            case BYTE, UBYTE:
                return raw.clone();
            case SHORT, USHORT: {
                short[] a = new short[n];
                b.asShortBuffer().get(a);
                return a;
            }
            case INT, UINT: {
                int[] a = new int[n];
                b.asIntBuffer().get(a);
                return a;
            }
            case FLOAT: {
                float[] a = new float[n];
                b.asFloatBuffer().get(a);
                return a;
            }
            case DOUBLE: {
                double[] a = new double[n];
                b.asDoubleBuffer().get(a);
                return a;
            }
            default: {
                long[] a = new long[n];
                b.asLongBuffer().get(a);
                return a;
            }
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return switch (version) {
            case 1 -> "classic";
            case 2 -> "64-bit offset";
            default -> "cdf5";
        };
    }

    @Override
    public List<NcDimension> dimensions() {
        return Collections.unmodifiableList(dims);
    }

    @Override
    public List<NcVariable> variables() {
        return Collections.unmodifiableList(vars);
    }

    @Override
    public Map<String, Object> globalAttributes() {
        return globals;
    }

    @Override
    public double[] readRaw(NcVariable v, int index) throws IOException {
        long[] l = layout.get(v.name());
        if (l == null) throw new IllegalArgumentException(v.name() + " is not a variable of " + path);
        int typeSize = v.type().size();
        long slab = v.rank() == 0 ? 1 : v.slabSize();
        long first = v.rank() == 0 ? 1 : v.shape()[0];
        if (index >= first) {
            throw new IndexOutOfBoundsException(v.name() + " index " + index + " ≥ " + first);
        }
        long count = index < 0 ? v.size() : slab;
        if (count > Integer.MAX_VALUE) throw new Ai4cException(v.name() + " in " + path + " is too large to read at once");
        double[] out = new double[(int) count];
        if (l[1] == 1) {
            int from = index < 0 ? 0 : index;
            int to = index < 0 ? (int) first : index + 1;
            for (int r = from; r < to; r++) {
                read(l[0] + r * recSize, v.type(), out, (int) ((r - from) * slab), (int) slab);
            }
        } else {
            long offset = l[0] + (index < 0 ? 0 : index * slab * typeSize);
            read(offset, v.type(), out, 0, (int) count);
        }
        return out;
    }

    private void read(long position, NcType type, double[] out, int at, int n) throws IOException {
        int chunk = Math.max(1, (1 << 20) / type.size());
        ByteBuffer buf = ByteBuffer.allocate(Math.min(n, chunk) * type.size()).order(ByteOrder.BIG_ENDIAN);
        for (int done = 0; done < n; ) {
            int m = Math.min(chunk, n - done);
            buf.clear().limit(m * type.size());
            long pos = position + (long) done * type.size();
            while (buf.hasRemaining()) {
                int r = channel.read(buf, pos + buf.position());
                if (r < 0) {
                    throw new Ai4cException(path + " is truncated at byte " + (pos + buf.position())
                            + ". Download or copy the file again.");
                }
            }
            buf.flip();
            decode(buf, type, out, at + done, m);
            done += m;
        }
    }

    private static void decode(ByteBuffer b, NcType type, double[] out, int at, int m) {
        switch (type) {
            case BYTE, CHAR -> { for (int i = 0; i < m; i++) out[at + i] = b.get(); }
            case UBYTE -> { for (int i = 0; i < m; i++) out[at + i] = b.get() & 0xFF; }
            case SHORT -> { for (int i = 0; i < m; i++) out[at + i] = b.getShort(); }
            case USHORT -> { for (int i = 0; i < m; i++) out[at + i] = b.getShort() & 0xFFFF; }
            case INT -> { for (int i = 0; i < m; i++) out[at + i] = b.getInt(); }
            case UINT -> { for (int i = 0; i < m; i++) out[at + i] = b.getInt() & 0xFFFFFFFFL; }
            case FLOAT -> { for (int i = 0; i < m; i++) out[at + i] = b.getFloat(); }
            case DOUBLE -> { for (int i = 0; i < m; i++) out[at + i] = b.getDouble(); }
            case INT64, UINT64 -> { for (int i = 0; i < m; i++) out[at + i] = b.getLong(); }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Sequential reading of the header with clear errors on a short or malformed header. */
    private static final class Header {
        private final FileChannel ch;
        private final Path path;
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
        private long pos;
        private long readPos;

        Header(FileChannel ch, Path path) throws IOException {
            this.ch = ch;
            this.path = path;
            buf.limit(0);
        }

        private void need(int n) throws IOException {
            if (buf.remaining() >= n) return;
            if (buf.capacity() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(n).order(ByteOrder.BIG_ENDIAN);
                bigger.put(buf);
                buf = bigger;
            } else {
                buf.compact();
            }
            while (buf.position() < n) {
                int r = ch.read(buf, readPos);
                if (r < 0) {
                    throw new Ai4cException(path + " is truncated: its netCDF header ends early (at byte "
                            + readPos + "). Download or copy the file again.");
                }
                readPos += r;
            }
            buf.flip();
        }

        int int32() throws IOException {
            need(4);
            pos += 4;
            return buf.getInt();
        }

        long uint32() throws IOException {
            return int32() & 0xFFFFFFFFL;
        }

        long int64() throws IOException {
            need(8);
            pos += 8;
            return buf.getLong();
        }

        byte[] bytes(int n) throws IOException {
            if (n < 0 || pos + n > ch.size()) {
                throw new Ai4cException(path + " is truncated: its netCDF header needs byte " + (pos + n)
                        + " but the file has " + ch.size() + " bytes. Download or copy the file again.");
            }
            byte[] b = new byte[n];
            int done = 0;
            while (done < n) {
                int m = Math.min(n - done, 1 << 15);
                need(m);
                buf.get(b, done, m);
                pos += m;
                done += m;
            }
            return b;
        }

        void skip(int n) throws IOException {
            bytes(n);
        }

        String name(int version) throws IOException {
            long n = version == 5 ? int64() : uint32();
            if (n < 0 || n > 1 << 16) throw bad("name length");
            byte[] b = bytes((int) n);
            skip(pad4(n));
            return new String(b, StandardCharsets.UTF_8);
        }

        Ai4cException bad(String what) {
            return new Ai4cException(path + " is not a valid netCDF classic file: bad " + what + " near byte " + pos
                    + ". The file may be damaged; download or copy it again.");
        }
    }
}
