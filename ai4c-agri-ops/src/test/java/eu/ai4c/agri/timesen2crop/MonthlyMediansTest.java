package eu.ai4c.agri.timesen2crop;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/** Monthly medians, gap interpolation and edge copies on hand-made series. */
class MonthlyMediansTest {
    @TempDir Path root;

    @Test
    void mediansOfClearObservationsWithInterpolatedGaps() throws Exception {
        TimeSen2CropReaderTest.handWritten(root);
        TileSamples s = TimeSen2CropReader.readTile(root, "T1");
        int[] month = MonthlyMedians.monthIndex(s.dates(), 2017);
        assertArrayEquals(new int[] {0, 1, 4}, month);
        boolean[] valid = new boolean[2];
        float[] m = MonthlyMedians.compute(s.values(), s.conditions(), month, 2, 9, valid);
        assertArrayEquals(new boolean[] {true, true}, valid);
        // sample 0: only September is clear (cloud in October, snow in January): every month copies it
        for (int k = 0; k < 12; k++) for (int b = 0; b < 9; b++) assertEquals(100f * (b + 1), m[k * 9 + b]);
        // sample 1: September and January clear, October shadowed: Oct-Dec interpolated, Feb-Aug copy January
        int o = 12 * 9;
        assertEquals(1f, m[o]);
        assertEquals(1.5f, m[o + 4 * 9]);
        assertEquals(1.125f, m[o + 9], 1e-6);
        assertEquals(1.375f, m[o + 3 * 9], 1e-6);
        assertEquals(9f, m[o + 11 * 9 + 8]);
    }

    @Test
    void evenCountTakesMeanOfMiddleValuesAndOtherYearsAreIgnored() {
        java.util.List<java.time.LocalDate> dates = java.util.List.of(java.time.LocalDate.of(2017, 9, 1),
                java.time.LocalDate.of(2017, 9, 11), java.time.LocalDate.of(2017, 9, 21), java.time.LocalDate.of(2017, 9, 30),
                java.time.LocalDate.of(2018, 9, 1));
        int[] month = MonthlyMedians.monthIndex(dates, 2017);
        assertArrayEquals(new int[] {0, 0, 0, 0, -1}, month);
        float[] v = {4, 1, 10, 2, 1000};
        boolean[] valid = new boolean[1];
        float[] m = MonthlyMedians.compute(v, new byte[] {0, 0, 0, 0, 0}, month, 1, 1, valid);
        assertEquals(3f, m[0]);
        m = MonthlyMedians.compute(v, new byte[] {1, 1, 2, 3, 0}, month, 1, 1, valid);
        assertFalse(valid[0]);
    }
}
