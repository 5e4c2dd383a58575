package eu.ai4c.kit.io.netcdf;

import eu.ai4c.kit.Ai4cException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An open netCDF file (classic CDF-1, 64-bit offset CDF-2, CDF-5, or netCDF-4/HDF5): its
 * dimensions, variables and global attributes, and reading of variables whole or one index of
 * their first dimension at a time (one time step), so memory holds one slab, never the file.
 * Values come back as stored ({@link #readRaw}) or unpacked the CF way ({@link #read}: {@code
 * raw · scale_factor + add_offset}, with {@code _FillValue}, {@code missing_value} and values
 * outside {@code valid_min/valid_max/valid_range} as NaN).
 *
 * <p>Open with {@link Netcdf#open(Path)}. Implementations are thread-safe for reads.</p>
 */
public interface NetcdfFile extends Closeable {

    Path path();

    /** {@code classic}, {@code 64-bit offset}, {@code cdf5} or {@code netCDF-4}, as {@code ncdump -k} names it. */
    String format();

    List<NcDimension> dimensions();

    List<NcVariable> variables();

    Map<String, Object> globalAttributes();

    /** The variable, or null. */
    default NcVariable findVariable(String name) {
        for (NcVariable v : variables()) if (v.name().equals(name)) return v;
        return null;
    }

    /** The variable; a clear error naming the file and the variables it has when absent. */
    default NcVariable variable(String name) {
        NcVariable v = findVariable(name);
        if (v == null) {
            throw new Ai4cException(path() + " has no variable \"" + name + "\" (it has: "
                    + variables().stream().map(NcVariable::name).collect(Collectors.joining(", "))
                    + "). Give a file that contains " + name + ".");
        }
        return v;
    }

    /**
     * The stored values of a variable, as doubles, in row-major order.
     *
     * @param index the index of the first dimension to read (e.g. a time step), or -1 for all
     */
    double[] readRaw(NcVariable v, int index) throws IOException;

    /** Unpacked values of one index of the first dimension (-1: all), as floats (NaN = missing). */
    default float[] read(NcVariable v, int index) throws IOException {
        return CfPacking.of(v).unpack(readRaw(v, index));
    }

    /** Unpacked values, as doubles (coordinates, times). */
    default double[] readDouble(NcVariable v, int index) throws IOException {
        return CfPacking.of(v).unpackDouble(readRaw(v, index));
    }
}
