package eu.ai4c.kit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void commitMovesIntoPlace() throws IOException {
        Path target = dir.resolve("sub/out.tif");
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(target);
            Files.writeString(tmp, "data");
            assertFalse(Files.exists(target));
            out.commit();
        }
        assertEquals("data", Files.readString(target));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(1, s.count(), "no temporary left");
        }
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        Path target = dir.resolve("out.dim");
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(target);
            Files.createDirectories(tmp.resolve("x.data"));
            Files.writeString(tmp.resolve("x.data/b.img"), "half");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void unwritableFolderIsExplained() throws IOException {
        Path file = dir.resolve("afile");
        Files.writeString(file, "x");
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> AtomicOutput.create().temporaryFor(file.resolve("out.tif")));
        assertTrue(e.getMessage().contains("--output_path"), e.getMessage());
    }

    /** A killed run's temporary is deleted by the next run for the same target; a running process's is kept. */
    @Test
    void leftoversOfEndedProcessesAreDeletedOthersKept() throws IOException {
        Path target = dir.resolve("out.tif");
        long ended = new ProcessBuilder("true").start().onExit().join().pid();
        long running = ProcessHandle.current().parent().orElseThrow().pid();
        Path stale = Files.writeString(dir.resolve(".out.tif.partial-" + ended + "-1a2b"), "half");
        Path busy = Files.writeString(dir.resolve(".out.tif.partial-" + running + "-3c4d"), "busy");
        Path other = Files.writeString(dir.resolve(".other.tif.partial-" + ended + "-5e6f"), "other target");
        try (AtomicOutput out = AtomicOutput.create()) {
            Files.writeString(out.temporaryFor(target), "whole");
            out.commit();
        }
        assertFalse(Files.exists(stale), "the ended process's temporary is gone");
        assertTrue(Files.exists(busy) && Files.exists(other), "a running process's and another target's are kept");
        assertEquals("whole", Files.readString(target));
    }

    /** What a shutdown hook calls: every temporary not yet in place goes, committed outputs stay. */
    @Test
    void deleteUncommittedRemovesOnlyTemporaries() throws IOException {
        Path done = dir.resolve("done.tif");
        try (AtomicOutput out = AtomicOutput.create()) {
            Files.writeString(out.temporaryFor(done), "whole");
            out.commit();
        }
        AtomicOutput running = AtomicOutput.create();
        Path tmp = running.temporaryFor(dir.resolve("running.tif"));
        Files.writeString(tmp, "half");
        AtomicOutput.deleteUncommitted();
        assertFalse(Files.exists(tmp));
        assertFalse(Files.exists(dir.resolve("running.tif")));
        assertEquals("whole", Files.readString(done));
        running.close();
    }
}
