package eu.ai4c.kit.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorDescriptorTest {

    private static final OperatorDescriptor D = new OperatorDescriptor("Test-op", "Test", "Raster", "Does a test. More text.",
            List.of(SourceDescriptor.required("input", "any raster")),
            List.of(
                    ParameterDescriptor.builder("calibration", ParameterType.CHOICE)
                            .valueSet("Sigma", "Gamma", "SigmaDB").defaultValue("Sigma").build(),
                    ParameterDescriptor.builder("outputFormat", ParameterType.STRING)
                            .option("--output_format").defaultValue("GeoTIFF").build(),
                    ParameterDescriptor.builder("resolution", ParameterType.DOUBLE).interval("(0,*)").unit("m").build(),
                    ParameterDescriptor.builder("levelConfidence", ParameterType.DOUBLE)
                            .interval("(0,100)").defaultValue(99.99).build(),
                    ParameterDescriptor.builder("bands", ParameterType.STRING_LIST)
                            .valueSet("B2", "B3", "B4", "B8").defaultValue("B2,B3,B4,B8").build(),
                    ParameterDescriptor.builder("referenceVector", ParameterType.DOUBLE_LIST).defaultValue("1,0,0").build(),
                    ParameterDescriptor.builder("landseamaskTolerance", ParameterType.INTEGER).defaultValue(0)
                            .interval("[0,*)").build(),
                    ParameterDescriptor.builder("output", ParameterType.PATH).required().build()));

    @Test
    void defaultsAreFilledAndTyped() {
        ParameterValues v = D.validate(Map.of("output", "/tmp/x"));
        assertEquals("Sigma", v.getString("calibration"));
        assertEquals(99.99, v.getDouble("levelConfidence"));
        assertEquals(List.of("B2", "B3", "B4", "B8"), v.getList("bands"));
        assertArrayEquals(new double[] {1, 0, 0}, v.getDoubles("referenceVector"));
        assertEquals(0, v.getInt("landseamaskTolerance"));
        assertFalse(v.has("resolution"));
    }

    @Test
    void anySpellingOfAKeyIsAccepted() {
        ParameterValues v = D.validate(Map.of("output", "o", "output-format", "COG", "--landseamask-tolerance", "30",
                "CALIBRATION", "sigmadb"));
        assertEquals("COG", v.getString("outputFormat"));
        assertEquals(30, v.getInt("landseamaskTolerance"));
        assertEquals("SigmaDB", v.getString("calibration"), "canonical spelling of the value set");
    }

    @Test
    void cliOptionsDerivedFromNames() {
        assertEquals("--landseamask-tolerance", D.parameter("landseamaskTolerance").orElseThrow().option());
        assertEquals(List.of("--output_format", "--output-format"), D.parameter("outputFormat").orElseThrow().options());
        assertEquals("Does a test.", D.summary());
    }

    @Test
    void badValuesNameParameterAndAcceptedValues() {
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> D.validate(Map.of("output", "o", "calibration", "Alpha")));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().contains("--calibration") && e.getMessage().contains("Sigma, Gamma, SigmaDB"), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> D.validate(Map.of("output", "o", "levelConfidence", "100")));
        assertTrue(e.getMessage().contains("(0,100)"), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> D.validate(Map.of("output", "o", "bands", "B2,B13")));
        assertTrue(e.getMessage().contains("B13"), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> D.validate(Map.of("output", "o", "landseamaskTolerance", "1.5")));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> D.validate(Map.of()));
        assertTrue(e.getMessage().contains("missing required parameter --output"), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> D.validate(Map.of("output", "o", "speckel", "Lee")));
        assertTrue(e.getMessage().contains("unknown parameter \"speckel\""), e.getMessage());
    }

    @Test
    void intervalNotation() {
        Interval i = Interval.parse("[0,100)");
        assertTrue(i.contains(0));
        assertFalse(i.contains(100));
        assertEquals("[0,100)", i.toString());
        assertTrue(Interval.parse("(0,*]").contains(1e300));
        assertThrows(IllegalArgumentException.class, () -> Interval.parse("0..100"));
    }
}
