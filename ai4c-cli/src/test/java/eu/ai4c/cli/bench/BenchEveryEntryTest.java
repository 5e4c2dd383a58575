package eu.ai4c.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.cli.Cli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered benchmark runs at a tiny size and prints well-formed JSON lines: name, input,
 * positive seconds, peak RSS and heap, and — for those with a peer — the peer's name, its time
 * and their ratio. A benchmark registered without an entry here fails, so none goes untested.
 */
class BenchEveryEntryTest {

    /** Tiny arguments and whether the benchmark has a peer, per benchmark name. */
    private record Tiny(List<String> args, boolean peer) {
    }

    private static final Map<String, Tiny> TINY = Map.ofEntries(
            Map.entry("aqgan-generate", new Tiny(List.of("--size", "4"), false)),
            Map.entry("aq-downscale", new Tiny(List.of("--size", "4"), true)),
            Map.entry("aqgan-train", new Tiny(List.of("--size", "4"), false)),
            Map.entry("era5-extract", new Tiny(List.of("--size", "3", "-Ppoints=5"), false)),
            Map.entry("aoi-mask", new Tiny(List.of("--size", "300", "-Pvertices=500"), true)),
            Map.entry("jp2-decode", new Tiny(List.of("--size", "300"), true)),
            Map.entry("fixed-heap", new Tiny(List.of("--size", "120", "-Pservices=Speckle-Filter,S2-CD"), false)),
            Map.entry("geotiff-read", new Tiny(List.of("--size", "300"), true)),
            Map.entry("geotiff-write", new Tiny(List.of("--size", "256"), true)),
            Map.entry("humanfeatures-etl", new Tiny(List.of("--size", "20000"), true)),
            Map.entry("humanfeatures-aoi", new Tiny(List.of("--size", "20000", "-Pqueries=5", "-Pbox=0.01"), false)),
            Map.entry("serve-load", new Tiny(List.of("-Pclients=2", "-Prequests=3"), false)),
            Map.entry("lstm-inference", new Tiny(List.of("--size", "300"), true)),
            Map.entry("monthlycomposite", new Tiny(List.of("--size", "16", "-Prows=8"), true)),
            Map.entry("s1-grd", new Tiny(List.of("--size", "300"), false)),
            Map.entry("s1-slc", new Tiny(List.of("--size", "120"), false)),
            Map.entry("s1-cd", new Tiny(List.of("--size", "200"), false)),
            Map.entry("s2-cd", new Tiny(List.of("--size", "120"), false)),
            Map.entry("s2-preprocess", new Tiny(List.of("--size", "120"), true)),
            Map.entry("speckle", new Tiny(List.of("--size", "300"), true)),
            Map.entry("terrain-correction", new Tiny(List.of("--size", "300", "-Pstride=1"), true)),
            Map.entry("tile-classifier", new Tiny(List.of("--size", "128"), false)),
            Map.entry("tile-engine", new Tiny(List.of("--size", "600"), true)),
            Map.entry("unet-predict", new Tiny(List.of("--size", "96", "-Pbackbone=resnet18", "-Ppatch=64"), true)),
            Map.entry("unet-pretrain", new Tiny(List.of("--size", "2", "-Pbackbone=resnet18", "-Ppatches=64",
                    "-Pbatch=2"), false)),
            Map.entry("unet-pretrain-gain", new Tiny(List.of("--size", "64", "-Punlabeled=2", "-Ptile=64", "-Plabelled=1",
                    "-Pheldout=1", "-Ppretrain_epochs=1", "-Pepochs=1", "-Prepeats=1"), false)),
            Map.entry("unet-train", new Tiny(List.of("--size", "2", "-Pbackbone=resnet18", "-Ppatches=64", "-Pbatch=2"),
                    false)),
            Map.entry("warp-utm", new Tiny(List.of("--size", "256"), true)));

    @TempDir
    static Path work;

    @Test
    void everyRegisteredBenchmarkHasATinyRunAndIsListed() {
        TreeSet<String> registered = new TreeSet<>();
        for (Benchmark b : BenchRegistry.all()) registered.add(b.name());
        assertEquals(new TreeSet<>(TINY.keySet()), registered, "registered benchmarks vs the tiny runs of this test: "
                + "add a tiny run here for a new benchmark");
        Cli c = Cli.run("bench", "list");
        assertEquals(0, c.exit(), c.toString());
        List<String> listed = c.out().lines().map(l -> l.substring(0, l.indexOf("  "))).toList();
        assertEquals(new ArrayList<>(registered), listed, c.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyBenchmarkPrintsWellFormedJson() {
        return BenchRegistry.all().stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> check(b.name())));
    }

    private static void check(String name) throws IOException {
        Tiny tiny = TINY.get(name);
        assertTrue(tiny != null, "no tiny run for " + name);
        List<String> args = new ArrayList<>(List.of("bench", name, "--warmup", "0", "--threads", "2",
                "--work-dir", work.resolve(name.startsWith("s1-") || name.equals("terrain-correction") ? "s1" : name)
                        .toString()));
        args.addAll(tiny.args());
        Cli c = Cli.run(args.toArray(String[]::new));
        assertEquals(0, c.exit(), c.toString());
        List<String> lines = c.out().lines().toList();
        assertFalse(lines.isEmpty(), c.toString());
        boolean main = false;
        for (String line : lines) {
            JsonNode j = new ObjectMapper().readTree(line);
            main |= j.get("name").asText().equals(name);
            assertTrue(j.get("name").asText().startsWith(name), line);
            assertFalse(j.get("input").asText().isBlank(), line);
            assertTrue(j.get("seconds").asDouble() > 0, line);
            assertTrue(j.get("peak_rss_mib").asLong() > 0, "peak RSS read from /proc: " + line);
            assertTrue(j.get("peak_heap_mb").asLong() >= 0 && j.has("gc_count"), line);
            if (j.has("peer")) {
                double s = j.get("seconds").asDouble(), p = j.get("peer_seconds").asDouble();
                assertTrue(p > 0, line);
                double roundingBound = s / p * (5e-5 / s + 5e-5 / p) * 1.01 + 5e-5;
                assertEquals(s / p, j.get("ratio").asDouble(), roundingBound, line);
            }
        }
        assertTrue(main, "a line named " + name + ":\n" + c);
        assertEquals(tiny.peer(), new ObjectMapper().readTree(lines.stream()
                .filter(l -> l.contains("\"name\":\"" + name + "\"")).findFirst().orElseThrow()).has("peer"), c.toString());
    }
}
