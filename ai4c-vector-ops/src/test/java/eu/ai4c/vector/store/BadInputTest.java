package eu.ai4c.vector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.vector.osm.OsmFormatException;
import eu.ai4c.vector.schema.FeatureSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs give a message naming the input, the problem and the fix, and leave nothing behind. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void truncatedPbfIsRefusedAndNoStoreIsLeft() throws Exception {
        byte[] all = Files.readAllBytes(Fixtures.file("osm/andorra.osm.pbf"));
        Path cut = Files.write(dir.resolve("cut.osm.pbf"), Arrays.copyOf(all, all.length / 2));
        Path store = dir.resolve("f.gpkg");
        OsmFormatException e = assertThrows(OsmFormatException.class,
                () -> StoreLoader.load(cut, store, FeatureSchema.builtIn().classes(), ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains("cut.osm.pbf is truncated") && e.getMessage().contains("again"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(cut), files.toList(), "nothing written beside the input");
        }
    }

    @Test
    void aStoreThatIsNotAGeoPackageIsRefusedUntouched() throws Exception {
        Path notGpkg = Files.writeString(dir.resolve("notes.gpkg"), "just text");
        Ai4cException e = assertThrows(Ai4cException.class, () -> StoreLoader.load(Fixtures.file("osm/andorra.osm.pbf"),
                notGpkg, FeatureSchema.builtIn().classes(), ProcessingContext.defaults()));
        assertTrue(e.isUsageError() && e.getMessage().contains("notes.gpkg is not a GeoPackage"), e.getMessage());
        assertEquals("just text", Files.readString(notGpkg));
    }

    @Test
    void aFileThatIsNotOsmIsRefused() throws Exception {
        Path bogus = Files.writeString(dir.resolve("x.osm"), "<gpx/>");
        Ai4cException e = assertThrows(Ai4cException.class, () -> StoreLoader.load(bogus, dir.resolve("s.gpkg"),
                FeatureSchema.builtIn().classes(), ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains("root element is <gpx>"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("s.gpkg")));
    }

    @Test
    void nodesAfterWaysAreRefusedWithTheFix() throws Exception {
        Path unsorted = Files.writeString(dir.resolve("u.osm"), "<osm version=\"0.6\"><node id=\"1\" lat=\"1\" lon=\"1\"/>"
                + "<way id=\"1\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"primary\"/></way>"
                + "<node id=\"2\" lat=\"1\" lon=\"2\"/></osm>");
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> StoreLoader.load(unsorted,
                dir.resolve("s.gpkg"), FeatureSchema.builtIn().classes(), ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains("is not sorted") && e.getMessage().contains("osmium sort"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("s.gpkg")));
    }

    @Test
    void unknownClassesAndBadSchemasAreNamed() throws Exception {
        Ai4cException e = assertThrows(Ai4cException.class, () -> FeatureSchema.builtIn().select(List.of("airport", "spaceport")));
        assertTrue(e.getMessage().contains("\"spaceport\"") && e.getMessage().contains("airport, helipad"), e.getMessage());
        Path yaml = Files.writeString(dir.resolve("s.yaml"), "classes:\n  - name: quay\n    geometry: [line, polygon]\n"
                + "    match: [{man_made: quay}]\n");
        e = assertThrows(Ai4cException.class, () -> FeatureSchema.load(yaml));
        assertTrue(e.getMessage().contains("class quay takes both line and polygon"), e.getMessage());
    }
}
