package eu.ai4c.agri.npy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes given as a {@code .npy} file either read or are refused with {@link Ai4cException};
 * never another exception, never an array larger than the file can fill (a header's shape is
 * checked against the file length before anything is allocated). {@code mvn verify} runs the kept
 * inputs of {@code NpyFuzzTestInputs/read/} (small arrays saved with NumPy: versions 1 and 2,
 * big- and little-endian, empty) and findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class NpyFuzzTest {
    private static final ThreadLocal<Path> FILE = ThreadLocal.withInitial(() -> {
        try {
            Path f = Files.createTempFile("ai4c-fuzz", ".npy");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    });

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) throws IOException {
        Path file = FILE.get();
        Files.write(file, data);
        try {
            Npy.read(file);
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }
}
