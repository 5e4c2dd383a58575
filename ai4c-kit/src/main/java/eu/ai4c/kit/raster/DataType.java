package eu.ai4c.kit.raster;

/**
 * Sample type of a band, with the primitive array that holds its samples in a {@link Block}.
 *
 * <table>
 * <caption>Storage of each type</caption>
 * <tr><th>type</th><th>array</th></tr>
 * <tr><td>BYTE</td><td>{@code byte[]} (unsigned, read with {@code & 0xFF})</td></tr>
 * <tr><td>INT16, UINT16</td><td>{@code short[]} (UINT16 read with {@code & 0xFFFF})</td></tr>
 * <tr><td>INT32</td><td>{@code int[]}</td></tr>
 * <tr><td>FLOAT32</td><td>{@code float[]}</td></tr>
 * <tr><td>FLOAT64</td><td>{@code double[]}</td></tr>
 * <tr><td>CFLOAT32</td><td>{@code float[]}, real and imaginary interleaved (two entries per sample)</td></tr>
 * </table>
 */
public enum DataType {
    BYTE(1, false, false),
    INT16(2, false, false),
    UINT16(2, false, false),
    INT32(4, false, false),
    FLOAT32(4, true, false),
    FLOAT64(8, true, false),
    CFLOAT32(8, true, true);

    private final int bytesPerSample;
    private final boolean floating;
    private final boolean complex;

    DataType(int bytesPerSample, boolean floating, boolean complex) {
        this.bytesPerSample = bytesPerSample;
        this.floating = floating;
        this.complex = complex;
    }

    /** Bytes of one sample (8 for a complex pair of float32). */
    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** True for FLOAT32, FLOAT64 and CFLOAT32. */
    public boolean isFloating() {
        return floating;
    }

    /** True for CFLOAT32. */
    public boolean isComplex() {
        return complex;
    }

    /** Array entries per sample: 2 for complex, otherwise 1. */
    public int valuesPerSample() {
        return complex ? 2 : 1;
    }

    /** Allocates the primitive array for {@code samples} samples of this type. */
    public Object allocate(int samples) {
        return switch (this) {
            case BYTE -> new byte[samples];
            case INT16, UINT16 -> new short[samples];
            case INT32 -> new int[samples];
            case FLOAT32 -> new float[samples];
            case FLOAT64 -> new double[samples];
            case CFLOAT32 -> new float[2 * samples];
        };
    }

    /**
     * Parses a type name case-insensitively: the enum names plus the common aliases
     * {@code uint8}, {@code float32}, {@code float64}, {@code int16}, {@code uint16}, {@code int32}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DataType parse(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "byte", "uint8" -> BYTE;
            case "int16" -> INT16;
            case "uint16" -> UINT16;
            case "int32" -> INT32;
            case "float32", "float" -> FLOAT32;
            case "float64", "double" -> FLOAT64;
            case "cfloat32", "complex" -> CFLOAT32;
            default -> throw new IllegalArgumentException("Unknown data type \"" + name
                    + "\": expected one of uint8, int16, uint16, int32, float32, float64, cfloat32.");
        };
    }
}
