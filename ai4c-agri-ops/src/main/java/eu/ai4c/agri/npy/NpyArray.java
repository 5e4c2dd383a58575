package eu.ai4c.agri.npy;

import java.util.Arrays;

/**
 * An n-dimensional array as stored in a NumPy {@code .npy} file: element type, shape (C order,
 * last index fastest) and the values held in one primitive array of the matching Java type.
 * Integer types wider than the Java type they are held in never occur: {@code int8/uint8/int16/
 * uint16/int32} are held in an {@code int[]}, {@code int64/uint32} in a {@code long[]},
 * {@code float32} in a {@code float[]}, {@code float64} in a {@code double[]}.
 * Immutable in shape; the values array is shared, not copied.
 */
public final class NpyArray {
    private final NpyType type;
    private final int[] shape;
    private final Object values;

    private NpyArray(NpyType type, int[] shape, Object values) {
        this.type = type;
        this.shape = shape.clone();
        this.values = values;
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        if (n != java.lang.reflect.Array.getLength(values)) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values, array has " + java.lang.reflect.Array.getLength(values));
        }
    }

    public static NpyArray ofFloats(float[] values, int... shape) {
        return new NpyArray(NpyType.FLOAT32, shape, values);
    }

    public static NpyArray ofDoubles(double[] values, int... shape) {
        return new NpyArray(NpyType.FLOAT64, shape, values);
    }

    /** Labels and other integers, stored as int64 (NumPy's default integer type). */
    public static NpyArray ofLongs(long[] values, int... shape) {
        return new NpyArray(NpyType.INT64, shape, values);
    }

    /** Integers held in an {@code int[]} stored as {@code type} (INT8 … INT32, UINT8, UINT16). */
    public static NpyArray ofInts(NpyType type, int[] values, int... shape) {
        if (type.javaType() != int.class) {
            throw new IllegalArgumentException(type + " values are not held in an int[]");
        }
        return new NpyArray(type, shape, values);
    }

    static NpyArray of(NpyType type, int[] shape, Object values) {
        return new NpyArray(type, shape, values);
    }

    public NpyType type() {
        return type;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dimension(int axis) {
        return shape[axis];
    }

    public int size() {
        return java.lang.reflect.Array.getLength(values);
    }

    /** The values as held (float[], double[], int[] or long[]); shared, not copied. */
    public Object values() {
        return values;
    }

    /** The values converted to float (a copy unless the array is float32). */
    public float[] toFloats() {
        if (values instanceof float[] f) return f;
        int n = size();
        float[] out = new float[n];
        if (values instanceof double[] d) {
            for (int i = 0; i < n; i++) out[i] = (float) d[i];
        } else if (values instanceof int[] a) {
            for (int i = 0; i < n; i++) out[i] = a[i];
        } else {
            long[] a = (long[]) values;
            for (int i = 0; i < n; i++) out[i] = a[i];
        }
        return out;
    }

    /**
     * The values as int, for labels and counts; {@code null} when the array is not of an integer
     * type (callers report that to the user) and an {@link ArithmeticException} when a 64-bit
     * value does not fit.
     */
    public int[] toIntsOrNull() {
        if (values instanceof int[] a) return a;
        if (!(values instanceof long[] a)) return null;
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = Math.toIntExact(a[i]);
        return out;
    }

    @Override
    public String toString() {
        return type.descriptor() + Arrays.toString(shape);
    }
}
