package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import org.junit.jupiter.api.Test;

/** SNAP's Speckle-Filter names, defaults and value sets; user-facing errors. */
class SpeckleParametersTest {

    @Test
    void defaultsAreSnaps() {
        SpeckleParameters p = SpeckleParameters.defaults();
        assertEquals("Lee Sigma", p.filter());
        assertEquals(3, p.filterSizeX());
        assertEquals(3, p.filterSizeY());
        assertEquals(2.0, p.dampingFactor());
        assertEquals(1.0, p.enl());
        assertTrue(p.estimateENL());
        assertEquals("0.9", p.sigmaStr());
        assertEquals("7x7", p.windowSize());
        assertEquals("3x3", p.targetWindowSizeStr());
        assertEquals(50, p.anSize());
        assertArrayEquals(new String[] {"None", "Boxcar", "Median", "Frost", "Gamma Map", "Lee", "Refined Lee",
            "Lee Sigma", "IDAN"}, SpeckleFilterType.labels());
    }

    @Test
    void badValuesNameParameterAndFix() {
        Ai4cException e = assertThrows(Ai4cException.class, () -> SpeckleParameters.defaults().withFilter("Kuan"));
        assertTrue(e.isUsageError() && e.getMessage().contains("\"Gamma Map\""), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> SpeckleParameters.defaults().withWindowSize("8x8"));
        assertTrue(e.getMessage().contains("windowSize") && e.getMessage().contains("17x17"), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> SpeckleParameters.defaults().withSigma("0.95"));
        assertTrue(e.getMessage().contains("sigmaStr"), e.getMessage());
        assertThrows(Ai4cException.class, () -> SpeckleParameters.defaults().withEnl(0));
        assertThrows(Ai4cException.class, () -> SpeckleParameters.defaults().withFilterSize(0, 3));
        assertThrows(Ai4cException.class, () -> SpeckleParameters.defaults().withDampingFactor(-1));
    }

    @Test
    void windowsAndHalos() {
        SpeckleParameters p = SpeckleParameters.defaults().withWindowSize("11x11").withTargetWindowSize("5x5");
        assertEquals(11, p.windowSide());
        assertEquals(5, p.targetWindowSide());
        assertEquals(5, SpeckleFilters.create(p.withEnl(2), null).halo());
        assertEquals(3, SpeckleFilters.create(p.withFilter("Refined Lee").withEnl(2), null).halo());
        assertEquals(2, SpeckleFilters.create(p.withFilter("Boxcar").withFilterSize(5, 3), null).halo());
        assertEquals(0, SpeckleFilters.create(p.withFilter("None"), null).halo());
        assertEquals(4.4, SpeckleFilters.looks(SpeckleParameters.defaults(), new SceneStatistics(4.4, 1)));
        assertEquals(2.0, SpeckleFilters.looks(SpeckleParameters.defaults().withEnl(2), new SceneStatistics(4.4, 1)));
    }
}
