package eu.ai4c.s2.jp2;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;

/**
 * Any bytes given as a JPEG 2000 file (JP2 boxes or a raw codestream) either give a header that
 * describes an image (positive size, 1–16384 components, 1–38 bits, positive tile size) or are
 * refused with {@link Ai4cException} and a message; never another exception, never a hang.
 * {@code mvn verify} runs the kept inputs of {@code Jp2HeaderFuzzTestInputs/read/} and findings;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class Jp2HeaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) throws IOException {
        Jp2Header h;
        try {
            h = Jp2Header.read(FuzzInput.file(data, ".jp2"));
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
            return;
        }
        if (h.width() <= 0 || h.height() <= 0 || h.components() < 1 || h.components() > 16384 || h.bitDepth() < 1
                || h.bitDepth() > 38 || h.tileWidth() <= 0 || h.tileHeight() <= 0) {
            throw new AssertionError("accepted a header that describes no image: " + h);
        }
    }
}
