package eu.ai4c.vector.schema;

import java.util.Locale;

/**
 * The type of a feature attribute and how an OSM tag value is normalised into it. Values that do
 * not parse become null (and are counted by the loader) rather than text in a number column.
 */
public enum AttributeType {
    /** Text as tagged. */
    TEXT("TEXT"),
    /** A whole number ("4"; "4;2" takes the first). */
    INTEGER("INTEGER"),
    /** A decimal number, decimal point or comma. */
    REAL("REAL"),
    /** Electrical power in MW: "50 MW", "500 kW", "1.2 GW", "3000 W"; a bare number is in watts. */
    POWER("REAL"),
    /** Voltage in kV: the highest of a ";"-separated list of volts ("110000;220000" → 220). */
    VOLTAGE("REAL"),
    /** Length in metres: "12", "12 m", "1.5 km", "40 ft", "40'". */
    LENGTH("REAL");

    private final String sqlType;

    AttributeType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The SQLite column type. */
    public String sqlType() {
        return sqlType;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The normalised value: a {@code String}, {@code Long} or {@code Double}, or null when the
     * value does not parse as this type.
     */
    public Object normalise(String raw) {
        if (raw == null) return null;
        String v = raw.strip();
        if (v.isEmpty()) return null;
        return switch (this) {
            case TEXT -> v;
            case INTEGER -> Quantities.integer(v);
            case REAL -> Quantities.number(v);
            case POWER -> Quantities.powerMw(v);
            case VOLTAGE -> Quantities.voltageKv(v);
            case LENGTH -> Quantities.lengthM(v);
        };
    }
}
