package eu.ai4c.s1.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Locates the real Sentinel-1 fixtures in {@code testdata/fixtures} (see
 * {@link eu.ai4c.kit.testing.Fixtures}: inside the repository; fails —
 * never skips — when absent).
 */
public final class S1Fixtures {
    private S1Fixtures() {
    }

    /** The {@code testdata/fixtures} folder (found by the kit's {@link eu.ai4c.kit.testing.Fixtures}). */
    public static Path root() {
        return eu.ai4c.kit.testing.Fixtures.root();
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
