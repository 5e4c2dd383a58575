package eu.ai4c.vector.schema;

import eu.ai4c.vector.osm.OsmTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A feature class of the human-features store (e.g. {@code airport}): its table name, title,
 * the geometries it takes, the tag rules (alternatives of conditions that must all hold) and the
 * typed attributes. Immutable.
 */
public record FeatureClass(String name, String title, Set<GeometryKind> geometries,
                           List<List<TagCondition>> match, List<AttributeMapping> attributes) {

    public FeatureClass {
        geometries = Set.copyOf(geometries);
        List<List<TagCondition>> m = new ArrayList<>();
        for (List<TagCondition> alt : match) m.add(List.copyOf(alt));
        match = List.copyOf(m);
        attributes = List.copyOf(attributes);
    }

    /** Whether an object with these tags belongs to the class. */
    public boolean matches(OsmTags tags) {
        for (List<TagCondition> alternative : match) {
            boolean all = true;
            for (TagCondition c : alternative) {
                if (!c.test(tags)) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
        }
        return false;
    }

    public boolean takes(GeometryKind kind) {
        return geometries.contains(kind);
    }

    /** The OGC geometry type name of its table: POINT, LINESTRING, MULTIPOLYGON or GEOMETRY when mixed. */
    public String geometryTypeName() {
        if (geometries.size() > 1) return "GEOMETRY";
        return switch (geometries.iterator().next()) {
            case POINT -> "POINT";
            case LINE -> "LINESTRING";
            case POLYGON -> "MULTIPOLYGON";
        };
    }

    /** The rules as text, e.g. {@code power=plant AND plant:source=solar OR …}. */
    public String describeRules() {
        List<String> alts = new ArrayList<>();
        for (List<TagCondition> alt : match) {
            alts.add(String.join(" and ", alt.stream().map(TagCondition::describe).toList()));
        }
        return String.join(" or ", alts);
    }
}
