package eu.ai4c.agri.lstm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes given as an LSTM {@code model.h5} either give a model or are refused with
 * {@link Ai4cException}; never another exception, never a hang. {@code mvn verify} runs the kept
 * inputs of {@code LstmH5FuzzTestInputs/read/} (a tiny model written by {@link LstmH5}) and
 * findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class LstmH5FuzzTest {
    private static final ThreadLocal<Path> FILE = ThreadLocal.withInitial(() -> {
        try {
            Path f = Files.createTempFile("ai4c-fuzz", ".h5");
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
            LstmH5.read(file);
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }
}
