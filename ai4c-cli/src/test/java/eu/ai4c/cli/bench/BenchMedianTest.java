package eu.ai4c.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Repeated timings report their median: one run disturbed by other work does not decide the result. */
class BenchMedianTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(23.66, BenchContext.median(new double[] {25.55, 22.96, 23.66}), 0);
        assertEquals(2.5, BenchContext.median(new double[] {4, 1, 3, 2}), 0);
        assertEquals(7, BenchContext.median(new double[] {7}), 0);
    }
}
