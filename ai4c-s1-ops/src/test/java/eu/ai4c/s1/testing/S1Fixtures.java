package eu.ai4c.s1.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Locates the real Sentinel-1 fixtures in {@code shared/fixtures}: walks up from the working
 * directory until an ancestor has a sibling {@code shared/fixtures} folder (worktree
 * {@code /work/wt/s1-safe} → {@code /work/shared/fixtures}). Fails — never skips — when absent.
 */
public final class S1Fixtures {
    private S1Fixtures() {
    }

    /** The {@code shared/fixtures} folder. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new AssertionError("No shared/fixtures folder found beside any ancestor of " + start
                + ": the Sentinel-1 tests need the real fixtures (see shared/fixtures/README.md).");
    }

    /** The sarsen IW GRD SAFE folder (IPF 003.40, VV annotation, calibration and noise; zero-filled ZSTD measurement). */
    public static Path sarsenGrd() {
        return single(root().resolve("sarsen/tests/data"), "S1B_IW_GRDH_", ".SAFE");
    }

    /** The sarsen IW SLC SAFE folder (IW1 VV annotation and calibration). */
    public static Path sarsenSlc() {
        return single(root().resolve("sarsen/tests/data"), "S1A_IW_SLC__", ".SAFE");
    }

    /** The s1-reader zipped IW SLC (IPF 003.20; 6 annotations, calibration and noise files; 0-byte measurements). */
    public static Path s1ReaderZip() {
        return single(root().resolve("s1-reader/tests/data"), "S1A_IW_SLC__", ".zip");
    }

    private static Path single(Path dir, String prefix, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .findFirst().orElseThrow(() -> new AssertionError("Fixture " + prefix + "*" + suffix + " missing in " + dir));
        } catch (IOException e) {
            throw new AssertionError("Cannot list fixture folder " + dir + ": " + e, e);
        }
    }

    /** The only file of a folder whose name starts with {@code prefix}. */
    public static Path file(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("No " + prefix + "* in " + dir));
        } catch (IOException e) {
            throw new AssertionError("Cannot list " + dir + ": " + e, e);
        }
    }
}
