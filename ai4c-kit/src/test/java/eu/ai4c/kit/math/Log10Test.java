package eu.ai4c.kit.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table logarithm against the JDK's over the range of backscatter values and their ratios. */
class Log10Test {

    @Test
    void agreesWithTheJdkWithinTheInterpolationBound() {
        Random random = new Random(12);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            float v = (float) Math.pow(10, -12 + 16 * random.nextDouble());
            worst = Math.max(worst, Math.abs(Log10.of(v) - Math.log10(v)));
        }
        // linear interpolation of log2 on 2^-12 intervals: h²/(8 ln 2) = 1.07e-8 in log2, 3.3e-9 in log10
        assertTrue(worst < 3.3e-9, "worst " + worst);
    }

    @Test
    void exactAtPowersOfTwoAndSpecialValues() {
        assertEquals(0, Log10.of(1f));
        assertEquals(3 * Math.log10(2), Log10.of(8f), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, Log10.of(0f));
        assertTrue(Double.isNaN(Log10.of(-1f)));
        assertTrue(Double.isNaN(Log10.of(Float.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, Log10.of(Float.POSITIVE_INFINITY));
        assertEquals(Math.log10(1e-40f), Log10.of(1e-40f), 1e-12); // subnormal
    }
}
