package eu.ai4c.vector.store;

import java.util.List;

/**
 * A feature class as recorded in a store ({@code humanfeatures_classes} table): what the query
 * side and the web service know without the YAML schema.
 *
 * @param name       table name
 * @param title      human-readable name
 * @param geometry   OGC geometry type name of the table (POINT, LINESTRING, MULTIPOLYGON, GEOMETRY)
 * @param rules      the OSM tag rules, as text
 * @param attributes the attribute columns, {@code name:type} (type text, integer or real)
 * @param count      number of features in the store
 */
public record StoreClass(String name, String title, String geometry, String rules, List<String> attributes,
                         long count) {
    public StoreClass {
        attributes = List.copyOf(attributes);
    }
}
