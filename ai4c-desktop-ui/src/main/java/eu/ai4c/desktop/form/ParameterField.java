package eu.ai4c.desktop.form;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value of one operator parameter in a form, held as the text the user typed or picked
 * (as on the command line). Blank text means "not given": the descriptor's default applies.
 * Validation is the descriptor's own: a value is checked by the same conversion the command line
 * uses, so the message shown inline is the one the command line would print.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe; used on the event thread (the view) or by one test thread.
 */
public final class ParameterField {
    private final OperatorDescriptor operator;
    private final ParameterDescriptor descriptor;
    /** A descriptor with only this parameter, so one value is validated without the others. */
    private final OperatorDescriptor alone;
    private String text;

    ParameterField(OperatorDescriptor operator, ParameterDescriptor descriptor) {
        this.operator = operator;
        this.descriptor = descriptor;
        this.alone = new OperatorDescriptor(operator.alias(), operator.label(), operator.category(),
                operator.description(), List.of(), List.of(descriptor.unconditional()));
        this.text = descriptor.defaultValue() == null ? "" : descriptor.defaultValue();
    }

    public ParameterDescriptor descriptor() {
        return descriptor;
    }

    /** The alias of the operator the parameter belongs to. */
    public String operatorAlias() {
        return operator.alias();
    }

    /** The parameter name; the view names its editor {@code param.<name>}. */
    public String name() {
        return descriptor.name();
    }

    public ParameterType type() {
        return descriptor.type();
    }

    /** The current text; never null, blank when not given. */
    public String text() {
        return text;
    }

    public void setText(String value) {
        this.text = value == null ? "" : value;
    }

    /** True when a value is given (non-blank text). */
    public boolean isGiven() {
        return !text.isBlank();
    }

    /**
     * The descriptor's message for the current text, or empty when it is acceptable. An area of
     * interest is parsed as well (WKT or vector file) so that a bad polygon shows here, not after
     * minutes of processing.
     */
    public Optional<String> message() {
        try {
            alone.validate(isGiven() ? Map.of(descriptor.name(), text) : Map.of());
            if (isGiven() && descriptor.type() == ParameterType.GEOMETRY) AreaOfInterest.parse(text);
            return Optional.empty();
        } catch (Ai4cException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return operator.alias() + "." + descriptor.name() + "=" + text;
    }
}
