package eu.ai4c.kit.raster;

/**
 * The samples of one band over one {@link Region}, row-major in a primitive array whose kind
 * depends on the {@link DataType} (see there). Sample (col, row) of the region is at index
 * {@code (row - region.y()) * region.width() + (col - region.x())} (times 2 for complex).
 *
 * <p>Hot loops use the typed accessors ({@link #floats()}, {@link #shorts()}, …) directly;
 * {@link #getDouble(int)} / {@link #setDouble(int, double)} are the slow general path.</p>
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe; the array is shared, not copied. A block handed out by a {@link Raster}
 * belongs to the caller.
 */
public final class Block {
    private final Region region;
    private final DataType type;
    private final Object data;

    public Block(Region region, DataType type, Object data) {
        this.region = region;
        this.type = type;
        this.data = data;
        int expected = Math.toIntExact(region.area() * type.valuesPerSample());
        int length = java.lang.reflect.Array.getLength(data);
        if (length < expected) {
            throw new IllegalArgumentException("Array of " + length + " values for region " + region
                    + " of " + type + " needs " + expected);
        }
    }

    /** A new zero-filled block. */
    public static Block allocate(DataType type, Region region) {
        return new Block(region, type, type.allocate(Math.toIntExact(region.area())));
    }

    /** A new block filled with {@code value} (NaN for floating types if asked). */
    public static Block filled(DataType type, Region region, double value) {
        Block b = allocate(type, region);
        b.fill(value);
        return b;
    }

    public Region region() {
        return region;
    }

    public DataType type() {
        return type;
    }

    public int width() {
        return region.width();
    }

    public int height() {
        return region.height();
    }

    /** The backing array (byte[], short[], int[], float[] or double[]). */
    public Object array() {
        return data;
    }

    public byte[] bytes() {
        return (byte[]) data;
    }

    public short[] shorts() {
        return (short[]) data;
    }

    public int[] ints() {
        return (int[]) data;
    }

    public float[] floats() {
        return (float[]) data;
    }

    public double[] doubles() {
        return (double[]) data;
    }

    /**
     * Sample {@code i} (row-major index in the region) as a double, unsigned types unsigned.
     * For complex, the magnitude |z|.
     */
    public double getDouble(int i) {
        return switch (type) {
            case BYTE -> ((byte[]) data)[i] & 0xFF;
            case INT16 -> ((short[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xFFFF;
            case INT32 -> ((int[]) data)[i];
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case CFLOAT32 -> {
                float[] f = (float[]) data;
                yield Math.hypot(f[2 * i], f[2 * i + 1]);
            }
        };
    }

    /** Sets sample {@code i}, rounding and clamping to the integer range for integer types. */
    public void setDouble(int i, double v) {
        switch (type) {
            case BYTE -> ((byte[]) data)[i] = (byte) clamp(v, 0, 255);
            case INT16 -> ((short[]) data)[i] = (short) clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16 -> ((short[]) data)[i] = (short) clamp(v, 0, 65535);
            case INT32 -> ((int[]) data)[i] = (int) clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case FLOAT32 -> ((float[]) data)[i] = (float) v;
            case FLOAT64 -> ((double[]) data)[i] = v;
            case CFLOAT32 -> {
                float[] f = (float[]) data;
                f[2 * i] = (float) v;
                f[2 * i + 1] = 0f;
            }
        }
    }

    private static long clamp(double v, long lo, long hi) {
        if (Double.isNaN(v)) return 0;
        long r = Math.round(v);
        return Math.max(lo, Math.min(hi, r));
    }

    /** Fills every sample with {@code value}. */
    public void fill(double value) {
        switch (type) {
            case FLOAT32 -> java.util.Arrays.fill((float[]) data, (float) value);
            case FLOAT64 -> java.util.Arrays.fill((double[]) data, value);
            default -> {
                int n = Math.toIntExact(region.area());
                for (int i = 0; i < n; i++) setDouble(i, value);
            }
        }
    }

    /**
     * Sets every sample whose {@code mask} entry is 0 to {@code value} (both parts for complex);
     * the mask is row-major over this block's region. One loop per sample type, no boxing.
     */
    public void fillWhereZero(byte[] mask, double value) {
        int n = Math.toIntExact(region.area());
        if (mask.length < n) throw new IllegalArgumentException("Mask of " + mask.length + " for " + n + " samples");
        switch (type) {
            case BYTE -> {
                byte[] a = (byte[]) data;
                byte v = (byte) (long) value;
                for (int i = 0; i < n; i++) if (mask[i] == 0) a[i] = v;
            }
            case INT16, UINT16 -> {
                short[] a = (short[]) data;
                short v = (short) (long) value;
                for (int i = 0; i < n; i++) if (mask[i] == 0) a[i] = v;
            }
            case INT32 -> {
                int[] a = (int[]) data;
                int v = (int) (long) value;
                for (int i = 0; i < n; i++) if (mask[i] == 0) a[i] = v;
            }
            case FLOAT32 -> {
                float[] a = (float[]) data;
                float v = (float) value;
                for (int i = 0; i < n; i++) if (mask[i] == 0) a[i] = v;
            }
            case FLOAT64 -> {
                double[] a = (double[]) data;
                for (int i = 0; i < n; i++) if (mask[i] == 0) a[i] = value;
            }
            case CFLOAT32 -> {
                float[] a = (float[]) data;
                float v = (float) value;
                for (int i = 0; i < n; i++) {
                    if (mask[i] == 0) {
                        a[2 * i] = v;
                        a[2 * i + 1] = v;
                    }
                }
            }
        }
    }

    /**
     * Copies the part of {@code src} that overlaps this block into this block (same type).
     */
    public void copyFrom(Block src) {
        if (src.type != type) {
            throw new IllegalArgumentException("Type mismatch " + src.type + " vs " + type);
        }
        Region o = region.intersect(src.region);
        if (o.isEmpty()) return;
        int vps = type.valuesPerSample();
        for (int row = o.y(); row < o.maxY(); row++) {
            int s = ((row - src.region.y()) * src.region.width() + (o.x() - src.region.x())) * vps;
            int d = ((row - region.y()) * region.width() + (o.x() - region.x())) * vps;
            System.arraycopy(src.data, s, data, d, o.width() * vps);
        }
    }

    /** A new block holding the {@code sub} part of this one ({@code sub} must lie inside). */
    public Block crop(Region sub) {
        if (!region.contains(sub)) {
            throw new IllegalArgumentException(sub + " is not inside " + region);
        }
        if (sub.equals(region)) return this;
        Block b = allocate(type, sub);
        b.copyFrom(this);
        return b;
    }

    /** This block's samples converted to float32 (a copy unless already FLOAT32). */
    public float[] toFloats() {
        if (type == DataType.FLOAT32) return (float[]) data;
        int n = Math.toIntExact(region.area());
        float[] out = new float[n];
        switch (type) {
            case BYTE -> { byte[] a = (byte[]) data; for (int i = 0; i < n; i++) out[i] = a[i] & 0xFF; }
            case INT16 -> { short[] a = (short[]) data; for (int i = 0; i < n; i++) out[i] = a[i]; }
            case UINT16 -> { short[] a = (short[]) data; for (int i = 0; i < n; i++) out[i] = a[i] & 0xFFFF; }
            case INT32 -> { int[] a = (int[]) data; for (int i = 0; i < n; i++) out[i] = a[i]; }
            case FLOAT64 -> { double[] a = (double[]) data; for (int i = 0; i < n; i++) out[i] = (float) a[i]; }
            default -> { for (int i = 0; i < n; i++) out[i] = (float) getDouble(i); }
        }
        return out;
    }
}
