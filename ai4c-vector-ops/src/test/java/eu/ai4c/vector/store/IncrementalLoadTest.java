package eu.ai4c.vector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.schema.FeatureSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading more data into a store: another region appends, a newer version replaces, an older one is ignored. */
class IncrementalLoadTest {
    @TempDir
    Path dir;

    private static String osm(long id, int version, String name, double lon) {
        return "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n<node id=\"" + id + "\" version=\"" + version
                + "\" lat=\"42.5\" lon=\"" + lon + "\"><tag k=\"amenity\" v=\"hospital\"/><tag k=\"name\" v=\"" + name
                + "\"/></node>\n</osm>\n";
    }

    @Test
    void appendsReplacesByVersionAndNeverDuplicates() throws Exception {
        Path store = dir.resolve("s.gpkg");
        var classes = FeatureSchema.builtIn().select(List.of("hospital"));
        Path a = Files.writeString(dir.resolve("a.osm"), osm(1, 3, "Old", 1.5));
        Path b = Files.writeString(dir.resolve("b.osm"), osm(2, 1, "Other region", 2.5));
        Path newer = Files.writeString(dir.resolve("c.osm"), osm(1, 4, "New", 1.6));
        Path older = Files.writeString(dir.resolve("d.osm"), osm(1, 2, "Ancient", 1.7));
        assertEquals(1L, StoreLoader.load(a, store, classes, ProcessingContext.defaults()).stored().get("hospital"));
        assertEquals(2L, StoreLoader.load(b, store, classes, ProcessingContext.defaults()).stored().get("hospital"));
        StoreLoader.Result r = StoreLoader.load(newer, store, classes, ProcessingContext.defaults());
        assertEquals(1L, r.inserted().get("hospital"));
        assertEquals(2L, r.stored().get("hospital"));
        r = StoreLoader.load(older, store, classes, ProcessingContext.defaults());
        assertEquals(0L, r.inserted().get("hospital"));
        try (Connection c = GeoPackageFile.connect(store, true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT h.name, h.osm_version, r.minx FROM hospital h JOIN rtree_hospital_geom r "
                     + "ON r.id = h.fid WHERE h.osm_id = 1")) {
            rs.next();
            assertEquals("New", rs.getString(1));
            assertEquals(4, rs.getInt(2));
            assertEquals(1.6, rs.getDouble(3), 1e-6, "the R-tree follows the moved node");
        }
        try (FeatureStore fs = FeatureStore.open(store, 1)) {
            long[] n = {0};
            fs.query("hospital", eu.ai4c.vector.query.QueryArea.bbox("1.55,42.4,1.65,42.6"), false, f -> {
                n[0]++;
                return true;
            });
            assertEquals(1, n[0], "found at its new place");
        }
    }
}
