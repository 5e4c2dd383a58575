package eu.ai4c.kit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real-data fixtures that the repository carries in {@code testdata/fixtures}
 * (provenance and licences in {@code testdata/README.md}). Tests run with a module folder as
 * working directory, so the repository root is found by walking up from it to the folder that
 * holds both the parent {@code pom.xml} and {@code testdata/}. Nothing outside the repository is
 * ever read: a fixture path that leaves it (through {@code ..} or a link) fails the test, and a
 * missing fixture fails it too (never skips).
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The repository root: the nearest ancestor of the working directory with {@code pom.xml} and {@code testdata/}. */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("testdata"))) return p;
        }
        return fail("No repository root (a folder with pom.xml and testdata/) above " + start
                + ": run the tests inside an AI4C checkout.");
    }

    /** The fixtures folder, {@code <repository>/testdata/fixtures}. */
    public static Path root() {
        Path root = repositoryRoot().resolve("testdata").resolve("fixtures");
        if (!Files.isDirectory(root)) fail("The fixtures folder " + root + " is missing from the checkout.");
        return root;
    }

    /** A file or folder inside the fixtures; fails the calling test when it does not exist or lies outside the repository. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) fail("Fixture " + p + " is missing.");
        return insideRepository(p);
    }

    /** {@code path} itself, after checking that it (links resolved) lies inside the repository; fails the test otherwise. */
    public static Path insideRepository(Path path) {
        try {
            Path real = path.toRealPath();
            Path repository = repositoryRoot().toRealPath();
            if (!real.startsWith(repository)) {
                fail("Test input " + path + " lies outside the repository (" + repository + "): copy it into testdata/"
                        + " with its licence and provenance, and read it from there.");
            }
            return path;
        } catch (IOException e) {
            return fail("Test input " + path + " cannot be resolved: " + e.getMessage());
        }
    }
}
