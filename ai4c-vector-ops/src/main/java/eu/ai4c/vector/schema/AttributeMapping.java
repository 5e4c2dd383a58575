package eu.ai4c.vector.schema;

import eu.ai4c.vector.osm.OsmTags;
import java.util.List;

/**
 * One typed attribute of a feature class: its column name and the OSM keys it is taken from
 * (the first key present wins).
 */
public record AttributeMapping(String column, List<String> keys, AttributeType type) {

    public AttributeMapping {
        keys = List.copyOf(keys);
    }

    /** The raw tag value (first key present), or null. */
    public String raw(OsmTags tags) {
        for (String k : keys) {
            String v = tags.get(k);
            if (v != null) return v;
        }
        return null;
    }
}
