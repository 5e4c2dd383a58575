package eu.ai4c.kit.op;

/**
 * Kinds of operator parameters. Each maps to one CLI option converter, one SNAP {@code @Parameter}
 * field type and one dialog editor.
 */
public enum ParameterType {
    /** Free text. */
    STRING,
    /** A whole number ({@code int}). */
    INTEGER,
    /** A real number ({@code double}). */
    DOUBLE,
    /** {@code true} / {@code false}. */
    BOOLEAN,
    /** One of the descriptor's value set (case-insensitive on input, canonical spelling kept). */
    CHOICE,
    /** Comma-separated list of texts, each from the value set if one is given. */
    STRING_LIST,
    /** Comma-separated list of real numbers. */
    DOUBLE_LIST,
    /** A file or folder path. */
    PATH,
    /** A WKT polygon or a path to a vector file (area of interest). */
    GEOMETRY,
    /** A projection: {@code WGS84}, {@code EPSG:nnnn}, {@code UTM(Auto)}, {@code AUTO:42001} or WKT. */
    PROJECTION
}
