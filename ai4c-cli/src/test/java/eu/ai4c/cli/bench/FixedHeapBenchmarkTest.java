package eu.ai4c.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.cli.Cli;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.synthetic.FieldScene;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of {@code bench fixed-heap} that decide pass or fail: the GC log's peak heap, the
 * read-back of an output, and a service out of its heap failing its row and the run. (Every
 * service's tiny run passing is in {@link BenchEveryEntryTest}.)
 */
class FixedHeapBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void gcLogGivesPeakHeapInUsePausesAndHeapAtExit() {
        GcLog g = GcLog.parse(List.of(
                "[0.012s][info][gc] Using G1",
                "[0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.500ms",
                "[0.900s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 180M->150M(512M) 4.250ms",
                "[0.950s][info][gc] GC(2) Concurrent Mark Cycle 12.000ms",
                "[1.300s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 1536M->1200M(2048M) 120.125ms",
                "[2.000s][info][gc,heap,exit] Heap",
                "[2.000s][info][gc,heap,exit]  garbage-first heap   total 2097152K, used 409600K [0x80000000, 0x100000000)",
                "[2.000s][info][gc,heap,exit]  Metaspace       used 20480K, committed 20992K, reserved 1114112K"));
        assertEquals(1536, g.peakMiB(), "the largest heap in use when a collection started");
        assertEquals(1200, g.peakLiveMiB(), "the largest heap still in use after a collection");
        assertEquals(400, g.exitMiB(), "409600K in use at exit");
        assertEquals(3, g.pauses(), "the concurrent cycle is not a pause");
        assertEquals((2.5 + 4.25 + 120.125) / 1000, g.pauseSeconds(), 1e-12);
        assertEquals(-1, GcLog.parse(List.of()).peakMiB(), "no log: unknown, not 0");
    }

    @Test
    void outputIsReadBackAndATruncatedOneIsIncomplete() throws IOException {
        Path f = dir.resolve("scene.tif");
        ProductIO.writer("GeoTIFF").write(Product.of("scene", FieldScene.nearRome(1100, 900, 2)), f,
                ProcessingContext.defaults());
        assertEquals("1100x900x2 uint16", FixedHeapBenchmark.raster(f, 1100, 1100, 900, 900, 2));
        Exception size = assertThrows(RuntimeException.class, () -> FixedHeapBenchmark.raster(f, 1200, 1200, 900, 900, 2));
        assertTrue(size.getMessage().contains("expected width 1200..1200"), size.getMessage());
        // a writer stopped part-way: the last tiles are not in the file
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        assertThrows(Exception.class, () -> FixedHeapBenchmark.raster(f, 1100, 1100, 900, 900, 2));
    }

    @Test
    void serviceOutOfItsHeapFailsItsRowAndTheRun() throws IOException {
        Cli c = Cli.run("bench", "fixed-heap", "--size", "1100", "-Pservices=Speckle-Filter", "-Pheap=12m", "--threads", "2",
                "--work-dir", dir.toString());
        assertEquals(1, c.exit(), c.toString());
        JsonNode j = new ObjectMapper().readTree(c.out().strip());
        assertEquals("Speckle-Filter", j.get("service").asText());
        assertEquals("12m", j.get("heap").asText());
        assertFalse(j.get("pass").asBoolean(), c.toString());
        assertTrue(j.get("message").asText().contains("OutOfMemoryError"), c.toString());
        assertTrue(j.get("peak_rss_mib").asLong() > 0 && j.get("seconds").asDouble() > 0, c.toString());
        assertTrue(Files.exists(dir.resolve("fixed-heap/Speckle-Filter/stderr.txt")), "the child's messages are kept");
    }

    @Test
    void unknownServiceIsAUsageErrorNamingTheKnownOnes() {
        Cli c = Cli.run("bench", "fixed-heap", "-Pservices=Warp,Nope", "--work-dir", dir.toString());
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("Nope") && c.err().contains("S2-CD"), c.toString());
    }
}
