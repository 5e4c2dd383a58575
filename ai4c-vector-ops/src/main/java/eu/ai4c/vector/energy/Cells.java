package eu.ai4c.vector.energy;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.vector.store.DatasetClass.Column;
import java.nio.file.Path;
import java.util.Locale;

/** Typed values of the cells of a dataset file, with errors naming file, place and column. Stateless. */
final class Cells {
    private Cells() {
    }

    /**
     * The value of a cell for a column: text stripped (empty: null), {@code Long} for
     * INTEGER (a whole number, also written {@code 2000.0}), {@code Double} for REAL; empty cells
     * and {@code NaN} are null.
     */
    static Object value(String cell, Column column, Path file, int line) {
        return value(cell, column, file, "line " + line);
    }

    /** As {@link #value(String, Column, Path, int)}, the place named by {@code where}. */
    static Object value(String cell, Column column, Path file, String where) {
        String s = cell == null ? "" : cell.strip();
        if (s.isEmpty()) return null;
        if (column.sqlType().equals("TEXT")) return s;
        if (s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("null") || s.equalsIgnoreCase("na")) return null;
        double d;
        try {
            // a decimal comma, as EMODnet's spreadsheet exports write ("399,6")
            d = Double.parseDouble(s.indexOf(',') >= 0 && s.indexOf('.') < 0 ? s.replace(',', '.') : s);
        } catch (NumberFormatException e) {
            throw Ai4cException.usage("The file " + file + ", " + where + ", column " + column.name() + ", holds \""
                    + s + "\" where a number is expected. Fix the value or leave the cell empty.");
        }
        if (!Double.isFinite(d)) return null;
        if (column.sqlType().equals("INTEGER")) {
            if (d != Math.rint(d)) {
                throw Ai4cException.usage("The file " + file + ", " + where + ", column " + column.name()
                        + ", holds " + s + " where a whole number is expected. Fix the value.");
            }
            return (long) d;
        }
        return d;
    }

    /** Fails naming the place unless lon/lat are present and within ±180°/±90°. */
    static void checkCoordinates(Double lon, Double lat, Path file, String where) {
        checkCoordinates(lon, lat, false, file, where);
    }

    /**
     * Fails naming the place unless lon/lat are present, latitude within ±90° and longitude within
     * ±180° (or −180…360 when {@code lon360}: points for 0–360 grids).
     */
    static void checkCoordinates(Double lon, Double lat, boolean lon360, Path file, String where) {
        if (lon == null || lat == null) {
            throw Ai4cException.usage("The file " + file + ", " + where + ", has no " + (lat == null ? "latitude" : "longitude")
                    + ". Every record needs WGS84 coordinates; fill them in or remove the record.");
        }
        if (Math.abs(lat) > 90 || lon < -180 || lon > (lon360 ? 360 : 180)) {
            throw Ai4cException.usage(String.format(Locale.ROOT, "The file %s, %s, has the coordinates lat %s, lon %s, "
                    + "outside ±90°/%s. Give WGS84 degrees (check that latitude and longitude are not swapped or "
                    + "projected).", file, where, lat, lon, lon360 ? "−180…360°" : "±180°"));
        }
    }
}
