package eu.ai4c.kit.raster;

import java.util.Objects;

/**
 * Description of one band: name, sample type, optional no-data value, unit and description.
 * For floating types the no-data value may be NaN. Immutable.
 *
 * @param name        band name, unique within a raster (e.g. {@code Sigma0_VV})
 * @param type        sample type
 * @param noData      the no-data value; meaningful only when {@code hasNoData}
 * @param hasNoData   whether the band has a no-data value
 * @param unit        unit of the values (e.g. {@code dB}, {@code intensity}); may be empty
 * @param description free text; may be empty
 */
public record Band(String name, DataType type, double noData, boolean hasNoData, String unit, String description) {

    public Band {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }

    /** A band without no-data, unit or description. */
    public static Band of(String name, DataType type) {
        return new Band(name, type, Double.NaN, false, "", "");
    }

    /** A band with a no-data value. */
    public static Band of(String name, DataType type, double noData) {
        return new Band(name, type, noData, true, "", "");
    }

    public Band withName(String newName) {
        return new Band(newName, type, noData, hasNoData, unit, description);
    }

    public Band withType(DataType newType) {
        return new Band(name, newType, noData, hasNoData, unit, description);
    }

    public Band withNoData(double value) {
        return new Band(name, type, value, true, unit, description);
    }

    public Band withoutNoData() {
        return new Band(name, type, Double.NaN, false, unit, description);
    }

    public Band withUnit(String newUnit) {
        return new Band(name, type, noData, hasNoData, newUnit, description);
    }

    public Band withDescription(String text) {
        return new Band(name, type, noData, hasNoData, unit, text);
    }

    /**
     * The value of pixels that hold no data: the band's no-data value, or else NaN for floating
     * types (complex included) and 0 for integer types.
     */
    public double fillValue() {
        return hasNoData ? noData : type.isFloating() ? Double.NaN : 0;
    }

    /** True when {@code v} is this band's no-data value (NaN matches a NaN no-data). */
    public boolean isNoData(double v) {
        if (!hasNoData) return false;
        return Double.isNaN(noData) ? Double.isNaN(v) : v == noData;
    }
}
