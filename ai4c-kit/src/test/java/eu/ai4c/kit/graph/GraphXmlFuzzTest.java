package eu.ai4c.kit.graph;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;
import java.util.Map;

/**
 * Any bytes given as a graph XML file either give a graph or are refused with
 * {@link Ai4cException}; never another exception, never a hang. {@code mvn verify} runs the kept
 * inputs of {@code GraphXmlFuzzTestInputs/read/} (two of the shipped graphs, and findings);
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class GraphXmlFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) throws IOException {
        try {
            GraphReader.read(FuzzInput.file(data, ".xml"), Map.of("input", "in.tif", "output", "out.tif"));
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }
}
