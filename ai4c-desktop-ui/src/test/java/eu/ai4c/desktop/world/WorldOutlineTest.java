package eu.ai4c.desktop.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The built-in world outline decodes into countries that lie where geography puts them: capitals
 * inside their own country's rings and nowhere else, open ocean outside every ring, coordinates
 * within the globe; and the TopoJSON decoding itself on a topology small enough to check by hand.
 */
class WorldOutlineTest {

    private static TreeSet<String> countriesAt(double lon, double lat) {
        TreeSet<String> ids = new TreeSet<>();
        for (WorldOutline.Country c : WorldOutline.countries()) {
            for (double[] r : c.rings()) if (LonLatRings.contains(r, lon, lat)) ids.add(c.id());
        }
        return ids;
    }

    @Test
    void capitalsLieInTheirCountriesAndTheOceansInNone() {
        List<WorldOutline.Country> countries = WorldOutline.countries();
        assertTrue(countries.size() >= 170, countries.size() + " countries");
        Map<String, double[]> capitals = Map.of("FRA", new double[] {2.35, 48.86}, "ESP", new double[] {-3.70, 40.42},
                "AUS", new double[] {149.13, -35.28}, "BRA", new double[] {-47.88, -15.79},
                "KEN", new double[] {36.82, -1.29}, "CAN", new double[] {-75.70, 45.42},
                "IND", new double[] {77.21, 28.61}, "ARG", new double[] {-58.38, -34.60});
        capitals.forEach((id, p) -> assertEquals(new TreeSet<>(List.of(id)), countriesAt(p[0], p[1]), id));
        for (double[] sea : new double[][] {{-30, 30}, {-150, 0}, {80, -20}, {-40, -40}, {170, 40}}) {
            assertEquals(new TreeSet<>(), countriesAt(sea[0], sea[1]), sea[0] + " " + sea[1]);
        }
        int points = 0;
        for (WorldOutline.Country c : countries) {
            assertEquals(3, c.id().length(), "ISO 3166-1 alpha-3 id: " + c.id());
            for (double[] r : c.rings()) {
                assertTrue(r.length >= 6, c.id() + ": a ring of " + r.length / 2 + " points");
                for (int i = 0; i < r.length; i += 2) {
                    assertTrue(r[i] >= -180 - 1e-9 && r[i] <= 180 + 1e-9, c.id() + " lon " + r[i]);
                    assertTrue(r[i + 1] >= -90 && r[i + 1] <= 84, c.id() + " lat " + r[i + 1]);
                }
                points += r.length / 2;
            }
        }
        assertTrue(points > 5000 && points < 20000, points + " points: the 1:110 m scale");
        assertEquals(points, WorldOutline.rings().stream().mapToInt(r -> r.length / 2).sum());
    }

    /**
     * Two squares sharing an edge (arc 1), quantised with scale 0.5 and translate (10, 20): arc 0 is
     * the left square's outer edge ending at the top, arc 1 the shared edge from top to bottom, arc 2
     * the right one's outer edge from the top round to the bottom; the right square takes arc 1
     * reversed ({@code ~1 = -2}), as neighbouring rings of one orientation do.
     */
    @Test
    void decodesDeltaEncodedArcsAndReversedIndices() throws IOException {
        String script = "var x = 1;\n  Datamap.prototype.worldTopo = {\"type\":\"Topology\","
                + "\"transform\":{\"scale\":[0.5,0.5],\"translate\":[10,20]},"
                + "\"arcs\":[[[2,0],[-2,0],[0,2],[2,0]],[[2,2],[0,-2]],[[2,2],[2,0],[0,-2],[-2,0]]],"
                + "\"objects\":{\"world\":{\"type\":\"GeometryCollection\",\"geometries\":["
                + "{\"type\":\"Polygon\",\"arcs\":[[0,1]],\"id\":\"AAA\"},"
                + "{\"type\":\"MultiPolygon\",\"arcs\":[[[2,-2]]],\"id\":\"BBB\"},"
                + "{\"type\":null,\"id\":\"CCC\"}]}}};\n  Datamap.prototype.usaTopo = {};";
        List<WorldOutline.Country> c = WorldOutline.decode(new StringReader(script));
        assertEquals(2, c.size(), "the null geometry has no outline");
        assertEquals("AAA", c.get(0).id());
        // left square: (11,20) (10,20) (10,21) (11,21), then the shared edge down to the start
        assertEquals(List.of(11.0, 20.0, 10.0, 20.0, 10.0, 21.0, 11.0, 21.0), boxed(c.get(0).rings().get(0)));
        assertEquals("BBB", c.get(1).id());
        // right square: (11,21) (12,21) (12,20), then the shared edge reversed, bottom to top
        assertEquals(List.of(11.0, 21.0, 12.0, 21.0, 12.0, 20.0, 11.0, 20.0), boxed(c.get(1).rings().get(0)));
        assertThrows(IOException.class, () -> WorldOutline.decode(new StringReader("var nothing = {};")));
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
