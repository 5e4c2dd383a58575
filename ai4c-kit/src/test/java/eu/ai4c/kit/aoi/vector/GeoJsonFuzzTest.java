package eu.ai4c.kit.aoi.vector;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;

/**
 * Any bytes given as a GeoJSON area of interest either give a geometry or are refused with
 * {@link Ai4cException}; never another exception, never a hang. {@code mvn verify} runs the kept
 * inputs of {@code GeoJsonFuzzTestInputs/read/} and findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class GeoJsonFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) {
        try {
            GeoJsonReader.read(FuzzInput.file(data, ".geojson"));
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }
}
