package eu.ai4c.kit.op;

import java.util.EnumSet;
import java.util.Set;

/**
 * One source product of an operator.
 *
 * @param name        identifier ({@code input}, {@code input1}); also the CLI option {@code --name}
 * @param label       short human label
 * @param description what is expected, including accepted formats
 * @param optional    whether the source may be omitted
 * @param accepts     the kinds of product it takes, any one of them ({@link ProductKind}); empty:
 *                    any product (the operator checks it when it runs)
 */
public record SourceDescriptor(String name, String label, String description, boolean optional, Set<ProductKind> accepts) {

    public SourceDescriptor {
        accepts = accepts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(accepts));
    }

    /** A source that takes any product. */
    public SourceDescriptor(String name, String label, String description, boolean optional) {
        this(name, label, description, optional, Set.of());
    }

    /** A required source labelled by its name, taking products of {@code kinds} (none: any product). */
    public static SourceDescriptor required(String name, String description, ProductKind... kinds) {
        return new SourceDescriptor(name, name, description, false, Set.of(kinds));
    }
}
