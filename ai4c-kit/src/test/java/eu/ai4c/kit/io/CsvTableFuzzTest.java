package eu.ai4c.kit.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;

/**
 * Any bytes given as a delimited text table (JRC power-plant units, points of {@code era5-extract},
 * U-Net class names) either give a table whose every record has as many fields as its header, or
 * are refused with {@link Ai4cException} and a message; never another exception, never a hang.
 * {@code mvn verify} runs the kept inputs of {@code CsvTableFuzzTestInputs/read/};
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class CsvTableFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) {
        try {
            CsvTable t = CsvTable.read(FuzzInput.file(data, ".csv"));
            for (int i = 0; i < t.rows().size(); i++) {
                if (t.rows().get(i).length != t.header().size()) {
                    throw new AssertionError("record " + i + " has " + t.rows().get(i).length + " fields for "
                            + t.header().size() + " columns");
                }
                if (t.lines()[i] < 2) throw new AssertionError("record " + i + " starts on line " + t.lines()[i]);
            }
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }
}
