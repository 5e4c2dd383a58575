package eu.ai4c.kit.op;

import java.util.List;
import java.util.Objects;

/**
 * A declarative condition under which a parameter applies: the parameter {@link #parameter()}
 * has one of {@link #values()} (e.g. the Frost damping factor applies only when
 * {@code filter ∈ {Frost}}). Declared once on the {@link ParameterDescriptor}; the dialog
 * disables a parameter whose conditions do not hold, the command-line help prints them
 * ("only with --filter Frost") and SNAP help pages can state them. A parameter that does not
 * apply is still accepted and validated, it simply has no effect (as in SNAP's Speckle-Filter).
 * Immutable.
 *
 * @param parameter name of the controlling parameter of the same operator (camelCase)
 * @param values    the values of the controlling parameter for which the parameter applies, as
 *                  the controlling parameter spells them (value-set labels, {@code true}/{@code false})
 */
public record EnabledWhen(String parameter, List<String> values) {

    public EnabledWhen {
        Objects.requireNonNull(parameter, "parameter");
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("enabled when " + parameter + ": no values given");
    }

    /** Whether the condition holds for {@code value} of the controlling parameter (null or blank: never). */
    public boolean holdsFor(String value) {
        if (value == null) return false;
        String v = value.strip();
        for (String allowed : values) {
            if (allowed.equalsIgnoreCase(v)) return true;
        }
        return false;
    }

    /** The same condition on a controlling parameter of another name (a service that renames it). */
    public EnabledWhen onParameter(String name) {
        return new EnabledWhen(name, values);
    }

    /**
     * The condition as help text, with the controlling option as the command line spells it:
     * {@code only with --filter Frost}, {@code only with --filter Boxcar, Median or Lee}.
     */
    public String describe(String option) {
        return "only with " + option + " " + valuesText();
    }

    /** The values as a list in words: {@code Frost}, {@code Land or Sea}, {@code Boxcar, Median or Lee}. */
    public String valuesText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(i == values.size() - 1 ? " or " : ", ");
            sb.append(values.get(i));
        }
        return sb.toString();
    }
}
