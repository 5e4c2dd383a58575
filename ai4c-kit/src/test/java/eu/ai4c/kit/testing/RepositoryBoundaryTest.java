package eu.ai4c.kit.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's check that tests read nothing outside the repository: a fresh clone with nothing
 * beside it must pass. Scans the test sources and test resources of every module for paths that
 * leave the checkout (a sibling {@code ../shared} folder, fixture folders other than
 * {@code testdata/}, climbs of two or more levels, absolute home or work folders), and checks
 * that {@link Fixtures} refuses a path that leaves it.
 */
class RepositoryBoundaryTest {
    /** Path spellings that reach outside a checkout. */
    static final List<Pattern> OUTSIDE = List.of(
            Pattern.compile("\\.\\./shared\\b"),
            Pattern.compile("\\bshared/fixtures\\b"),
            Pattern.compile("resolve\\(\"shared\"\\)"),
            Pattern.compile("\"(\\.\\./){2,}"),
            Pattern.compile("\"/(work|home|root)/"),
            Pattern.compile("System\\.getProperty\\(\"user\\.home\"\\)"));

    static List<String> outsideReferences(String text) {
        List<String> hits = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Pattern p : OUTSIDE) {
                if (p.matcher(lines[i]).find()) hits.add((i + 1) + ": " + lines[i].strip());
            }
        }
        return hits;
    }

    @Test
    void testSourcesReferNoPathOutsideTheRepository() throws IOException {
        Path root = Fixtures.repositoryRoot();
        Path self = root.resolve("ai4c-kit/src/test/java/eu/ai4c/kit/testing/RepositoryBoundaryTest.java");
        List<String> problems = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path tests = module.resolve("src/test");
                if (!Files.isDirectory(tests)) continue;
                try (Stream<Path> files = Files.walk(tests)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(p -> isText(p) && !p.equals(self)).toList()) {
                        scanned++;
                        for (String hit : outsideReferences(Files.readString(f, StandardCharsets.UTF_8))) {
                            problems.add(root.relativize(f) + ":" + hit);
                        }
                    }
                }
            }
        }
        assertTrue(scanned > 100, "scanned only " + scanned + " test files under " + root);
        assertTrue(problems.isEmpty(), "Tests refer to paths outside the repository (copy the data into testdata/"
                + " with its licence and provenance, and read it through Fixtures):\n" + String.join("\n", problems));
    }

    @Test
    void theScanRecognisesWaysOut() {
        assertFalse(outsideReferences("Path p = root.resolve(\"../shared/fixtures/x\");").isEmpty());
        assertFalse(outsideReferences("Path.of(\"../../data/scene.tif\")").isEmpty());
        assertFalse(outsideReferences("for (Path p = start; p != null; p = p.getParent()) p.resolve(\"shared\").resolve(\"fixtures\");").isEmpty());
        assertTrue(outsideReferences("Fixtures.file(\"sarsen/tests/data/Rome-30m-DEM.tif\")").isEmpty());
    }

    @Test
    void fixturesRefuseAPathThatLeavesTheRepository() {
        Path outside = Fixtures.repositoryRoot().getParent();
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> Fixtures.insideRepository(outside));
        assertTrue(e.getMessage().contains("outside the repository"), e.getMessage());
        Fixtures.insideRepository(Fixtures.file("sarsen/LICENSE"));
    }

    private static boolean isText(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".java") || n.endsWith(".sh") || n.endsWith(".properties") || n.endsWith(".py")
                || n.endsWith(".txt") || n.endsWith(".xml") || n.endsWith(".json");
    }
}
