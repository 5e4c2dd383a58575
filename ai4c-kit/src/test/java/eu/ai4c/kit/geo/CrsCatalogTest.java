package eu.ai4c.kit.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The EPSG catalogue that CRS choosers search: codes and names from the embedded database, a code
 * typed exactly comes first, words narrow the list; every entry is a CRS the services accept.
 */
class CrsCatalogTest {
    @Test
    void searchByCodeAndByWords() {
        assertTrue(CrsCatalog.all().size() > 4000, "the EPSG database's CRS: " + CrsCatalog.all().size());
        CrsCatalog.Entry utm32 = CrsCatalog.search("32632", 10).get(0);
        assertEquals("EPSG:32632", utm32.code());
        assertEquals("WGS 84 / UTM zone 32N", utm32.name());
        List<CrsCatalog.Entry> laea = CrsCatalog.search("laea europe", 50);
        assertTrue(laea.stream().anyMatch(e -> e.code().equals("EPSG:3035")), laea.toString());
        List<CrsCatalog.Entry> utm = CrsCatalog.search("WGS 84 utm zone 33n", 50);
        assertTrue(utm.stream().anyMatch(e -> e.code().equals("EPSG:32633")), utm.toString());
        for (CrsCatalog.Entry e : utm) assertTrue(e.name().toLowerCase().contains("utm zone 33n"), e.toString());
        assertEquals(7, CrsCatalog.search("", 7).size(), "an empty query lists the first entries");
        // what the chooser fills in is accepted by the services
        assertEquals(32632, Projections.epsgCode(Projections.parse(utm32.code(), 9, 45)).getAsInt());
    }
}
