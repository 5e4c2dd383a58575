package eu.ai4c.vector.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.Tools;
import eu.ai4c.vector.io.GeoJsonFeatureReader;
import eu.ai4c.vector.io.VectorRecord;
import eu.ai4c.vector.schema.FeatureSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/**
 * Old-style multipolygons (tags on the outer way, the relation tagged only type=multipolygon),
 * planted beside look-alikes that are not old-style, compared with GDAL's OSM driver on the same
 * file: which relations take the way's tags, which ways stay areas of their own, and the areas.
 */
class OldStyleMultipolygonTest {
    @TempDir
    Path dir;

    /** Four 0.01° squares with a hole each: relation 1000 old-style; 2000 has a tag of its own; 3000's way has an empty role; 4000 has two outer ways. */
    static String planted() {
        StringBuilder x = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='test'>\n");
        StringBuilder ways = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        for (int k = 1; k <= 4; k++) {
            double lon = 1 + 0.1 * k;
            long n = 100L * k;
            double[][] outer = {{lon, 42}, {lon + 0.01, 42}, {lon + 0.01, 42.01}, {lon, 42.01}};
            double[][] inner = {{lon + 0.004, 42.004}, {lon + 0.006, 42.004}, {lon + 0.006, 42.006}, {lon + 0.004, 42.006}};
            for (int i = 0; i < 4; i++) {
                x.append(String.format(java.util.Locale.ROOT, " <node id='%d' version='1' lon='%.3f' lat='%.3f'/>%n", n + i, outer[i][0], outer[i][1]));
            }
            for (int i = 0; i < 4; i++) {
                x.append(String.format(java.util.Locale.ROOT, " <node id='%d' version='1' lon='%.3f' lat='%.3f'/>%n", n + 10 + i, inner[i][0], inner[i][1]));
            }
            long way = 1000L * k;
            String tags = "<tag k='landuse' v='residential'/><tag k='name' v='Quarter " + k + "'/>";
            if (k == 4) {
                ways.append(String.format(" <way id='%d' version='1'><nd ref='%d'/><nd ref='%d'/><nd ref='%d'/>%s</way>%n", way, n, n + 1, n + 2, tags));
                ways.append(String.format(" <way id='%d' version='1'><nd ref='%d'/><nd ref='%d'/><nd ref='%d'/>%s</way>%n", way + 2, n + 2, n + 3, n, tags));
            } else {
                ways.append(String.format(" <way id='%d' version='1'><nd ref='%d'/><nd ref='%d'/><nd ref='%d'/><nd ref='%d'/><nd ref='%d'/>%s</way>%n",
                        way, n, n + 1, n + 2, n + 3, n, tags));
            }
            ways.append(String.format(" <way id='%d' version='1'><nd ref='%d'/><nd ref='%d'/><nd ref='%d'/><nd ref='%d'/><nd ref='%d'/></way>%n",
                    way + 1, n + 10, n + 11, n + 12, n + 13, n + 10));
            rels.append(String.format(" <relation id='%d' version='3'><member type='way' ref='%d' role='%s'/>", way, way, k == 3 ? "" : "outer"));
            if (k == 4) rels.append(String.format("<member type='way' ref='%d' role='outer'/>", way + 2));
            rels.append(String.format("<member type='way' ref='%d' role='inner'/><tag k='type' v='multipolygon'/>%s</relation>%n",
                    way + 1, k == 2 ? "<tag k='name' v='Named relation'/>" : ""));
        }
        return x.append(ways).append(rels).append("</osm>\n").toString();
    }

    @Test
    void oldStyleRelationsTakeTheOuterWayTagsAsGdalDoes() throws Exception {
        Path osm = Files.writeString(dir.resolve("oldstyle.osm"), planted());
        FeatureExtractor x = new FeatureExtractor(List.of(FeatureSchema.builtIn().get("built_up")));
        Map<String, Geometry> ours = new HashMap<>();
        Map<String, Object> names = new HashMap<>();
        x.extract(osm, f -> {
            ours.put(f.osmType() + "/" + f.osmId(), f.geometry());
            names.put(f.osmType() + "/" + f.osmId(), f.attributes()[0]);
        }, ProcessingContext.defaults());

        // GDAL: the multipolygons layer, features with landuse=residential
        Path gdalOut = dir.resolve("gdal.geojson");
        Tools.run(List.of("ogr2ogr", "-f", "GeoJSON", gdalOut.toString(), osm.toString(), "multipolygons", "-where",
                "landuse = 'residential'"));
        Map<String, Geometry> theirs = new HashMap<>();
        for (VectorRecord f : GeoJsonFeatureReader.read(gdalOut)) {
            Map<String, String> p = f.attributes();
            String key = p.get("osm_id") != null ? "relation/" + p.get("osm_id") : "way/" + p.get("osm_way_id");
            theirs.put(key, f.geometry());
        }
        // the old-style relation 1000 is an area with its hole and the way's name; way 1000 is not an area of its own
        assertTrue(ours.containsKey("relation/1000"), ours.keySet().toString());
        assertEquals("Quarter 1", names.get("relation/1000"));
        assertEquals(0.01 * 0.01 - 0.002 * 0.002, ours.get("relation/1000").getArea(), 1e-12);
        assertTrue(theirs.containsKey("relation/1000"), "GDAL makes the same: " + theirs.keySet());
        assertEquals(theirs.get("relation/1000").getArea(), ours.get("relation/1000").getArea(), 1e-12);
        assertTrue(!ours.containsKey("way/1000") && !theirs.containsKey("way/1000"));
        // a relation with a tag of its own, or whose way has no outer role, or with two outer ways, does not take tags
        for (String r : List.of("relation/2000", "relation/3000", "relation/4000")) {
            assertTrue(!ours.containsKey(r) && !theirs.containsKey(r), r);
        }
        // way 3000 (empty role) stays an area of its own in both; 2000's outer way differs (GDAL drops
        // every outer way of a relation with tags, osmium and we keep it: see the README)
        assertTrue(ours.containsKey("way/3000") && theirs.containsKey("way/3000"), ours.keySet() + " vs " + theirs.keySet());
        assertTrue(ours.containsKey("way/2000"), "kept as osmium does");
        assertEquals(3, ours.size(), ours.keySet().toString());
    }
}
