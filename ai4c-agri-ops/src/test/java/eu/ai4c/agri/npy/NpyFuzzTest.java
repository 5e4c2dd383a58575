package eu.ai4c.agri.npy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Any bytes given as a {@code .npy} file either read or are refused with {@link Ai4cException};
 * never another exception, never an array larger than the file can fill (a header's shape is
 * checked against the file length before anything is allocated). {@code mvn verify} runs the kept
 * inputs of {@code NpyFuzzTestInputs/read/} (small arrays saved with NumPy: versions 1 and 2,
 * big- and little-endian, empty) and findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class NpyFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) throws IOException {
        Path file = FuzzInput.file(data, ".npy");
        try {
            Npy.read(file);
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }
}
