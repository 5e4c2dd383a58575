package eu.ai4c.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar the executors of a cluster get ({@code ai4c-cli-<version>-executor.jar}, built by
 * {@code ai4c-cli}): one jar with the command line, the engine and their libraries, no Spark and
 * no SLF4J binding (the cluster brings both), every service registered, and it runs the command
 * on its own: {@code java -jar … list} lists the same services as the command line's own jar
 * with its {@code lib/} folder.
 */
class ExecutorJarTest {
    @Test
    void oneJarWithEveryServiceAndNoSpark() throws Exception {
        Path cliTarget = Path.of("").toAbsolutePath().resolveSibling("ai4c-cli").resolve("target");
        Path jar = find(cliTarget, "-executor.jar");
        Path plain = find(cliTarget, ".jar");
        // built by 'mvn verify' (ai4c-cli is packaged before this module is tested); a test-phase build has no jars
        assumeTrue(jar != null || plain != null, "ai4c-cli is not packaged in this build");
        assertTrue(jar != null && plain != null, "ai4c-cli was packaged without its executor jar in " + cliTarget);

        try (ZipFile z = new ZipFile(jar.toFile())) {
            assertTrue(z.getEntry("eu/ai4c/cli/Main.class") != null);
            assertTrue(z.getEntry("eu/ai4c/kit/op/OperatorRegistry.class") != null);
            assertFalse(z.stream().anyMatch(e -> e.getName().startsWith("org/apache/spark/")), "no Spark inside");
            assertFalse(z.stream().anyMatch(e -> e.getName().startsWith("scala/")), "no Scala inside");
            assertFalse(z.stream().anyMatch(e -> e.getName().startsWith("org/slf4j/simple/")), "no SLF4J binding");
            String services = new String(z.getInputStream(z.getEntry("META-INF/services/eu.ai4c.kit.op.Operator"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(services.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count(),
                    services.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).distinct().count());
        }

        TreeSet<String> listed = services(jar);
        assertTrue(listed.containsAll(List.of("S1-GRD-preprocess", "unet", "humanfeatures-query", "era5-extract")), listed.toString());
        assertEquals(services(plain), listed, "the executor jar offers what the command line's own jar offers");
    }

    /** The service names {@code java -jar JAR list} prints. */
    private static TreeSet<String> services(Path jar) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "list").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java -jar " + jar + " list ended");
        assertEquals(0, p.exitValue(), out);
        TreeSet<String> listed = new TreeSet<>();
        for (String line : out.lines().toList()) if (!line.isBlank() && !line.startsWith(" ")) listed.add(line.split("\\s+")[0]);
        return listed;
    }

    private static Path find(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return null;
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("ai4c-cli-") && n.endsWith(suffix))
                    .filter(n -> suffix.contains("-") || !n.matches(".*-(executor|sources|tests|javadoc)\\.jar"))
                    .forEach(n -> found.add(dir.resolve(n)));
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
