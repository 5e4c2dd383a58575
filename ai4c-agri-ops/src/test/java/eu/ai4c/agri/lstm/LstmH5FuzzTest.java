package eu.ai4c.agri.lstm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Any bytes given as an LSTM {@code model.h5} either give a model or are refused with
 * {@link Ai4cException}; never another exception, never a hang. {@code mvn verify} runs the kept
 * inputs of {@code LstmH5FuzzTestInputs/read/} (a tiny model written by {@link LstmH5}) and
 * findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class LstmH5FuzzTest {
    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) throws IOException {
        Path file = FuzzInput.file(data, ".h5");
        try {
            LstmH5.read(file);
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }
}
