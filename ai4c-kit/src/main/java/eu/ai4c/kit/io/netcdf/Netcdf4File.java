package eu.ai4c.kit.io.netcdf;

import eu.ai4c.kit.Ai4cException;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reader of netCDF-4 files (HDF5 underneath) through jHDF: the root group's datasets are the
 * variables; dimensions are the datasets marked as HDF5 dimension scales, ordered by the netCDF
 * library's {@code _Netcdf4Dimid}; a variable's dimensions come from {@code _Netcdf4Coordinates}
 * or else from its {@code DIMENSION_LIST} references. Groups other than the root are not read
 * (CAMS and ERA5 files have none). The HDF5 bookkeeping attributes are hidden.
 */
final class Netcdf4File implements NetcdfFile {
    private static final Set<String> HIDDEN = Set.of("_Netcdf4Coordinates", "_Netcdf4Dimid", "REFERENCE_LIST",
            "DIMENSION_LIST", "CLASS", "NAME", "_NCProperties", "_nc3_strict");

    private final Path path;
    private final HdfFile hdf;
    private final List<NcDimension> dims = new ArrayList<>();
    private final List<NcVariable> vars = new ArrayList<>();
    private final Map<String, Dataset> datasets = new HashMap<>();
    private final Map<String, Object> globals;

    Netcdf4File(Path path) {
        this.path = path;
        try {
            hdf = Hdf5Files.open(path);
        } catch (RuntimeException | IOException e) {
            throw new Ai4cException(path + " cannot be read as netCDF-4/HDF5 (" + e.getMessage()
                    + "). The file may be truncated or damaged; download or copy it again.", e);
        } catch (StackOverflowError e) {
            throw endless(path, e);
        }
        try {
            globals = attributes(hdf);
            Map<Integer, String> dimById = new HashMap<>();
            Map<Long, String> dimByAddress = new HashMap<>();
            List<Dataset> all = new ArrayList<>();
            for (Node n : hdf) {
                if (!(n instanceof Dataset ds)) continue;
                all.add(ds);
                Attribute cls = ds.getAttribute("CLASS");
                if (cls != null && "DIMENSION_SCALE".equals(String.valueOf(cls.getData()))) {
                    Attribute id = ds.getAttribute("_Netcdf4Dimid");
                    int dimId = id == null ? dims.size() : ((Number) scalar(id.getData())).intValue();
                    long len = ds.getDimensionsAsLong().length == 0 ? 1 : ds.getDimensionsAsLong()[0];
                    long[] max = ds.getMaxSize();
                    boolean unlimited = max != null && max.length > 0 && max[0] < 0;
                    dimById.put(dimId, ds.getName());
                    dimByAddress.put(ds.getAddress(), ds.getName());
                    dims.add(new NcDimension(ds.getName(), len, unlimited));
                }
            }
            dims.sort((a, b) -> Integer.compare(idOf(dimById, a.name()), idOf(dimById, b.name())));
            for (Dataset ds : all) {
                Attribute nameAtt = ds.getAttribute("NAME");
                boolean dimOnly = nameAtt != null && String.valueOf(nameAtt.getData()).startsWith("This is a netCDF dimension");
                if (dimOnly) continue;
                long[] shape = ds.getDimensionsAsLong();
                List<String> names = dimensionNames(ds, shape.length, dimById, dimByAddress);
                vars.add(new NcVariable(ds.getName(), names, shape, typeOf(ds), attributes(ds)));
                datasets.put(ds.getName(), ds);
            }
        } catch (RuntimeException e) {
            hdf.close();
            if (e instanceof Ai4cException) throw e;
            throw new Ai4cException(path + " cannot be read as netCDF-4 (" + e + "). The file may be truncated or"
                    + " damaged; download or copy it again.", e);
        } catch (StackOverflowError e) {
            hdf.close();
            throw endless(path, e);
        }
    }

    private static int idOf(Map<Integer, String> byId, String name) {
        for (Map.Entry<Integer, String> e : byId.entrySet()) if (e.getValue().equals(name)) return e.getKey();
        return Integer.MAX_VALUE;
    }

    private List<String> dimensionNames(Dataset ds, int rank, Map<Integer, String> byId, Map<Long, String> byAddress) {
        List<String> names = new ArrayList<>(rank);
        Attribute coords = ds.getAttribute("_Netcdf4Coordinates");
        if (coords != null) {
            double[] ids = NcAttributes.toDoubles(asArray(coords.getData()));
            if (ids != null && ids.length == rank) {
                for (double id : ids) names.add(byId.getOrDefault((int) id, "dim" + (int) id));
                return names;
            }
        }
        Attribute list = ds.getAttribute("DIMENSION_LIST");
        if (list != null && list.getData() instanceof Object[] refs && refs.length == rank) {
            for (Object r : refs) {
                long address = r instanceof long[] a && a.length > 0 ? a[0] : -1;
                names.add(byAddress.getOrDefault(address, "dim" + names.size()));
            }
            return names;
        }
        if (rank == 1 && byAddress.containsKey(ds.getAddress())) return List.of(ds.getName());
        for (int i = 0; i < rank; i++) names.add(ds.getName() + "_dim" + i);
        return names;
    }

    private static NcType typeOf(Dataset ds) {
        Class<?> t = ds.getJavaType();
        if (t == byte.class) return NcType.BYTE;
        if (t == short.class) return NcType.SHORT;
        if (t == int.class) return NcType.INT;
        if (t == long.class) return NcType.INT64;
        if (t == float.class) return NcType.FLOAT;
        if (t == double.class) return NcType.DOUBLE;
        if (t == String.class) return NcType.CHAR;
        return NcType.DOUBLE;
    }

    private static Map<String, Object> attributes(Node node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : node.getAttributes().entrySet()) {
            if (HIDDEN.contains(e.getKey())) continue;
            Object v = e.getValue().getData();
            out.put(e.getKey(), v instanceof String s ? s : asArray(v));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object scalar(Object v) {
        return v != null && v.getClass().isArray() ? Array.get(v, 0) : v;
    }

    /** A boxed scalar as a one-element primitive array; arrays unchanged. */
    private static Object asArray(Object v) {
        if (v instanceof Byte b) return new byte[] {b};
        if (v instanceof Short s) return new short[] {s};
        if (v instanceof Integer i) return new int[] {i};
        if (v instanceof Long l) return new long[] {l};
        if (v instanceof Float f) return new float[] {f};
        if (v instanceof Double d) return new double[] {d};
        if (v instanceof String[] s) return String.join(",", s);
        return v;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return "netCDF-4";
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
    public double[] readRaw(NcVariable v, int index) {
        Dataset ds = datasets.get(v.name());
        if (ds == null) throw new IllegalArgumentException(v.name() + " is not a variable of " + path);
        if (v.rank() > 0 && index >= v.shape()[0]) {
            throw new IndexOutOfBoundsException(v.name() + " index " + index + " ≥ " + v.shape()[0]);
        }
        // an unlimited dimension with no records yet: HDF5 stores no data for the variable
        if (index < 0 && v.size() == 0) return new double[0];
        try {
            Object data;
            if (index < 0 || v.rank() == 0) {
                data = ds.getData();
            } else {
                long[] shape = v.shape();
                long[] offset = new long[shape.length];
                int[] count = new int[shape.length];
                offset[0] = index;
                count[0] = 1;
                for (int d = 1; d < shape.length; d++) count[d] = (int) shape[d];
                data = ds.getData(offset, count);
            }
            double[] out = new double[(int) (index < 0 ? v.size() : v.slabSize())];
            int n = flatten(data, out, 0);
            if (n != out.length) throw new IllegalStateException("read " + n + " values, expected " + out.length);
            return out;
        } catch (RuntimeException e) {
            throw new Ai4cException("Cannot read variable \"" + v.name() + "\" of " + path + " (" + e.getMessage()
                    + "). The file may be truncated or damaged; download or copy it again.", e);
        } catch (StackOverflowError e) {
            throw endless(path, e);
        }
    }

    private static int flatten(Object a, double[] out, int at) {
        if (a instanceof double[] d) {
            System.arraycopy(d, 0, out, at, d.length);
            return at + d.length;
        }
        if (a instanceof float[] f) {
            for (float x : f) out[at++] = x;
            return at;
        }
        if (a instanceof short[] s) {
            for (short x : s) out[at++] = x;
            return at;
        }
        if (a instanceof int[] s) {
            for (int x : s) out[at++] = x;
            return at;
        }
        if (a instanceof long[] s) {
            for (long x : s) out[at++] = x;
            return at;
        }
        if (a instanceof byte[] s) {
            for (byte x : s) out[at++] = x;
            return at;
        }
        if (a instanceof Object[] o) {
            for (Object x : o) at = flatten(x, out, at);
            return at;
        }
        if (a instanceof Number n) {
            out[at++] = n.doubleValue();
            return at;
        }
        throw new IllegalStateException("unsupported data " + a.getClass());
    }

    @Override
    public void close() {
        hdf.close();
    }

    /**
     * The error for HDF5 structures that nest without end (object header continuation blocks or
     * groups that point back to each other, as a damaged file can): the HDF5 reader recurses into
     * them until the stack is exhausted.
     */
    private static Ai4cException endless(Path path, StackOverflowError e) {
        return new Ai4cException(path + " cannot be read as netCDF-4/HDF5: its object headers refer to each other "
                + "without end. The file is damaged; download or copy it again.", e);
    }
}
