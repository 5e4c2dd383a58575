package eu.ai4c.s1.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import org.junit.jupiter.api.Test;

class OrbitTest {
    private final Kepler kepler = Kepler.sentinel1Like(41.9, 12.5);
    private final Orbit orbit = kepler.orbit(-100, 200);

    @Test
    void reproducesAKeplerianOrbitWithinAMillimetre() {
        double[] s = new double[9];
        double maxPos = 0, maxVel = 0, maxAcc = 0;
        for (double t = -100; t <= 200; t += 0.737) {
            orbit.stateAt(t, s);
            double[] e = kepler.state(t);
            for (int k = 0; k < 3; k++) {
                maxPos = Math.max(maxPos, Math.abs(s[k] - e[k]));
                maxVel = Math.max(maxVel, Math.abs(s[k + 3] - e[k + 3]));
            }
            // acceleration against a central difference of the exact velocity
            double[] ep = kepler.state(t + 1e-3), em = kepler.state(t - 1e-3);
            for (int k = 0; k < 3; k++) maxAcc = Math.max(maxAcc, Math.abs(s[k + 6] - (ep[k + 3] - em[k + 3]) / 2e-3));
        }
        assertTrue(maxPos < 1e-3, "position error " + maxPos + " m");
        assertTrue(maxVel < 1e-5, "velocity error " + maxVel + " m/s");
        assertTrue(maxAcc < 1e-4, "acceleration error " + maxAcc + " m/s²");
    }

    @Test
    void exactAtTheVectors() {
        double[] s = orbit.stateAt(50);
        double[] e = kepler.state(50);
        for (int k = 0; k < 6; k++) assertEquals(e[k], s[k], 1e-6);
    }

    @Test
    void failsClearlyOutsideTheSpanPlusMargin() {
        orbit.stateAt(-100 - 0.9);
        Ai4cException e = assertThrows(Ai4cException.class, () -> orbit.stateAt(-102));
        assertTrue(e.getMessage().contains("outside the orbit state vectors"), e.getMessage());
        assertThrows(Ai4cException.class, () -> orbit.stateAt(202));
        assertTrue(orbit.covers(200.5));
    }
}
