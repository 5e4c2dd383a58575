package eu.ai4c.kit.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python snippets with NumPy, the independent check of array files and statistics in
 * tests and benchmarks. Uses the first interpreter that imports NumPy: {@code python3} on the
 * PATH, then Debian's {@code /usr/bin/python3} (package python3-numpy). Fails — never skips —
 * when neither has NumPy.
 */
public final class NumPy {
    private static String python;

    private NumPy() {
    }

    /** The interpreter command that has NumPy. */
    public static synchronized String python() {
        if (python == null) {
            for (String candidate : List.of("python3", "/usr/bin/python3")) {
                try {
                    Process p = new ProcessBuilder(candidate, "-c", "import numpy").redirectErrorStream(true).start();
                    p.getInputStream().readAllBytes();
                    if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        python = candidate;
                        break;
                    }
                } catch (IOException e) {
                    // not installed: try the next one
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (python == null) {
                throw new AssertionError("python3 with NumPy is needed as the independent check"
                        + " (apt-get install python3-numpy)");
            }
        }
        return python;
    }

    /** Runs {@code code} with {@code python -c}; returns its standard output, fails on a non-zero exit. */
    public static String run(String code) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python(), "-c", code).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("python failed: " + out);
        }
        return out;
    }
}
