package eu.ai4c.kit.op;

import eu.ai4c.kit.Ai4cException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validated parameter values of one operator run, keyed by parameter name, each converted to its
 * type: String, Integer, Double, Boolean, List&lt;String&gt;, double[] or Path. Produced only by
 * {@link OperatorDescriptor#validate}. Immutable.
 */
public final class ParameterValues {
    private final String alias;
    private final Map<String, Object> values;

    ParameterValues(String alias, Map<String, Object> values) {
        this.alias = alias;
        this.values = Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalStateException(alias + ": parameter " + name + " has no value");
        return v;
    }

    public String getString(String name) {
        return (String) get(name);
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public double getDouble(String name) {
        return (Double) get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String name) {
        return (List<String>) get(name);
    }

    public double[] getDoubles(String name) {
        return ((double[]) get(name)).clone();
    }

    public Path getPath(String name) {
        return (Path) get(name);
    }

    /** A CHOICE value as an enum constant whose {@code toString()} equals the value-set entry. */
    public <E extends Enum<E>> E getChoice(String name, Class<E> type) {
        String v = getString(name);
        for (E e : type.getEnumConstants()) {
            if (e.toString().equalsIgnoreCase(v) || e.name().equalsIgnoreCase(v)) return e;
        }
        throw new IllegalStateException(alias + ": no " + type.getSimpleName() + " for " + v);
    }

    static Object convert(String alias, ParameterDescriptor p, String text) {
        String t = text.trim();
        try {
            return switch (p.type()) {
                case STRING, GEOMETRY, PROJECTION -> t;
                case PATH -> Path.of(t);
                case BOOLEAN -> {
                    if (t.equalsIgnoreCase("true") || t.equals("1") || t.equalsIgnoreCase("yes")) yield Boolean.TRUE;
                    if (t.equalsIgnoreCase("false") || t.equals("0") || t.equalsIgnoreCase("no")) yield Boolean.FALSE;
                    throw bad(alias, p, text, "true or false");
                }
                case INTEGER -> {
                    int v = Integer.parseInt(t);
                    checkInterval(alias, p, text, v);
                    yield v;
                }
                case DOUBLE -> {
                    double v = Double.parseDouble(t);
                    if (!Double.isFinite(v)) throw bad(alias, p, text, "a finite number");
                    checkInterval(alias, p, text, v);
                    yield v;
                }
                case CHOICE -> canonical(alias, p, t);
                case STRING_LIST -> {
                    List<String> out = new ArrayList<>();
                    for (String s : t.split(",")) {
                        String item = s.trim();
                        if (item.isEmpty()) continue;
                        out.add(p.valueSet().isEmpty() ? item : canonical(alias, p, item));
                    }
                    if (out.isEmpty()) throw bad(alias, p, text, "a comma-separated list with at least one value");
                    yield List.copyOf(out);
                }
                case DOUBLE_LIST -> {
                    String[] parts = t.split(",");
                    double[] d = new double[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        d[i] = Double.parseDouble(parts[i].trim());
                        checkInterval(alias, p, text, d[i]);
                    }
                    yield d;
                }
            };
        } catch (NumberFormatException e) {
            throw bad(alias, p, text, p.type() == ParameterType.INTEGER ? "a whole number" : "a number");
        }
    }

    private static String canonical(String alias, ParameterDescriptor p, String v) {
        if (p.valueSet().isEmpty()) return v;
        for (String allowed : p.valueSet()) {
            if (allowed.equalsIgnoreCase(v)) return allowed;
        }
        throw bad(alias, p, v, "one of " + String.join(", ", p.valueSet()));
    }

    private static void checkInterval(String alias, ParameterDescriptor p, String text, double v) {
        if (p.interval() != null && !p.interval().contains(v)) {
            throw bad(alias, p, text, "a value in " + p.interval() + (p.unit().isEmpty() ? "" : " " + p.unit()));
        }
    }

    private static Ai4cException bad(String alias, ParameterDescriptor p, String value, String expected) {
        return Ai4cException.usage(String.format(Locale.ROOT, "%s: invalid value \"%s\" for %s: expected %s.",
                alias, value, p.option(), expected));
    }

    @Override
    public String toString() {
        return alias + values;
    }
}
