package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.synthetic.FieldScene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs stay atomic when the CLI process is stopped from outside in the middle of writing: the
 * real {@code ai4c Warp} runs in its own JVM on a synthetic scene, and is stopped as soon as its
 * temporary output appears. After SIGKILL no file exists under the final name (the temporary may
 * stay: nothing can run in a killed process) and the next run succeeds and deletes the leftover;
 * after SIGTERM the shutdown hook leaves neither output nor temporary.
 */
class HardKillTest {
    @TempDir
    static Path dir;
    static Path input;

    @BeforeAll
    static void scene() throws IOException {
        input = dir.resolve("scene.tif");
        // writing it again warped takes about a second on one thread: the stop lands mid-write
        ProductIO.writer("GeoTIFF").write(Product.of("scene", FieldScene.nearRome(1200, 1000, 1)), input,
                ProcessingContext.defaults());
    }

    @Test
    void afterSigkillNoOutputExistsAndTheRerunCleansUp() throws Exception {
        Path out = Files.createDirectories(dir.resolve("kill")).resolve("warped.tif");
        Process p = start(out, "kill-1.log", "--threads", "1");
        Path leftover = awaitTemporary(p, out);
        p.destroyForcibly(); // SIGKILL: no hook, no cleanup in the process
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(out), "no file under the final name after SIGKILL");
        assertTrue(Files.exists(leftover), "the killed process could not delete its temporary");

        Process again = start(out, "kill-2.log", "--threads", "2");
        assertTrue(again.waitFor(5, TimeUnit.MINUTES), "rerun timed out");
        assertEquals(0, again.exitValue(), Files.readString(out.resolveSibling("kill-2.log")));
        Raster r = ProductIO.read(out).raster();
        assertEquals(1, r.bands().size());
        assertTrue(r.width() > 1000 && r.height() > 800, r.width() + " x " + r.height());
        assertFalse(Files.exists(leftover), "the rerun deleted the killed run's temporary");
        assertEquals(List.of(), temporaries(out), "no temporary left after the rerun");
    }

    @Test
    void afterSigtermNeitherOutputNorTemporaryRemains() throws Exception {
        Path out = Files.createDirectories(dir.resolve("term")).resolve("warped.tif");
        Process p = start(out, "term.log", "--threads", "1");
        awaitTemporary(p, out);
        p.destroy(); // SIGTERM: the shutdown hook cancels the run and deletes its temporaries
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the terminated run exits");
        assertFalse(Files.exists(out), "no output after SIGTERM");
        assertEquals(List.of(), temporaries(out), "no temporary after SIGTERM: " + Files.readString(
                out.resolveSibling("term.log")));
    }

    /** {@code ai4c Warp} (UTM → WGS84) in a new JVM, its messages to {@code log}. */
    private static Process start(Path out, String log, String... options) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "eu.ai4c.cli.Main", "Warp", "--input", input.toString(), "--output_path", out.toString(), "--quiet"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(log).toFile()).start();
    }

    /** Waits for the run's temporary output to appear; the run must still be going then. */
    private static Path awaitTemporary(Process p, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            List<Path> t = temporaries(out);
            if (!t.isEmpty()) {
                assertTrue(p.isAlive(), "the run ended before it could be stopped mid-write");
                return t.get(0);
            }
            assertTrue(p.isAlive(), () -> "the run ended before its temporary output was seen (exit "
                    + p.exitValue() + ")");
            Thread.sleep(5);
        }
        p.destroyForcibly();
        throw new AssertionError("no temporary output within 2 minutes");
    }

    private static List<Path> temporaries(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.filter(f -> f.getFileName().toString().startsWith("." + out.getFileName() + ".partial-")).toList();
        }
    }
}
