package eu.ai4c.vector.io;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Field names of a dBASE table: at most 10 ASCII characters, unique without regard to case. A
 * longer name is cut to 10; a name already taken (after cutting) gets a suffix {@code _1},
 * {@code _2}, … replacing its last characters ({@code capacity_mw} → {@code capacity_m}, then
 * {@code capacity_1}); characters outside letters, digits and {@code _} become {@code _}. Not
 * thread-safe: one per table.
 */
public final class DbfFieldNames {
    /** The longest dBASE field name. */
    public static final int MAX = 10;
    private final Set<String> taken = new HashSet<>();

    /** The dBASE name for {@code column}, unique in this table. */
    public String add(String column) {
        StringBuilder b = new StringBuilder();
        for (char ch : column.toCharArray()) b.append(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_') ? ch : '_');
        String base = b.length() == 0 ? "field" : b.toString();
        String name = base.length() > MAX ? base.substring(0, MAX) : base;
        for (int n = 1; !taken.add(name.toUpperCase(Locale.ROOT)); n++) {
            String suffix = "_" + n;
            name = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
        }
        return name;
    }
}
