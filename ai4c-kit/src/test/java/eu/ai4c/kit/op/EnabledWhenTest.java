package eu.ai4c.kit.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnabledWhenTest {

    private static final ParameterDescriptor FILTER = ParameterDescriptor.builder("filter", ParameterType.CHOICE)
            .valueSet("None", "Boxcar", "Frost", "Lee").defaultValue("Lee").build();
    private static final ParameterDescriptor ESTIMATE = ParameterDescriptor.builder("estimate", ParameterType.BOOLEAN)
            .defaultValue(true).build();
    private static final ParameterDescriptor DAMPING = ParameterDescriptor.builder("damping", ParameterType.DOUBLE)
            .defaultValue(2).enabledWhen("filter", "Frost").build();
    private static final ParameterDescriptor LOOKS = ParameterDescriptor.builder("looks", ParameterType.DOUBLE)
            .defaultValue(1).enabledWhen("filter", "Frost", "Lee").enabledWhen("estimate", "false").build();
    private static final OperatorDescriptor D = new OperatorDescriptor("Filter-op", "Filter", "Radar", "Filters.",
            List.of(), List.of(FILTER, ESTIMATE, DAMPING, LOOKS));

    @Test
    void aParameterAppliesOnlyForItsValuesAndDefaultsCount() {
        assertFalse(D.applies(DAMPING, Map.of()), "default filter Lee: no damping");
        assertTrue(D.applies(DAMPING, Map.of("filter", "Frost")));
        assertTrue(D.applies(DAMPING, Map.of("filter", " frost ")), "spelling forgiven as the value set is");
        assertFalse(D.applies(DAMPING, Map.of("filter", "Boxcar")));
        assertTrue(D.applies(DAMPING, Map.of("filter", "Frost", "estimate", "")), "blank is the default");
        assertTrue(D.applies(FILTER, Map.of()), "no condition: always applies");
    }

    @Test
    void allConditionsMustHold() {
        assertFalse(D.applies(LOOKS, Map.of("filter", "Lee")), "estimate defaults to true");
        assertTrue(D.applies(LOOKS, Map.of("filter", "Lee", "estimate", "false")));
        assertFalse(D.applies(LOOKS, Map.of("filter", "Boxcar", "estimate", "false")));
    }

    @Test
    void helpTextNamesTheOptionAndValues() {
        assertEquals("only with --filter Frost", D.conditionText(DAMPING));
        assertEquals("only with --filter Frost or Lee; only with --estimate false", D.conditionText(LOOKS));
        assertEquals("", D.conditionText(FILTER));
        assertEquals("Boxcar, Frost or Lee", new EnabledWhen("filter", List.of("Boxcar", "Frost", "Lee")).valuesText());
    }

    @Test
    void aConditionOnAnUndeclaredParameterOrValueIsRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new OperatorDescriptor("X", "X", "Radar", "X.", List.of(), List.of(DAMPING)));
        assertTrue(unknown.getMessage().contains("damping is enabled by filter"), unknown.getMessage());
        ParameterDescriptor typo = ParameterDescriptor.builder("size", ParameterType.INTEGER)
                .enabledWhen("filter", "Forst").build();
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> new OperatorDescriptor("X", "X", "Radar", "X.", List.of(), List.of(FILTER, typo)));
        assertTrue(value.getMessage().contains("\"Forst\""), value.getMessage());
    }

    @Test
    void aRenamedControllerKeepsTheValues() {
        ParameterDescriptor moved = DAMPING.withControllerRenamed("filter", "speckle");
        assertEquals(List.of(new EnabledWhen("speckle", List.of("Frost"))), moved.enabledWhen());
        assertEquals(DAMPING.name(), moved.name());
        assertEquals(DAMPING.defaultValue(), moved.defaultValue());
    }
}
