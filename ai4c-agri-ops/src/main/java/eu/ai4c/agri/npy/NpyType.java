package eu.ai4c.agri.npy;

/**
 * The NumPy element types AI4C reads and writes, with their {@code descr} code (without the
 * byte-order character), size in bytes and the Java primitive type holding them.
 */
public enum NpyType {
    INT8("i1", 1, int.class),
    UINT8("u1", 1, int.class),
    INT16("i2", 2, int.class),
    UINT16("u2", 2, int.class),
    INT32("i4", 4, int.class),
    UINT32("u4", 4, long.class),
    INT64("i8", 8, long.class),
    FLOAT32("f4", 4, float.class),
    FLOAT64("f8", 8, double.class);

    private final String code;
    private final int bytes;
    private final Class<?> javaType;

    NpyType(String code, int bytes, Class<?> javaType) {
        this.code = code;
        this.bytes = bytes;
        this.javaType = javaType;
    }

    /** The type code without byte order, e.g. {@code f4}. */
    public String code() {
        return code;
    }

    /** The little-endian descriptor as written to files, e.g. {@code <f4} ({@code |u1} for bytes). */
    public String descriptor() {
        return (bytes == 1 ? "|" : "<") + code;
    }

    public int bytes() {
        return bytes;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }

    /** The type of a code such as {@code f4}, or null. */
    static NpyType ofCode(String code) {
        for (NpyType t : values()) {
            if (t.code.equals(code)) return t;
        }
        return null;
    }
}
