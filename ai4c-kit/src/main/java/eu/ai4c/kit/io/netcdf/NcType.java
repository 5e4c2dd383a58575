package eu.ai4c.kit.io.netcdf;

/**
 * The netCDF external data types with their codes in the classic format ({@code nc_type}) and
 * their sizes in bytes. Codes 1–6 exist in every format; 7–11 only in CDF-5 and netCDF-4.
 */
public enum NcType {
    BYTE(1, 1), CHAR(2, 1), SHORT(3, 2), INT(4, 4), FLOAT(5, 4), DOUBLE(6, 8),
    UBYTE(7, 1), USHORT(8, 2), UINT(9, 4), INT64(10, 8), UINT64(11, 8);

    private final int code;
    private final int size;

    NcType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    /** The {@code nc_type} code of the classic format. */
    public int code() {
        return code;
    }

    /** Bytes per value. */
    public int size() {
        return size;
    }

    /** The type of a classic-format code, or null when the code is unknown. */
    public static NcType ofCode(int code) {
        for (NcType t : values()) if (t.code == code) return t;
        return null;
    }

    /** The CDL name ncdump prints ({@code short}, {@code float}, …). */
    public String cdlName() {
        return switch (this) {
            case BYTE -> "byte";
            case CHAR -> "char";
            case SHORT -> "short";
            case INT -> "int";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case UBYTE -> "ubyte";
            case USHORT -> "ushort";
            case UINT -> "uint";
            case INT64 -> "int64";
            case UINT64 -> "uint64";
        };
    }

    /** True for the integer types (those that CF packing applies to). */
    public boolean isInteger() {
        return this != FLOAT && this != DOUBLE && this != CHAR;
    }
}
