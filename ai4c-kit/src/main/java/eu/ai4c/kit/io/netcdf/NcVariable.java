package eu.ai4c.kit.io.netcdf;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A netCDF variable as declared in a file: name, dimension names (slowest varying first), shape,
 * external type and attributes. Attribute values are {@code String} for text and a primitive
 * array ({@code byte[]}, {@code short[]}, {@code int[]}, {@code long[]}, {@code float[]},
 * {@code double[]}) otherwise. Immutable.
 *
 * @param name       the variable name
 * @param dimensions the names of its dimensions, slowest varying first
 * @param shape      the length of each dimension (records for the unlimited one)
 * @param type       the external (stored) type
 * @param attributes attributes in file order
 */
public record NcVariable(String name, List<String> dimensions, long[] shape, NcType type, Map<String, Object> attributes) {

    public NcVariable {
        dimensions = List.copyOf(dimensions);
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of values in total. */
    public long size() {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }

    /** Values per index of the first (slowest) dimension: the size of one time step of {@code (time, lat, lon)}. */
    public long slabSize() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) n *= shape[i];
        return n;
    }

    /** A text attribute, or null when absent or not text. */
    public String text(String attribute) {
        Object v = attributes.get(attribute);
        return v instanceof String s ? s : null;
    }

    /** The first value of a numeric attribute as a double, or {@code fallback} when absent or text. */
    public double number(String attribute, double fallback) {
        double[] v = numbers(attribute);
        return v == null || v.length == 0 ? fallback : v[0];
    }

    /** All values of a numeric attribute as doubles, or null when absent or text. */
    public double[] numbers(String attribute) {
        return NcAttributes.toDoubles(attributes.get(attribute));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NcVariable v && v.name.equals(name) && v.dimensions.equals(dimensions)
                && Arrays.equals(v.shape, shape) && v.type == type && v.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return type.cdlName() + " " + name + dimensions;
    }
}
