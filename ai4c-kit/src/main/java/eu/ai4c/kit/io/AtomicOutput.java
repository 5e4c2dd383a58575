package eu.ai4c.kit.io;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes files under temporary names beside their targets and moves them into place only on
 * {@link #commit()}; {@link #close()} without commit deletes them. So a failed or cancelled run
 * never leaves a half-written output.
 *
 * <pre>
 * try (AtomicOutput out = AtomicOutput.create()) {
 *     Path tmp = out.temporaryFor(target);
 *     ... write tmp ...
 *     out.commit();
 * }
 * </pre>
 * Not thread-safe.
 */
public final class AtomicOutput implements AutoCloseable {
    private final List<Path[]> pending = new ArrayList<>();
    private boolean committed;

    private AtomicOutput() {
    }

    public static AtomicOutput create() {
        return new AtomicOutput();
    }

    /**
     * A temporary path beside {@code target} ({@code .name.partial-xxxx}); its parent folder is
     * created. Fails with a clear message when the folder cannot be written.
     */
    public Path temporaryFor(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Ai4cException("Cannot create output folder " + dir + ": " + e.getMessage()
                    + ". Choose a writable --output_path.", e);
        }
        if (!Files.isWritable(dir)) {
            throw new Ai4cException("Output folder " + dir + " is not writable. Choose a writable --output_path.");
        }
        Path tmp = dir.resolve("." + abs.getFileName() + ".partial-" + Long.toHexString(System.nanoTime()));
        pending.add(new Path[] {tmp, abs});
        return tmp;
    }

    /** Moves every temporary into place (replacing existing targets). */
    public void commit() throws IOException {
        for (Path[] p : pending) {
            if (Files.isDirectory(p[1])) deleteTree(p[1]);
            try {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Deletes the temporaries unless committed. */
    @Override
    public void close() {
        if (committed) return;
        for (Path[] p : pending) {
            try {
                deleteTree(p[0]);
            } catch (IOException | UncheckedIOException ignored) {
                // best effort: the temporary is hidden and named .partial
            }
        }
    }

    /** Deletes a file or a folder tree if it exists. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
