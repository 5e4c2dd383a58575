package eu.ai4c.s1.safe;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;

/**
 * Any bytes given as a zipped Sentinel-1 product either open, with every annotation file read
 * whole (its CRC-32 checked) and every measurement's data found by position through the zip's own
 * index ({@link ZipEntryOffsets}: end record, ZIP64 locator and extra fields, local headers), or
 * are refused with {@link Ai4cException} and a message; never another exception, never a hang.
 * {@code mvn verify} runs the kept inputs of {@code SafeZipFuzzTestInputs/open/} (small SAFE zips,
 * STORED and DEFLATED, ZIP64, see the README there) and findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SafeZipFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void open(byte[] data) throws IOException {
        try (SafeArchive a = SafeArchive.open(FuzzInput.file(data, ".zip"))) {
            a.productName();
            for (String f : a.list("annotation")) a.readAll(f);
            for (String f : a.list("measurement")) {
                try {
                    SafeArchive.ByteRange r = a.byteRange(f);
                    if (r.offset() < 0 || r.length() < 0 || r.offset() + r.length() > data.length) {
                        throw new AssertionError(f + ": byte range " + r + " outside the " + data.length + "-byte zip");
                    }
                } catch (Ai4cException e) {
                    FuzzInput.refused(e); // a compressed or damaged measurement: the next one is still tried
                }
            }
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }
}
