package eu.ai4c.kit.aoi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs GDAL's ogr2ogr to make test vector files; a missing tool fails the test, never skips it. */
public final class Ogr {

    private Ogr() {
    }

    /** {@code ogr2ogr -f <format> [options] <out> <in>}. */
    public static Path convert(Path in, Path out, String format, String... options) {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", format));
        cmd.addAll(List.of(options));
        cmd.add(out.toString());
        cmd.add(in.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "ogr2ogr failed: " + String.join(" ", cmd) + "\n" + log);
        } catch (IOException e) {
            fail("ogr2ogr (GDAL) is needed by this test but could not be run: " + e.getMessage()
                    + ". Install gdal-bin.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return out;
    }
}
