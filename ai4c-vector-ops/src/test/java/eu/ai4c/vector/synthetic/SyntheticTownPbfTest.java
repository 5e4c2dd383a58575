package eu.ai4c.vector.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.OsmiumCount;
import eu.ai4c.vector.Tools;
import eu.ai4c.vector.etl.FeatureExtractor;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's synthetic town PBF: osmium reads it as we do, with the same counts per class. */
class SyntheticTownPbfTest {
    @TempDir
    Path dir;

    @Test
    void osmiumReadsItAndCountsTheSame() throws Exception {
        Path pbf = dir.resolve("town.osm.pbf");
        SyntheticTownPbf.Summary s = SyntheticTownPbf.write(pbf, 20_000);
        String info = Tools.run(List.of("osmium", "fileinfo", "-e", "-g", "data.count.nodes", pbf.toString()));
        assertEquals(s.nodes(), Long.parseLong(info.strip()));
        FeatureSchema schema = FeatureSchema.builtIn();
        List<FeatureClass> classes = schema.select(List.of("road", "hospital", "fuel_station", "built_up"));
        FeatureExtractor x = new FeatureExtractor(classes);
        x.extract(pbf, f -> { }, ProcessingContext.defaults());
        for (FeatureClass c : classes) {
            long ours = x.counts().getOrDefault(c.name(), 0L);
            assertTrue(ours > 0, c.name());
            assertEquals(OsmiumCount.of(pbf, c, dir), ours, c.name());
        }
        assertEquals((long) s.grid() * s.grid(), x.counts().get("built_up"));
    }
}
