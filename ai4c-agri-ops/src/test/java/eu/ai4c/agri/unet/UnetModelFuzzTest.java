package eu.ai4c.agri.unet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;

/**
 * Any bytes given as a U-Net model ({@code .safetensors}) either give a model or are refused with
 * {@link Ai4cException} and a message; never another exception, never a hang, never a tensor
 * larger than the file holds. {@code mvn verify} runs the kept inputs of
 * {@code UnetModelFuzzTestInputs/read/} (small files written by {@link UnetModelFile#write} and
 * {@link Safetensors#write}) and findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class UnetModelFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) throws IOException {
        try {
            UnetModelFile.read(FuzzInput.file(data, ".safetensors"));
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }
}
