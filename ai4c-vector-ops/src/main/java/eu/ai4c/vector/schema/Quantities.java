package eu.ai4c.vector.schema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses OSM quantity values with units into numbers in fixed units. Pure functions; null when a
 * value does not parse.
 */
public final class Quantities {
    private static final Pattern NUMBER_UNIT = Pattern.compile("^([-+]?\\d+(?:[.,]\\d+)?)\\s*([a-zA-Z'\"]*)\\s*$");

    private Quantities() {
    }

    /** The first whole number of a ";"-list, or null. */
    public static Long integer(String v) {
        String first = v.split(";")[0].strip();
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal number (point or comma), or null. */
    public static Double number(String v) {
        Matcher m = NUMBER_UNIT.matcher(v.split(";")[0].strip());
        if (!m.matches() || !m.group(2).isEmpty()) return null;
        return Double.parseDouble(m.group(1).replace(',', '.'));
    }

    /** Power in MW; a bare number is in watts (the unit OSM's {@code *:output:electricity} documents). */
    public static Double powerMw(String v) {
        Matcher m = NUMBER_UNIT.matcher(v.split(";")[0].strip());
        if (!m.matches()) return null;
        double x = Double.parseDouble(m.group(1).replace(',', '.'));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "w" -> x / 1e6;
            case "kw", "kwp" -> x / 1e3;
            case "mw", "mwp" -> x;
            case "gw", "gwp" -> x * 1e3;
            default -> null;
        };
    }

    /** The highest voltage of a ";"-list of volts, in kV. */
    public static Double voltageKv(String v) {
        double best = Double.NaN;
        for (String part : v.split(";")) {
            Matcher m = NUMBER_UNIT.matcher(part.strip());
            if (!m.matches()) return null;
            double x = Double.parseDouble(m.group(1).replace(',', '.'));
            double kv = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "", "v" -> x / 1e3;
                case "kv" -> x;
                default -> Double.NaN;
            };
            if (Double.isNaN(kv)) return null;
            if (Double.isNaN(best) || kv > best) best = kv;
        }
        return Double.isNaN(best) ? null : best;
    }

    /** A length in metres. */
    public static Double lengthM(String v) {
        Matcher m = NUMBER_UNIT.matcher(v.split(";")[0].strip());
        if (!m.matches()) return null;
        double x = Double.parseDouble(m.group(1).replace(',', '.'));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "m" -> x;
            case "km" -> x * 1e3;
            case "ft", "'" -> x * 0.3048;
            case "mi" -> x * 1609.344;
            case "nmi" -> x * 1852.0;
            default -> null;
        };
    }
}
