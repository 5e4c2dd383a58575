package eu.ai4c.aq.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;

/**
 * Any bytes given as an SRGAN model ({@code .aqgan}) either give a model or are refused with
 * {@link Ai4cException} and a message; never another exception, never a hang, never more memory
 * than the architecture written in the file and the file's own length justify. {@code mvn verify}
 * runs the kept inputs of {@code SrganModelFuzzTestInputs/read/} (a tiny model written by
 * {@link SrganModelFile#write}) and findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SrganModelFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) throws IOException {
        try {
            SrganModelFile.read(FuzzInput.file(data, ".aqgan"));
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }
}
