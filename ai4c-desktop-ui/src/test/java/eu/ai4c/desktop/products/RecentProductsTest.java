package eu.ai4c.desktop.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Open Recent Product's list: most recent first, ten at most, no duplicates, gone files left out. */
class RecentProductsTest {

    @Test
    void mostRecentFirstTenAtMost(@TempDir Path dir) throws Exception {
        MemoryPreferences prefs = new MemoryPreferences();
        RecentProducts recent = new RecentProducts(prefs);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) files.add(Files.createFile(dir.resolve("p" + i + ".tif")));
        int[] changes = new int[1];
        recent.addListener(() -> changes[0]++);
        for (Path f : files) recent.add(f);
        assertEquals(12, changes[0]);
        List<Path> expected = new ArrayList<>();
        for (int i = 11; i >= 2; i--) expected.add(files.get(i));
        assertEquals(expected, recent.list());
        recent.add(files.get(5));
        assertEquals(files.get(5), recent.list().get(0));
        assertEquals(RecentProducts.MAX, recent.list().size(), "moved up, not listed twice");
        // kept in the preferences: a new list over the same node reads them
        assertEquals(recent.list(), new RecentProducts(prefs).list());
        Files.delete(files.get(11));
        assertEquals(RecentProducts.MAX - 1, recent.list().size(), "a deleted product is left out");
    }

    /** Preferences held in a map (the platform keeps them in the user folder). */
    private static final class MemoryPreferences extends AbstractPreferences {
        private final Map<String, String> values = new HashMap<>();

        MemoryPreferences() {
            super(null, "");
        }

        @Override protected void putSpi(String key, String value) { values.put(key, value); }
        @Override protected String getSpi(String key) { return values.get(key); }
        @Override protected void removeSpi(String key) { values.remove(key); }
        @Override protected void removeNodeSpi() { }
        @Override protected String[] keysSpi() { return values.keySet().toArray(String[]::new); }
        @Override protected String[] childrenNamesSpi() { return new String[0]; }
        @Override protected AbstractPreferences childSpi(String name) { return new MemoryPreferences(); }
        @Override protected void syncSpi() { }
        @Override protected void flushSpi() { }
    }
}
