package eu.ai4c.kit.io.netcdf;

import eu.ai4c.kit.io.AtomicOutput;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes netCDF-3 files in the 64-bit offset format (CDF-2: readable by every netCDF library,
 * GDAL and xarray, and without the 2 GB limit of classic offsets). All dimensions are fixed (no
 * record dimension), variables are written one after the other, streamed one index of their first
 * dimension at a time, so memory holds one slab. Values are given unpacked as doubles: integer
 * variables are packed with their {@code scale_factor}/{@code add_offset} attributes (rounded to
 * nearest, clamped to the type) and NaN becomes {@code _FillValue} (CF).
 *
 * <p>Output is atomic (temporary file beside the target, then a move). Not thread-safe; one
 * writer describes one file.</p>
 */
public final class Netcdf3Writer {
    private final Map<String, Integer> dims = new LinkedHashMap<>();
    private final Map<String, Object> globals = new LinkedHashMap<>();
    private final List<NcVariable> vars = new ArrayList<>();

    /** Supplies a variable's values: one index of its first dimension at a time, or all of a rank-0/1 variable. */
    @FunctionalInterface
    public interface Values {
        /**
         * Fills {@code out} with unpacked values in row-major order.
         *
         * @param variable the variable name
         * @param index    the index of the first dimension, or -1 for a variable of rank 0 or 1 (whole)
         * @param out      the slab to fill (values of one index, or all)
         */
        void fill(String variable, int index, double[] out) throws IOException;
    }

    public Netcdf3Writer dimension(String name, int length) {
        if (length <= 0) throw new IllegalArgumentException("dimension " + name + " must have a positive length");
        dims.put(name, length);
        return this;
    }

    /** A global attribute: {@code String}, a boxed number or a primitive array. */
    public Netcdf3Writer attribute(String name, Object value) {
        globals.put(name, value);
        return this;
    }

    /** Declares a variable over declared dimensions; attributes as for {@link #attribute}. */
    public Netcdf3Writer variable(String name, NcType type, List<String> dimensions, Map<String, Object> attributes) {
        long[] shape = new long[dimensions.size()];
        for (int i = 0; i < shape.length; i++) {
            Integer len = dims.get(dimensions.get(i));
            if (len == null) throw new IllegalArgumentException("undeclared dimension " + dimensions.get(i) + " of " + name);
            shape[i] = len;
        }
        if (type.code() > 6) throw new IllegalArgumentException(type + " is not a netCDF-3 type");
        vars.add(new NcVariable(name, dimensions, shape, type, new LinkedHashMap<>(attributes)));
        return this;
    }

    /** Writes the file atomically and returns {@code target}. */
    public Path write(Path target, Values values) throws IOException {
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(target);
            writeTo(tmp, values);
            out.commit();
        }
        return target;
    }

    private void writeTo(Path file, Values values) throws IOException {
        byte[] header = header(new long[vars.size()]);
        long[] begins = new long[vars.size()];
        long at = header.length;
        for (int i = 0; i < vars.size(); i++) {
            begins[i] = at;
            at += padded(vars.get(i).size() * vars.get(i).type().size());
        }
        header = header(begins);
        try (OutputStream os = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 20))) {
            out.write(header);
            for (NcVariable v : vars) writeData(out, v, values);
        }
    }

    private static void writeData(DataOutputStream out, NcVariable v, Values values) throws IOException {
        boolean whole = v.rank() <= 1;
        int slab = (int) (whole ? v.size() : v.slabSize());
        int count = whole ? 1 : (int) v.shape()[0];
        double[] buf = new double[slab];
        NcType t = v.type();
        double scale = v.number("scale_factor", 1);
        double offset = v.number("add_offset", 0);
        double fill = v.number("_FillValue", defaultFill(t));
        double lo = switch (t) {
            case BYTE -> Byte.MIN_VALUE;
            case SHORT -> Short.MIN_VALUE;
            case INT -> Integer.MIN_VALUE;
            default -> Double.NEGATIVE_INFINITY;
        };
        double hi = switch (t) {
            case BYTE -> Byte.MAX_VALUE;
            case SHORT -> Short.MAX_VALUE;
            case INT -> Integer.MAX_VALUE;
            default -> Double.POSITIVE_INFINITY;
        };
        for (int i = 0; i < count; i++) {
            values.fill(v.name(), whole ? -1 : i, buf);
            for (double x : buf) {
                switch (t) {
                    case FLOAT -> out.writeFloat(Double.isNaN(x) ? (float) fill : (float) x);
                    case DOUBLE -> out.writeDouble(Double.isNaN(x) ? fill : x);
                    default -> {
                        double p = Double.isNaN(x) ? fill : Math.max(lo, Math.min(hi, Math.rint((x - offset) / scale)));
                        switch (t) {
                            case BYTE, CHAR -> out.writeByte((int) p);
                            case SHORT -> out.writeShort((int) p);
                            default -> out.writeInt((int) p);
                        }
                    }
                }
            }
        }
        long bytes = v.size() * t.size();
        for (long p = bytes; p < padded(bytes); p++) out.writeByte(0);
    }

    /** The default fill values of the netCDF library (NaN for floating point, as CF allows). */
    private static double defaultFill(NcType t) {
        return switch (t) {
            case BYTE -> -127;
            case SHORT -> -32767;
            case INT -> -2147483647;
            default -> Double.NaN;
        };
    }

    private static long padded(long n) {
        return (n + 3) & ~3L;
    }

    private byte[] header(long[] begins) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(bytes);
        h.write(new byte[] {'C', 'D', 'F', 2});
        h.writeInt(0); // numrecs: no record dimension
        List<String> dimNames = new ArrayList<>(dims.keySet());
        if (dims.isEmpty()) {
            h.writeInt(0);
            h.writeInt(0);
        } else {
            h.writeInt(0x0A);
            h.writeInt(dims.size());
            for (Map.Entry<String, Integer> d : dims.entrySet()) {
                name(h, d.getKey());
                h.writeInt(d.getValue());
            }
        }
        attributes(h, globals);
        if (vars.isEmpty()) {
            h.writeInt(0);
            h.writeInt(0);
        } else {
            h.writeInt(0x0B);
            h.writeInt(vars.size());
            for (int i = 0; i < vars.size(); i++) {
                NcVariable v = vars.get(i);
                name(h, v.name());
                h.writeInt(v.rank());
                for (String d : v.dimensions()) h.writeInt(dimNames.indexOf(d));
                attributes(h, v.attributes());
                h.writeInt(v.type().code());
                long vsize = padded(v.size() * v.type().size());
                h.writeInt((int) Math.min(vsize, 0xFFFFFFFFL)); // the specification's rule for large variables
                h.writeLong(begins[i]);
            }
        }
        h.flush();
        return bytes.toByteArray();
    }

    private static void name(DataOutputStream h, String name) throws IOException {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        h.writeInt(b.length);
        h.write(b);
        for (long p = b.length; p < padded(b.length); p++) h.writeByte(0);
    }

    private static void attributes(DataOutputStream h, Map<String, Object> atts) throws IOException {
        if (atts.isEmpty()) {
            h.writeInt(0);
            h.writeInt(0);
            return;
        }
        h.writeInt(0x0C);
        h.writeInt(atts.size());
        for (Map.Entry<String, Object> a : atts.entrySet()) {
            name(h, a.getKey());
            Object v = a.getValue();
            int bytes;
            if (v instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                h.writeInt(NcType.CHAR.code());
                h.writeInt(b.length);
                h.write(b);
                bytes = b.length;
            } else if (v instanceof Double || v instanceof double[]) {
                double[] d = v instanceof Double x ? new double[] {x} : (double[]) v;
                h.writeInt(NcType.DOUBLE.code());
                h.writeInt(d.length);
                for (double x : d) h.writeDouble(x);
                bytes = d.length * 8;
            } else if (v instanceof Float || v instanceof float[]) {
                float[] d = v instanceof Float x ? new float[] {x} : (float[]) v;
                h.writeInt(NcType.FLOAT.code());
                h.writeInt(d.length);
                for (float x : d) h.writeFloat(x);
                bytes = d.length * 4;
            } else if (v instanceof Integer || v instanceof int[]) {
                int[] d = v instanceof Integer x ? new int[] {x} : (int[]) v;
                h.writeInt(NcType.INT.code());
                h.writeInt(d.length);
                for (int x : d) h.writeInt(x);
                bytes = d.length * 4;
            } else if (v instanceof Short || v instanceof short[]) {
                short[] d = v instanceof Short x ? new short[] {x} : (short[]) v;
                h.writeInt(NcType.SHORT.code());
                h.writeInt(d.length);
                for (short x : d) h.writeShort(x);
                bytes = d.length * 2;
            } else if (v instanceof Byte || v instanceof byte[]) {
                byte[] d = v instanceof Byte x ? new byte[] {x} : (byte[]) v;
                h.writeInt(NcType.BYTE.code());
                h.writeInt(d.length);
                h.write(d);
                bytes = d.length;
            } else {
                throw new IllegalArgumentException("attribute " + a.getKey() + " has unsupported value " + v);
            }
            for (long p = bytes; p < padded(bytes); p++) h.writeByte(0);
        }
    }
}
