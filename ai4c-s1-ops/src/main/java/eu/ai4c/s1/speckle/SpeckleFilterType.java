package eu.ai4c.s1.speckle;

import eu.ai4c.kit.Ai4cException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The speckle filters, labelled exactly as the {@code filter} value set of SNAP's Speckle-Filter
 * operator. Immutable.
 */
public enum SpeckleFilterType {
    NONE("None"),
    BOXCAR("Boxcar"),
    MEDIAN("Median"),
    FROST("Frost"),
    GAMMA_MAP("Gamma Map"),
    LEE("Lee"),
    REFINED_LEE("Refined Lee"),
    LEE_SIGMA("Lee Sigma"),
    IDAN("IDAN");

    private final String label;

    SpeckleFilterType(String label) {
        this.label = label;
    }

    /** The SNAP parameter value, e.g. {@code "Gamma Map"}. */
    public String label() {
        return label;
    }

    /** Whether the filter uses the number of looks ({@code enl} or its estimate). */
    public boolean usesLooks() {
        return this == GAMMA_MAP || this == LEE || this == REFINED_LEE || this == LEE_SIGMA || this == IDAN;
    }

    /** Whether the filter uses the rectangular window {@code filterSizeX} × {@code filterSizeY}. */
    public boolean usesSizeXY() {
        return this == BOXCAR || this == MEDIAN || this == FROST || this == GAMMA_MAP || this == LEE;
    }

    /** The labels of the filters for which {@code uses} holds, in SNAP's order (for "enabled when" relations). */
    public static String[] labelsWhere(java.util.function.Predicate<SpeckleFilterType> uses) {
        return Arrays.stream(values()).filter(uses).map(SpeckleFilterType::label).toArray(String[]::new);
    }

    /** The SNAP value set, in SNAP's order. */
    public static String[] labels() {
        return Arrays.stream(values()).map(SpeckleFilterType::label).toArray(String[]::new);
    }

    /**
     * The filter of that label (exact, as in SNAP graphs; case and surrounding blanks are forgiven).
     *
     * @throws Ai4cException (usage) naming the accepted values
     */
    public static SpeckleFilterType parse(String label) {
        if (label != null) {
            String l = label.trim();
            for (SpeckleFilterType t : values()) {
                if (t.label.equalsIgnoreCase(l)) return t;
            }
        }
        throw Ai4cException.usage("Speckle-Filter: filter \"" + label + "\" is unknown; use one of "
                + Arrays.stream(values()).map(t -> "\"" + t.label + "\"").collect(Collectors.joining(", ")));
    }
}
