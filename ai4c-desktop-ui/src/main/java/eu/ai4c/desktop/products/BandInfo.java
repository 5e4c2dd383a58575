package eu.ai4c.desktop.products;

import eu.ai4c.kit.raster.Band;
import java.util.Locale;

/**
 * A band of an open product as the Products window describes it: name, size, data type, no-data
 * value and unit (when the product states them).
 *
 * @param index  the band's index in its product
 * @param band   the band
 * @param width  width in pixels
 * @param height height in pixels
 */
public record BandInfo(int index, Band band, int width, int height) {

    public String name() {
        return band.name();
    }

    /** {@code "2048 × 1024"}. */
    public String size() {
        return width + " \u00d7 " + height;
    }

    /** The no-data value as text, or {@code "none"}. */
    public String noData() {
        if (!band.hasNoData()) return "none";
        double v = band.noData();
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The unit, or {@code "unknown"} when the product does not state one. */
    public String unit() {
        return band.unit() == null || band.unit().isBlank() ? "unknown" : band.unit();
    }

    /** One line: name, size, type, no-data and unit, e.g. {@code VV: 2048 × 1024, UINT16, no-data 0, unit dB}. */
    public String describe() {
        return name() + ": " + size() + ", " + band.type().name().toUpperCase(Locale.ROOT) + ", no-data " + noData()
                + ", unit " + unit();
    }

    @Override
    public String toString() {
        return name();
    }
}
