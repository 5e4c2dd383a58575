package eu.ai4c.vector.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schema mapping from OSM to feature classes: an ordered list of {@link FeatureClass}es read
 * from a YAML document (the built-in {@code humanfeatures.yaml}, or the user's own; its format is
 * described at the top of the built-in file and in the module README). An object may belong to
 * several classes (a bridge that is also a road). Immutable.
 */
public final class FeatureSchema {
    /** The resource of the built-in schema. */
    public static final String BUILT_IN = "/eu/ai4c/vector/schema/humanfeatures.yaml";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Columns every class has; attributes may not reuse them. */
    public static final Set<String> RESERVED = Set.of("fid", "geom", "osm_type", "osm_id", "osm_version", "name",
            "name_en");

    private final Map<String, FeatureClass> classes;
    private final String source;

    private FeatureSchema(Map<String, FeatureClass> classes, String source) {
        this.classes = Collections.unmodifiableMap(classes);
        this.source = source;
    }

    /** The built-in schema. */
    public static FeatureSchema builtIn() {
        try (InputStream in = FeatureSchema.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalStateException(BUILT_IN + " is missing from the class path");
            return parse(in, "the built-in schema " + BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in schema, or {@code file} when not null. */
    public static FeatureSchema load(Path file) throws IOException {
        if (file == null) return builtIn();
        if (!Files.isRegularFile(file)) {
            throw Ai4cException.usage("The schema file " + file + " does not exist; give a YAML schema mapping "
                    + "(see the built-in humanfeatures.yaml) or leave --schema out.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, "the schema " + file);
        }
    }

    static FeatureSchema parse(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw Ai4cException.usage(source + " is not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
                    + "). Fix the file.");
        }
        JsonNode list = root == null ? null : root.get("classes");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw Ai4cException.usage(source + " has no 'classes' list. Give a YAML document with classes: [...].");
        }
        Map<String, FeatureClass> classes = new LinkedHashMap<>();
        for (JsonNode c : list) {
            FeatureClass fc = parseClass(c, source);
            if (classes.put(fc.name(), fc) != null) {
                throw Ai4cException.usage(source + " declares the class " + fc.name() + " twice. Rename one.");
            }
        }
        return new FeatureSchema(classes, source);
    }

    private static FeatureClass parseClass(JsonNode c, String source) {
        String name = text(c, "name", source, "a class");
        String where = source + ", class " + name;
        if (!TABLE_NAME.matcher(name).matches()) {
            throw Ai4cException.usage(where + ": the name must be lower case letters, digits and _ (a table name).");
        }
        String title = c.has("title") ? c.get("title").asText() : name;
        Set<GeometryKind> kinds = EnumSet.noneOf(GeometryKind.class);
        JsonNode g = c.get("geometry");
        if (g == null) throw Ai4cException.usage(where + " has no geometry; give one or more of point, line, polygon.");
        for (JsonNode k : g.isArray() ? g : List.of(g)) {
            try {
                kinds.add(GeometryKind.valueOf(k.asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Ai4cException.usage(where + ": unknown geometry \"" + k.asText() + "\"; use point, line or polygon.");
            }
        }
        if (kinds.contains(GeometryKind.LINE) && kinds.contains(GeometryKind.POLYGON)) {
            throw Ai4cException.usage(where + " takes both line and polygon: a closed way would then be two features. "
                    + "Split it into two classes.");
        }
        JsonNode m = c.get("match");
        if (m == null || !m.isArray() || m.isEmpty()) {
            throw Ai4cException.usage(where + " has no match list; give e.g. match: [{aeroway: aerodrome}].");
        }
        List<List<TagCondition>> match = new ArrayList<>();
        for (JsonNode alt : m) {
            if (!alt.isObject() || alt.isEmpty()) {
                throw Ai4cException.usage(where + ": each match alternative is a map of key: value conditions.");
            }
            List<TagCondition> conds = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = alt.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                conds.add(TagCondition.parse(e.getKey(), e.getValue().asText()));
            }
            match.add(conds);
        }
        List<AttributeMapping> attributes = new ArrayList<>();
        JsonNode a = c.get("attributes");
        if (a != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String column = e.getKey();
                if (!TABLE_NAME.matcher(column).matches() || RESERVED.contains(column)) {
                    throw Ai4cException.usage(where + ": the attribute name " + column + " is "
                            + (RESERVED.contains(column) ? "reserved" : "not lower case letters, digits and _") + ".");
                }
                String tag = text(e.getValue(), "tag", where, "attribute " + column);
                String typeName = e.getValue().has("type") ? e.getValue().get("type").asText() : "text";
                AttributeType type;
                try {
                    type = AttributeType.valueOf(typeName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw Ai4cException.usage(where + ": attribute " + column + " has the unknown type " + typeName
                            + "; use text, integer, real, power, voltage or length.");
                }
                attributes.add(new AttributeMapping(column, List.of(tag.split("\\|")), type));
            }
        }
        return new FeatureClass(name, title, kinds, match, attributes);
    }

    private static String text(JsonNode n, String field, String where, String what) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw Ai4cException.usage(where + ": " + what + " has no " + field + ".");
        }
        return v.asText();
    }

    /** The classes in schema order. */
    public List<FeatureClass> classes() {
        return List.copyOf(classes.values());
    }

    /** The class named {@code name}, or null. */
    public FeatureClass get(String name) {
        return classes.get(name);
    }

    /**
     * The classes named, in the order given; all when {@code names} is empty.
     *
     * @throws Ai4cException (usage) naming an unknown class and listing the known ones
     */
    public List<FeatureClass> select(List<String> names) {
        if (names == null || names.isEmpty()) return classes();
        List<FeatureClass> out = new ArrayList<>();
        for (String n : names) {
            FeatureClass c = classes.get(n.strip());
            if (c == null) {
                throw Ai4cException.usage("Unknown feature class \"" + n.strip() + "\"; known classes are "
                        + String.join(", ", classes.keySet()) + ".");
            }
            if (!out.contains(c)) out.add(c);
        }
        return out;
    }

    /** Where the schema came from, for messages. */
    public String source() {
        return source;
    }
}
