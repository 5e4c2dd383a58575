package eu.ai4c.kit.io;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * Temporaries carry the writing process's id ({@code .name.partial-<pid>-<n>}): one left behind
 * by a killed process is deleted by the next run writing the same target, never one of a process
 * still running. A front end's shutdown hook calls {@link #deleteUncommitted()} so that a
 * terminated run (SIGTERM, Ctrl-C) leaves none.
 *
 * <p>Not thread-safe (one instance per run); {@link #deleteUncommitted()} is.</p>
 */
public final class AtomicOutput implements AutoCloseable {
    /** Temporaries of this JVM not yet moved into place or deleted. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final long PID = ProcessHandle.current().pid();
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
        String prefix = "." + abs.getFileName() + ".partial-";
        deleteLeftovers(dir, prefix);
        Path tmp = dir.resolve(prefix + PID + "-" + Long.toHexString(System.nanoTime()));
        pending.add(new Path[] {tmp, abs});
        LIVE.add(tmp);
        return tmp;
    }

    /** Deletes temporaries of {@code prefix} left by processes that no longer run (killed runs). */
    private static void deleteLeftovers(Path dir, String prefix) {
        DirectoryStream.Filter<Path> ofTarget = p -> p.getFileName().toString().startsWith(prefix);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ofTarget)) {
            for (Path p : s) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (dash > 0 && pid != PID && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                if (dash > 0 && pid == PID && LIVE.contains(p)) continue;
                try {
                    deleteTree(p);
                } catch (IOException | UncheckedIOException ignored) {
                    // best effort: the leftover is hidden and named .partial
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a folder that cannot be listed is reported when the temporary is written
        }
    }

    /**
     * Deletes every temporary of this JVM that is not yet in place: for a shutdown hook, after
     * the run was given time to unwind. A writer still writing loses its file, which is what a
     * terminated run must leave: nothing.
     */
    public static void deleteUncommitted() {
        for (Path tmp : List.copyOf(LIVE)) {
            try {
                deleteTree(tmp);
            } catch (IOException | UncheckedIOException ignored) {
                // best effort
            }
            LIVE.remove(tmp);
        }
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
            LIVE.remove(p[0]);
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
            LIVE.remove(p[0]);
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
