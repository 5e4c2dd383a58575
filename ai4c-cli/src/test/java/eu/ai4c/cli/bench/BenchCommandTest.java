package eu.ai4c.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.cli.Cli;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void listShowsBuiltInBenchmark() {
        Cli c = Cli.run("bench", "list");
        assertEquals(0, c.exit(), c.toString());
        java.util.List<String> lines = c.out().lines().toList();
        for (String name : java.util.List.of("geotiff-write", "tile-engine", "warp-utm")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(name + "  ")), name + " listed\n" + c);
        }
        assertEquals(BenchRegistry.all().size(), lines.size(), c.toString());
    }

    @Test
    void tileEngineBenchmarkPrintsOneJsonLine() throws IOException {
        Cli c = Cli.run("bench", "tile-engine", "--size", "1100", "--threads", "2");
        assertEquals(0, c.exit(), c.toString());
        String[] lines = c.out().strip().split("\n");
        assertEquals(1, lines.length, c.toString());
        JsonNode j = new ObjectMapper().readTree(lines[0]);
        assertEquals("tile-engine", j.get("name").asText());
        assertEquals("1100x1100x4 uint16", j.get("input").asText());
        assertEquals("single-thread", j.get("peer").asText());
        double s = j.get("seconds").asDouble(), p = j.get("peer_seconds").asDouble();
        assertTrue(s > 0 && p > 0, lines[0]);
        // the JSON rounds every field to 4 decimals: bound the ratio's error by that rounding of s and p
        double roundingBound = s / p * (5e-5 / s + 5e-5 / p) * 1.01 + 5e-5;
        assertEquals(s / p, j.get("ratio").asDouble(), roundingBound);
        assertEquals(9, j.get("tiles").asInt(), "3x3 tiles of 512");
        assertEquals(2, j.get("threads").asInt());
        assertTrue(j.has("peak_rss_mib") && j.has("peak_heap_mb") && j.has("gc_count"), lines[0]);
    }

    @Test
    void unknownBenchmarkIsUsageError() {
        Cli c = Cli.run("bench", "warp-everything");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("tile-engine"), c.toString());
    }

    @Test
    void unknownOrMalformedOptionIsUsageErrorNamingTheKnownOnes() {
        Cli typo = Cli.run("bench", "terrain-correction", "--size", "300", "-Pstrid=2");
        assertEquals(2, typo.exit(), typo.toString());
        assertTrue(typo.err().contains("-Pstrid") && typo.err().contains("[stride]"), typo.toString());
        Cli none = Cli.run("bench", "tile-engine", "--size", "300", "-Pzlevel=6");
        assertEquals(2, none.exit(), none.toString());
        assertTrue(none.err().contains("it takes none"), none.toString());
        Cli bad = Cli.run("bench", "aoi-mask", "--size", "300", "-Pvertices=2");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("-Pvertices=2: expected a whole number of at least 3"), bad.toString());
    }

    @Test
    void resultJsonOmitsPeerFieldsWithoutPeer() {
        BenchResult r = new BenchResult("x", "1x1x1 uint8", 1.23456, null, Double.NaN, Map.of("k", 1));
        assertEquals("{\"name\":\"x\",\"input\":\"1x1x1 uint8\",\"seconds\":1.2346,\"k\":1}", r.toJson());
        BenchResult p = new BenchResult("x", "i", 2, "gdalwarp", 4, Map.of());
        assertEquals(0.5, p.ratio());
        assertTrue(p.toJson().contains("\"peer\":\"gdalwarp\",\"peer_seconds\":4.0,\"ratio\":0.5"), p.toJson());
    }
}
