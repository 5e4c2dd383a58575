package eu.ai4c.vector.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Tag values with units, as mapped in OSM, normalised to fixed units. */
class QuantitiesTest {
    @Test
    void power() {
        assertEquals(50.0, Quantities.powerMw("50 MW"));
        assertEquals(0.5, Quantities.powerMw("500 kW"));
        assertEquals(1200.0, Quantities.powerMw("1.2 GW"));
        assertEquals(2.3, Quantities.powerMw("2300000"), 1e-12, "bare numbers are watts");
        assertEquals(0.0035, Quantities.powerMw("3,5 kW"), 1e-12);
        assertNull(Quantities.powerMw("big"));
    }

    @Test
    void voltageTakesTheHighest() {
        assertEquals(220.0, Quantities.voltageKv("110000;220000"));
        assertEquals(25.0, Quantities.voltageKv("25 kV"));
        assertNull(Quantities.voltageKv("high"));
    }

    @Test
    void length() {
        assertEquals(12.0, Quantities.lengthM("12 m"));
        assertEquals(1500.0, Quantities.lengthM("1.5 km"));
        assertEquals(12.192, Quantities.lengthM("40 ft"), 1e-9);
        assertEquals(4L, Quantities.integer("4;2"));
        assertNull(Quantities.integer("four"));
    }
}
