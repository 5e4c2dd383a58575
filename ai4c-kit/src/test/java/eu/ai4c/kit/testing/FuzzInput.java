package eu.ai4c.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzz inputs as files, for readers that take a path: one temporary file per thread and suffix,
 * overwritten by each input (deleted when the JVM exits), so a fuzzing run of millions of inputs
 * creates no more files than threads.
 */
public final class FuzzInput {
    private static final ThreadLocal<Map<String, Path>> FILES = ThreadLocal.withInitial(HashMap::new);

    private FuzzInput() {
    }

    /** Writes {@code data} to this thread's file with the given suffix (e.g. {@code .tif}) and returns it. */
    public static Path file(byte[] data, String suffix) {
        Path f = FILES.get().computeIfAbsent(suffix, s -> {
            try {
                Path p = Files.createTempFile("ai4c-fuzz", s);
                p.toFile().deleteOnExit();
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            Files.write(f, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /**
     * The check of a refusal: the project's error must say what is wrong (a fuzz input refused
     * with an empty message fails the test like any other exception).
     */
    public static void refused(eu.ai4c.kit.Ai4cException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("refused without a message", e);
        }
    }
}
