package eu.ai4c.vector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.GeometryKind;
import eu.ai4c.vector.schema.TagCondition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The independent count of a class's features: {@code osmium tags-filter} on the first condition
 * of each rule alternative, {@code osmium export} of the geometries the class takes, then the full
 * rule checked on the exported tags (osmium's filter has no "and").
 */
public final class OsmiumCount {
    private OsmiumCount() {
    }

    public static long of(Path osm, FeatureClass c, Path workDir) throws IOException {
        List<String> filter = new ArrayList<>(List.of("osmium", "tags-filter", "-O", "-o",
                workDir.resolve(c.name() + ".osm.pbf").toString(), osm.toString()));
        for (List<TagCondition> alt : c.match()) filter.add("nwr/" + alt.get(0).toOsmiumExpression());
        Tools.run(filter);
        List<String> types = new ArrayList<>();
        if (c.takes(GeometryKind.POINT)) types.add("point");
        if (c.takes(GeometryKind.LINE)) types.add("linestring");
        if (c.takes(GeometryKind.POLYGON)) types.add("polygon");
        String seq = Tools.run(List.of("osmium", "export", "-f", "geojsonseq", "-x", "print_record_separator=false",
                "-a", "type,id", "--geometry-types=" + String.join(",", types), "-o", "-",
                workDir.resolve(c.name() + ".osm.pbf").toString()));
        ObjectMapper om = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        for (String line : seq.split("\n")) {
            if (line.isBlank()) continue;
            JsonNode f = om.readTree(line);
            JsonNode props = f.get("properties");
            if (!satisfies(c, props)) continue;
            seen.add(props.get("@type").asText() + props.get("@id").asText() + f.get("geometry").get("type").asText());
        }
        return seen.size();
    }

    /** The class rule evaluated on exported GeoJSON properties (the test's own reading of the rules). */
    private static boolean satisfies(FeatureClass c, JsonNode props) {
        for (List<TagCondition> alt : c.match()) {
            boolean all = true;
            for (TagCondition t : alt) {
                JsonNode v = props.get(t.key());
                all &= v != null && (t.values().isEmpty() || t.values().contains(v.asText()) != t.negated());
            }
            if (all) return true;
        }
        return false;
    }
}
