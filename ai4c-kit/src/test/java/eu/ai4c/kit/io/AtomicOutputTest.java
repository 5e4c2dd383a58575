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
}
