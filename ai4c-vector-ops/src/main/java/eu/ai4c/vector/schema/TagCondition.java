package eu.ai4c.vector.schema;

import eu.ai4c.vector.osm.OsmTags;
import java.util.Set;

/**
 * One condition on an OSM tag: the key is present with any value ({@code *}), with one of a set
 * of values ({@code a|b}), or with a value outside a set ({@code !a|b}).
 *
 * @param key    the OSM key
 * @param values the listed values (empty for {@code *})
 * @param negated whether the value must be none of {@code values}
 */
public record TagCondition(String key, Set<String> values, boolean negated) {

    /** Parses a YAML value: {@code *}, {@code a|b} or {@code !a|b}. */
    public static TagCondition parse(String key, String spec) {
        String s = spec.strip();
        if (s.equals("*")) return new TagCondition(key, Set.of(), false);
        boolean neg = s.startsWith("!");
        if (neg) s = s.substring(1);
        return new TagCondition(key, Set.of(s.split("\\|")), neg);
    }

    public boolean test(OsmTags tags) {
        String v = tags.get(key);
        if (v == null) return false;
        if (values.isEmpty()) return true;
        return values.contains(v) != negated;
    }

    /** The equivalent {@code osmium tags-filter} condition (without the object-type prefix). */
    public String toOsmiumExpression() {
        if (values.isEmpty()) return key;
        return key + (negated ? "!=" : "=") + String.join(",", new java.util.TreeSet<>(values));
    }

    /** The YAML spelling. */
    public String describe() {
        if (values.isEmpty()) return key + "=*";
        return key + (negated ? "≠" : "=") + String.join("|", new java.util.TreeSet<>(values));
    }
}
