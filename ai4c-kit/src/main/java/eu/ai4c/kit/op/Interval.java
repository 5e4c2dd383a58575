package eu.ai4c.kit.op;

import java.util.Locale;

/**
 * A numeric interval in SNAP's notation: {@code [0,100]}, {@code (0,1)}, {@code [1,*)}; a bound
 * of {@code *} is open-ended. Immutable.
 */
public record Interval(double min, boolean minInclusive, double max, boolean maxInclusive) {

    /** Parses {@code [a,b]}, {@code (a,b)}, {@code [a,b)}, {@code (a,*]} and so on. */
    public static Interval parse(String text) {
        String t = text.trim();
        if (t.length() < 5 || "[(".indexOf(t.charAt(0)) < 0 || "])".indexOf(t.charAt(t.length() - 1)) < 0
                || t.indexOf(',') < 0) {
            throw new IllegalArgumentException("Not an interval: \"" + text + "\" (expected e.g. [0,100] or (0,1))");
        }
        String[] parts = t.substring(1, t.length() - 1).split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Not an interval: \"" + text + "\"");
        }
        double lo = parts[0].trim().equals("*") ? Double.NEGATIVE_INFINITY : Double.parseDouble(parts[0].trim());
        double hi = parts[1].trim().equals("*") ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[1].trim());
        return new Interval(lo, t.charAt(0) == '[', hi, t.charAt(t.length() - 1) == ']');
    }

    public boolean contains(double v) {
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax;
    }

    /** SNAP notation, e.g. {@code [0.0,100.0]} with {@code *} for infinite bounds. */
    @Override
    public String toString() {
        return (minInclusive ? "[" : "(") + bound(min) + "," + bound(max) + (maxInclusive ? "]" : ")");
    }

    private static String bound(double v) {
        if (Double.isInfinite(v)) return "*";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        return Double.toString(v);
    }
}
