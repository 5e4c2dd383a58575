package eu.ai4c.vector.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.OsmiumCount;
import eu.ai4c.vector.SyntheticOsm;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Every class of the built-in schema on planted objects (a point, a line or a closed way, and a
 * multipolygon with a hole per rule alternative): counts equal osmium's for the same rules, in
 * .osm, .osm.gz and .osm.bz2, and the cleansing cases are repaired or dropped and counted.
 */
class SyntheticExtractTest {
    static final FeatureSchema SCHEMA = FeatureSchema.builtIn();

    @TempDir
    Path dir;

    @Test
    void everyClassMatchesOsmiumOnPlantedObjectsInEveryXmlCompression() throws Exception {
        String xml = SyntheticOsm.forSchema(SCHEMA);
        Path osm = Files.writeString(dir.resolve("planted.osm"), xml);
        Path gz = dir.resolve("planted.osm.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        Path bz2 = dir.resolve("planted.osm.bz2");
        try (OutputStream o = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
            o.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        FeatureExtractor x = new FeatureExtractor(SCHEMA.classes());
        Map<String, Geometry> relations = new HashMap<>();
        int[] named = {0};
        x.extract(osm, f -> {
            if (f.osmType().equals("relation")) relations.put(f.featureClass().name() + f.osmId(), f.geometry());
            if (f.attributes()[0] != null) {
                assertEquals("N&M", f.attributes()[0], "name unescaped into the name column");
                named[0]++;
            }
        }, ProcessingContext.defaults());
        assertTrue(named[0] >= 3 * SCHEMA.classes().size(), "named planted features: " + named[0]);
        Map<String, String> mismatches = new TreeMap<>();
        for (FeatureClass c : SCHEMA.classes()) {
            long ours = x.counts().getOrDefault(c.name(), 0L);
            assertTrue(ours >= c.match().size(), c.name() + " has a feature per rule alternative: " + ours);
            long osmium = OsmiumCount.of(osm, c, dir);
            long repaired = x.cleanseLog().count(c.name(), CleanseReason.REPAIRED_INVALID);
            if (ours != osmium + repaired) mismatches.put(c.name(), ours + " vs osmium " + osmium);
        }
        assertTrue(mismatches.isEmpty(), "counts differ from osmium: " + mismatches);
        for (Map.Entry<String, Geometry> e : relations.entrySet()) {
            Geometry g = e.getValue();
            assertTrue(g.isValid(), e.getKey());
            assertEquals(1, ((Polygon) g.getGeometryN(0)).getNumInteriorRing(), e.getKey() + " keeps its hole");
            // 0.0015² minus the hole of side 0.0015/4
            assertEquals(0.0015 * 0.0015 - 0.000375 * 0.000375, g.getArea(), 1e-12, e.getKey());
        }
        assertEquals(1, x.cleanseLog().count("built_up", CleanseReason.REPAIRED_INVALID), "bowtie repaired");
        assertEquals(1, x.cleanseLog().count("built_up", CleanseReason.UNCLOSED_RING), "open relation ring dropped");
        assertEquals(1, x.cleanseLog().count("road", CleanseReason.DEGENERATE_LINE), "one-place line dropped");
        for (Path compressed : new Path[] {gz, bz2}) {
            FeatureExtractor y = new FeatureExtractor(SCHEMA.classes());
            y.extract(compressed, f -> { }, ProcessingContext.defaults());
            assertEquals(x.counts(), y.counts(), compressed.getFileName().toString());
        }
    }
}
