package eu.ai4c.kit.op;

import eu.ai4c.kit.Ai4cException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one declarative description of an operator: what the CLI, the SNAP adapter, the dialog,
 * the graph runner and the docs all read. Immutable.
 *
 * @param alias       service name from the specification ({@code S1-GRD-preprocess}); the CLI
 *                    subcommand and the graph operator name
 * @param label       short title for menus and dialogs
 * @param category    menu path in SNAP terms, e.g. {@code Radar}, {@code Optical},
 *                    {@code Raster/Change Detection}, {@code Raster/Geometric}
 * @param description one-paragraph description; its first sentence is the one-line summary
 * @param sources     source products
 * @param parameters  parameters in presentation order
 */
public record OperatorDescriptor(String alias, String label, String category, String description,
                                 List<SourceDescriptor> sources, List<ParameterDescriptor> parameters) {

    public OperatorDescriptor {
        Objects.requireNonNull(alias, "alias");
        sources = List.copyOf(sources);
        parameters = List.copyOf(parameters);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ParameterDescriptor p : parameters) {
            if (!seen.add(p.name())) throw new IllegalArgumentException(alias + ": parameter " + p.name() + " declared twice");
        }
        for (ParameterDescriptor p : parameters) {
            for (EnabledWhen c : p.enabledWhen()) checkCondition(alias, parameters, p, c);
        }
        // positional arguments 0, 1, … each given by one parameter, without gaps
        long positional = parameters.stream().filter(ParameterDescriptor::positional).count();
        for (int i = 0; i < positional; i++) {
            final int index = i;
            if (parameters.stream().filter(p -> p.position() == index).count() != 1) {
                throw new IllegalArgumentException(alias + ": positional argument " + index
                        + " must be given by exactly one parameter");
            }
        }
    }

    /** A condition must name a parameter declared here and values that parameter can take. */
    private static void checkCondition(String alias, List<ParameterDescriptor> parameters, ParameterDescriptor p,
                                       EnabledWhen c) {
        ParameterDescriptor controller = parameters.stream().filter(q -> q.name().equals(c.parameter())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(alias + ": parameter " + p.name()
                        + " is enabled by " + c.parameter() + ", which the operator does not declare"));
        List<String> possible = controller.type() == ParameterType.BOOLEAN ? List.of("true", "false")
                : controller.valueSet();
        for (String v : c.values()) {
            if (!possible.isEmpty() && !possible.contains(v)) {
                throw new IllegalArgumentException(alias + ": parameter " + p.name() + " is enabled when "
                        + c.parameter() + " is \"" + v + "\", which is not one of its values " + possible);
            }
        }
    }

    /**
     * Whether parameter {@code p} applies for the given values: each of its {@link EnabledWhen}
     * conditions holds for the controlling parameter's given value, or its default when not given.
     *
     * @param given parameter texts by parameter name (blank or missing: the default)
     */
    public boolean applies(ParameterDescriptor p, Map<String, String> given) {
        for (EnabledWhen c : p.enabledWhen()) {
            String v = given.get(c.parameter());
            if (v == null || v.isBlank()) v = parameter(c.parameter()).map(ParameterDescriptor::defaultValue).orElse(null);
            if (!c.holdsFor(v)) return false;
        }
        return true;
    }

    /**
     * The conditions of {@code p} as help text with the command-line options of the controlling
     * parameters ({@code only with --filter Frost}), or an empty string when it always applies.
     */
    public String conditionText(ParameterDescriptor p) {
        StringBuilder sb = new StringBuilder();
        for (EnabledWhen c : p.enabledWhen()) {
            String option = parameter(c.parameter()).map(ParameterDescriptor::option).orElse("--" + c.parameter());
            if (sb.length() > 0) sb.append("; ");
            sb.append(c.describe(option));
        }
        return sb.toString();
    }

    /** First sentence of the description. */
    public String summary() {
        int dot = description.indexOf(". ");
        return dot < 0 ? description : description.substring(0, dot + 1);
    }

    public Optional<ParameterDescriptor> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Finds a parameter by its name, its CLI option or an alias, ignoring case, dashes and
     * underscores (so {@code output_format}, {@code outputFormat} and {@code --output-format} match).
     */
    public Optional<ParameterDescriptor> parameterByAnyName(String key) {
        String k = normalise(key);
        for (ParameterDescriptor p : parameters) {
            if (normalise(p.name()).equals(k)) return Optional.of(p);
            for (String o : p.options()) if (normalise(o).equals(k)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Checks raw textual values against this descriptor and fills in defaults. Keys may be any
     * spelling accepted by {@link #parameterByAnyName}.
     *
     * @throws Ai4cException (usage error) naming the parameter, the value and what is accepted
     */
    public ParameterValues validate(Map<String, String> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            ParameterDescriptor p = parameterByAnyName(e.getKey()).orElseThrow(() -> Ai4cException.usage(
                    alias + ": unknown parameter \"" + e.getKey() + "\". Known parameters: "
                            + parameters.stream().map(ParameterDescriptor::name).toList() + "."));
            if (e.getValue() == null) continue;
            values.put(p.name(), ParameterValues.convert(alias, p, e.getValue()));
        }
        for (ParameterDescriptor p : parameters) {
            if (!values.containsKey(p.name())) {
                if (p.defaultValue() != null) {
                    values.put(p.name(), ParameterValues.convert(alias, p, p.defaultValue()));
                } else if (p.required()) {
                    throw Ai4cException.usage(alias + ": missing required parameter " + p.option()
                            + (p.positional() ? " (or argument " + (p.position() + 1) + ")" : "")
                            + " (" + p.description() + ").");
                }
            }
        }
        return new ParameterValues(alias, values);
    }
}
