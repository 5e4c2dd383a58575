package eu.ai4c.kit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared real-data fixtures ({@code shared/fixtures}, beside the project root).
 * Tests run with a module directory as working directory, and the project may be checked out in
 * a nested work tree, so the folder is found by walking up the parents of the working directory
 * until one has a {@code shared/fixtures} child. Missing fixtures FAIL the test (never skip).
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixtures folder; fails the calling test when none is found. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return fail("No shared/fixtures folder found above " + start
                + ": the real-data fixtures must sit beside the project root (../shared/fixtures).");
    }

    /** A file or folder inside the fixtures; fails the calling test when it does not exist. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) fail("Fixture " + p + " is missing.");
        return p;
    }
}
