package eu.ai4c.kit.op;

/**
 * One source product of an operator.
 *
 * @param name        identifier ({@code input}, {@code input1}); also the CLI option {@code --name}
 * @param label       short human label
 * @param description what is expected, including accepted formats
 * @param optional    whether the source may be omitted
 */
public record SourceDescriptor(String name, String label, String description, boolean optional) {

    public static SourceDescriptor required(String name, String description) {
        return new SourceDescriptor(name, name, description, false);
    }
}
