package eu.ai4c.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the independent tools of the tests (osmium, GDAL); a missing tool fails the test, never skips it. */
public final class Tools {
    private Tools() {
    }

    /** Runs {@code cmd} and returns its standard output; fails on a non-zero exit. */
    public static String run(List<String> cmd) {
        try {
            Path err = Files.createTempFile("tool", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int rc = p.waitFor();
                assertEquals(0, rc, String.join(" ", cmd) + " failed:\n" + Files.readString(err));
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            fail(cmd.get(0) + " is needed by this test but could not be run: " + e.getMessage()
                    + ". Install osmium-tool and gdal-bin (.ci/run does).");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
            return null;
        }
    }
}
