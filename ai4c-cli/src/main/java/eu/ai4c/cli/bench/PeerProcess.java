package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a peer tool (gdalwarp, gdal_translate, python3 with NumPy) for a benchmark and fails clearly when it is missing or fails. */
final class PeerProcess {
    private PeerProcess() {
    }

    /** Runs {@code command}, returning its standard output; throws with its output when it fails. */
    static String run(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new Ai4cException("Benchmark peer " + command.get(0) + " is not installed (" + e.getMessage()
                    + "). Install it, e.g. apt-get install gdal-bin.", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new Ai4cException("Benchmark peer failed: " + String.join(" ", command) + "\n" + out);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Ai4cException("Interrupted while running " + command.get(0), e);
        }
        return out;
    }

    /**
     * Runs a Python script with NumPy ({@code python3 -c}), returning its standard output; fails
     * naming the fix when python3 or NumPy is missing.
     */
    static String python(String script) throws IOException {
        try {
            run(List.of("python3", "-c", "import numpy"));
        } catch (Ai4cException e) {
            throw new Ai4cException("Benchmark peer python3 with NumPy is not available (" + e.getMessage().strip()
                    + "). Install it, e.g. apt-get install python3-numpy.", e);
        }
        return run(List.of("python3", "-c", script));
    }

    /**
     * A Python 3 with NumPy and GDAL's bindings ({@code osgeo}): {@code python3} on the path, else
     * the system's {@code /usr/bin/python3} (where Debian's python3-gdal installs); fails naming the
     * package to install.
     */
    static String pythonWithGdal() throws IOException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                run(List.of(python, "-c", "import numpy; from osgeo import gdal"));
                return python;
            } catch (Ai4cException e) {
                // try the next one
            }
        }
        throw new Ai4cException("Benchmark peer python3 with NumPy and GDAL is not available. Install it, "
                + "e.g. apt-get install python3-gdal python3-numpy.");
    }
}
