package eu.ai4c.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validation of STAC JSON against JSON schemas in {@code testdata/fixtures/stac-schemas} that state
 * the rules of STAC 1.0.0 (Item, Collection, Catalog) and of the projection v2.0.0 and processing
 * v1.2.0 extensions, written for these tests from the specifications (the official schema files are
 * not copied into the project). The extensions' published schema URLs are mapped to those files,
 * so nothing is fetched. An Item is checked against the Item schema and against the schema of each
 * extension it lists in {@code stac_extensions}, as STAC validators do. Thread-safe.
 */
public final class StacSchemas {
    private static final String STAC = "https://schemas.stacspec.org/v1.0.0/";
    private static final String PROJECTION = "https://stac-extensions.github.io/projection/v2.0.0/schema.json";
    private static final String PROCESSING = "https://stac-extensions.github.io/processing/v1.2.0/schema.json";
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static volatile JsonSchemaFactory factory;

    private StacSchemas() {
    }

    /** Messages of every schema violation of a STAC Item (empty when valid). */
    public static List<String> itemErrors(JsonNode item) {
        List<String> errors = errors(STAC + "item-spec/json-schema/item.json", item);
        for (JsonNode ext : item.path("stac_extensions")) errors.addAll(errors(ext.asText(), item));
        return errors;
    }

    /** Messages of every schema violation of a STAC Collection. */
    public static List<String> collectionErrors(JsonNode collection) {
        List<String> errors = errors(STAC + "collection-spec/json-schema/collection.json", collection);
        for (JsonNode ext : collection.path("stac_extensions")) errors.addAll(errors(ext.asText(), collection));
        return errors;
    }

    /** Messages of every schema violation of a STAC Catalog. */
    public static List<String> catalogErrors(JsonNode catalog) {
        return errors(STAC + "catalog-spec/json-schema/catalog.json", catalog);
    }

    private static List<String> errors(String schemaUrl, JsonNode node) {
        JsonSchema schema = CACHE.computeIfAbsent(schemaUrl, u -> factory().getSchema(SchemaLocation.of(u),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                        // lazily: the projection schema refers to the PROJJSON schema, needed only by proj:projjson
                        .preloadJsonSchema(false).build()));
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(node)) out.add(schemaUrl + ": " + m.getMessage());
        return out;
    }

    private static JsonSchemaFactory factory() {
        if (factory == null) {
            String root = Fixtures.file("stac-schemas").toUri().toString();
            factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.schemaMappers(m -> m
                    .mapPrefix(STAC + "item-spec/json-schema/item.json", root + "item.json")
                    .mapPrefix(STAC + "collection-spec/json-schema/collection.json", root + "collection.json")
                    .mapPrefix(STAC + "catalog-spec/json-schema/catalog.json", root + "catalog.json")
                    .mapPrefix(PROJECTION, root + "projection.json")
                    .mapPrefix(PROCESSING, root + "processing.json")));
        }
        return factory;
    }
}
