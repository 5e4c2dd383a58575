package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names of label ids 1–254 (land-cover classes, crops, "road"…), for legends, reports, probability
 * band names and the model description. An id without a name is called as {@link ClassLegend}
 * calls it ("class N"); 0 is always "background" and 255 "no data". Immutable.
 *
 * <p>Given by the user as {@code --class_names}: either a CSV file with an {@code id,name} header
 * ({@link #read}; further columns, such as a colour, are ignored) or
 * {@code id=name} pairs separated by commas ({@code 1=water,2=road,3=field}). SEN12MS input
 * brings its own ({@link Sen12ms#IGBP}, {@link Sen12ms#SIMPLIFIED}).</p>
 */
public final class ClassNames {
    /** No names: every id is called as {@link ClassLegend#name} calls it. */
    public static final ClassNames NONE = new ClassNames(new TreeMap<>());

    private final Map<Integer, String> byId;

    private ClassNames(TreeMap<Integer, String> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Names of ids 1, 2, … in list order (a label scheme such as IGBP). */
    public static ClassNames ofList(List<String> names) {
        TreeMap<Integer, String> m = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) m.put(i + 1, names.get(i));
        return new ClassNames(m);
    }

    /** Names by id; ids must be 1–254 and names non-blank (checked). */
    public static ClassNames of(Map<Integer, String> names) {
        TreeMap<Integer, String> m = new TreeMap<>();
        names.forEach((id, name) -> m.put(id, checked(id, name, "class names")));
        return new ClassNames(m);
    }

    /**
     * The names of {@code --class_names}: a CSV file when {@code spec} names an existing file (or
     * ends with {@code .csv}/{@code .txt}), else {@code id=name} pairs. Refused naming the entry
     * and the fix.
     */
    public static ClassNames parse(String spec) {
        if (spec == null || spec.isBlank()) return NONE;
        String s = spec.trim();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".txt") || isFile(s)) return read(Path.of(s));
        TreeMap<Integer, String> m = new TreeMap<>();
        for (String pair : s.split(",")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw Ai4cException.usage("unet: --class_names entry '" + pair.trim() + "' is not id=name; give pairs"
                        + " such as 1=water,2=road, or a CSV file with id,name lines.");
            }
            put(m, pair.substring(0, eq), pair.substring(eq + 1), "--class_names entry '" + pair.trim() + "'");
        }
        return new ClassNames(m);
    }

    /** Whether {@code text} names an existing file (text that cannot be a path, e.g. with a NUL, does not). */
    private static boolean isFile(String text) {
        try {
            return Files.isRegularFile(Path.of(text));
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }

    /**
     * Reads a CSV file ({@link CsvTable}: comma, semicolon or tab, RFC 4180 quotes) with a header
     * naming an {@code id} (or {@code class_id}, {@code value}) and a {@code name} (or
     * {@code class_name}, {@code label}) column; other columns are ignored.
     */
    public static ClassNames read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw Ai4cException.usage("unet: --class_names " + csv + ": no such file; give a CSV file with an id,name"
                    + " header line, or pairs such as 1=water,2=road.");
        }
        CsvTable t = CsvTable.read(csv);
        int id = t.column("id", "class_id", "value");
        int name = t.column("name", "class_name", "label");
        if (id < 0 || name < 0) {
            throw Ai4cException.usage("unet: --class_names " + csv + " has the columns " + t.header() + "; it needs an"
                    + " id and a name column: start it with the header line id,name.");
        }
        TreeMap<Integer, String> m = new TreeMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            String[] row = t.rows().get(i);
            put(m, row[id], row[name], "--class_names " + csv + " line " + t.lines()[i]);
        }
        return new ClassNames(m);
    }

    private static void put(TreeMap<Integer, String> m, String idText, String name, String where) {
        int id;
        try {
            id = Integer.parseInt(idText.strip());
        } catch (NumberFormatException e) {
            throw Ai4cException.usage("unet: " + where + ": '" + idText.strip() + "' is not a class id; ids are"
                    + " whole numbers 1-254.");
        }
        String n = checked(id, name.strip(), where);
        if (m.put(id, n) != null) {
            throw Ai4cException.usage("unet: " + where + " names class " + id + " a second time; give each id once.");
        }
    }

    private static String checked(int id, String name, String where) {
        if (id < 1 || id > 254) {
            throw Ai4cException.usage("unet: " + where + " names class " + id + "; named ids are 1-254 (0 is the"
                    + " background, 255 no data).");
        }
        if (name == null || name.isBlank()) {
            throw Ai4cException.usage("unet: " + where + " gives class " + id + " an empty name.");
        }
        if (name.contains("\n") || name.contains("\r")) {
            throw Ai4cException.usage("unet: " + where + " gives class " + id + " a name with a line break.");
        }
        return name;
    }

    /** The name of {@code id}: the given one, else {@link ClassLegend#name}. */
    public String name(int id) {
        String n = byId.get(id);
        return n != null ? n : ClassLegend.name(id);
    }

    /** The given names by id (ascending). */
    public Map<Integer, String> asMap() {
        return byId;
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The names of {@code ids} only (the classes a model learns). */
    public ClassNames restrictedTo(int[] ids) {
        TreeMap<Integer, String> m = new TreeMap<>();
        for (int id : ids) if (byId.containsKey(id)) m.put(id, byId.get(id));
        return new ClassNames(m);
    }

    /** These names, with {@code other}'s where both name an id. */
    public ClassNames overriddenBy(ClassNames other) {
        TreeMap<Integer, String> m = new TreeMap<>(byId);
        m.putAll(other.byId);
        return new ClassNames(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassNames c && c.byId.equals(byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }

    @Override
    public String toString() {
        return byId.toString();
    }
}
