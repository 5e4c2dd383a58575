package eu.ai4c.kit.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameters that may also be given by position: declared once, numbered 0, 1, … without gaps. */
class PositionalParameterTest {
    private static ParameterDescriptor path(String name, int position) {
        ParameterDescriptor.Builder b = ParameterDescriptor.builder(name, ParameterType.PATH).required();
        return (position < 0 ? b : b.positional(position)).build();
    }

    @Test
    void positionsSurviveCopiesAndNameTheArgumentInMessages() {
        ParameterDescriptor model = path("model", 0);
        assertTrue(model.positional());
        assertEquals(0, model.position());
        // validated alone (as a dialog field does), the second argument has no first beside it
        ParameterDescriptor second = path("input", 1).unconditional();
        assertFalse(second.positional());
        new OperatorDescriptor("predict", "Predict", "Air Quality", "Predicts.", List.of(), List.of(second));
        assertEquals(0, model.withControllerRenamed("a", "b").position());
        assertFalse(path("other", -1).positional());
        OperatorDescriptor d = new OperatorDescriptor("predict", "Predict", "Air Quality", "Predicts.", List.of(),
                List.of(model, path("input", 1)));
        Ai4cException e = assertThrows(Ai4cException.class, () -> d.validate(Map.of("model", "m.aqgan")));
        assertEquals("predict: missing required parameter --input (or argument 2) ().", e.getMessage());
    }

    @Test
    void positionsMustBeContiguousAndUnique() {
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class, () -> new OperatorDescriptor("p",
                "P", "Raster", "P.", List.of(), List.of(path("a", 0), path("b", 2))));
        assertTrue(gap.getMessage().contains("positional argument 1"), gap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OperatorDescriptor("p", "P", "Raster", "P.", List.of(),
                List.of(path("a", 0), path("b", 0))));
        assertThrows(IllegalArgumentException.class, () -> ParameterDescriptor.builder("x", ParameterType.PATH)
                .positional(-1));
    }
}
