package eu.ai4c.kit.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table sine and cosine against the JDK's, over the phases deramping and reramping produce. */
class PhaseTest {

    @Test
    void agreesWithTheJdkToTheReductionError() {
        Random random = new Random(8);
        for (double scale : new double[] {1, 10, 1e3, 1e5}) {
            double worst = 0;
            for (int i = 0; i < 200_000; i++) {
                double phase = (2 * random.nextDouble() - 1) * scale;
                worst = Math.max(worst, Math.abs(Phase.sin(phase) - Math.sin(phase)));
                worst = Math.max(worst, Math.abs(Phase.cos(phase) - Math.cos(phase)));
            }
            // reducing φ·4096/2π in double loses about |φ|·2⁻⁵² rad; a few ulps of slack for the table and the series
            double bound = 8 * Math.ulp(1.0) * Math.max(1, scale);
            assertTrue(worst <= bound, "scale " + scale + ": worst " + worst + " > " + bound);
        }
    }

    @Test
    void exactAtTheTableAnglesAndNotANumberOutsideTheDomain() {
        assertEquals(0, Phase.sin(0));
        assertEquals(1, Phase.cos(0));
        assertEquals(1, Phase.sin(Math.PI / 2), 1e-16);
        assertEquals(-1, Phase.cos(-Math.PI), 1e-16);
        assertTrue(Double.isNaN(Phase.sin(Double.NaN)));
        assertTrue(Double.isNaN(Phase.cos(Double.POSITIVE_INFINITY)));
    }
}
