package eu.ai4c.kit.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One operator parameter, declared once and read by every front end (CLI option, SNAP
 * {@code @Parameter}, dialog editor, graph XML, help). Immutable; build with {@link #builder}.
 *
 * @param name         identifier in camelCase as used in graph XML and SNAP ({@code calibration},
 *                     {@code landseamaskTolerance})
 * @param option       primary long CLI option, e.g. {@code --calibration}, {@code --AoI},
 *                     {@code --output_format}; the specification's spelling where it has one
 * @param aliases      further CLI spellings accepted (e.g. the kebab-case form)
 * @param type         kind of value
 * @param defaultValue default as text, or null when the parameter has no default
 * @param valueSet     allowed values for CHOICE / STRING_LIST (empty = any)
 * @param interval     allowed range for numbers, or null
 * @param unit         unit of the value (e.g. {@code m}, {@code dB}); may be empty
 * @param label        short human label for dialogs
 * @param description  one or two sentences for help texts
 * @param required     whether a value must be given (only for parameters without default)
 * @param enabledWhen  conditions on other parameters under which this one applies, all of which
 *                     must hold (empty: always applies); see {@link EnabledWhen}
 * @param position     0-based index of the command-line argument that may give the value instead of
 *                     the option ({@code aqgan-predict MODEL INPUT}), or −1: by the option only
 */
public record ParameterDescriptor(String name, String option, List<String> aliases, ParameterType type,
                                  String defaultValue, List<String> valueSet, Interval interval, String unit,
                                  String label, String description, boolean required,
                                  List<EnabledWhen> enabledWhen, int position) {

    public ParameterDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
        valueSet = List.copyOf(valueSet);
        unit = unit == null ? "" : unit;
        label = label == null ? name : label;
        description = description == null ? "" : description;
        enabledWhen = enabledWhen == null ? List.of() : List.copyOf(enabledWhen);
        if (position < -1) throw new IllegalArgumentException(name + ": position " + position);
    }

    /** Whether the value may also be given as a positional command-line argument ({@link #position}). */
    public boolean positional() {
        return position >= 0;
    }

    public static Builder builder(String name, ParameterType type) {
        return new Builder(name, type);
    }

    /** All CLI spellings: the primary option first, then aliases. */
    public List<String> options() {
        List<String> all = new ArrayList<>();
        all.add(option);
        for (String a : aliases) if (!a.equals(option)) all.add(a);
        return all;
    }

    /**
     * This parameter with its conditions moved from controlling parameter {@code from} to {@code to}
     * (a service that reuses another's parameters under a renamed controller, as
     * {@code S1-GRD-preprocess} names Speckle-Filter's {@code filter} {@code speckle}).
     */
    public ParameterDescriptor withControllerRenamed(String from, String to) {
        List<EnabledWhen> moved = new ArrayList<>();
        for (EnabledWhen c : enabledWhen) moved.add(c.parameter().equals(from) ? c.onParameter(to) : c);
        return new ParameterDescriptor(name, option, aliases, type, defaultValue, valueSet, interval, unit, label,
                description, required, moved, position);
    }

    /**
     * This parameter without its "enabled when" conditions and without a command-line position (to
     * validate its value on its own, in a descriptor of this parameter alone).
     */
    public ParameterDescriptor unconditional() {
        return new ParameterDescriptor(name, option, aliases, type, defaultValue, valueSet, interval, unit, label,
                description, required, List.of(), -1);
    }

    /** {@code landseamaskTolerance} → {@code landseamask-tolerance}. */
    public static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) sb.append('-');
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString().replace('_', '-');
    }

    /** Fluent builder; the CLI option defaults to {@code --} + kebab-case of the name. */
    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private String option;
        private final List<String> aliases = new ArrayList<>();
        private String defaultValue;
        private List<String> valueSet = List.of();
        private Interval interval;
        private String unit = "";
        private String label;
        private String description = "";
        private boolean required;
        private final List<EnabledWhen> enabledWhen = new ArrayList<>();
        private int position = -1;

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        /** The primary CLI option (with leading dashes); the kebab-case form stays an alias. */
        public Builder option(String opt) {
            this.option = opt;
            return this;
        }

        public Builder alias(String opt) {
            aliases.add(opt);
            return this;
        }

        public Builder defaultValue(Object v) {
            this.defaultValue = v == null ? null : String.valueOf(v);
            return this;
        }

        public Builder valueSet(String... values) {
            this.valueSet = List.of(values);
            return this;
        }

        public Builder interval(String snapNotation) {
            this.interval = Interval.parse(snapNotation);
            return this;
        }

        public Builder unit(String u) {
            this.unit = u;
            return this;
        }

        public Builder label(String l) {
            this.label = l;
            return this;
        }

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        /** The parameter applies only when {@code parameter} has one of {@code values} (see {@link EnabledWhen}). */
        public Builder enabledWhen(String parameter, String... values) {
            enabledWhen.add(new EnabledWhen(parameter, List.of(values)));
            return this;
        }

        /**
         * The value may also be given as the {@code index}-th (0-based) positional argument of the
         * command line, for the short forms users type ({@code aqgan-predict MODEL INPUT}).
         */
        public Builder positional(int index) {
            if (index < 0) throw new IllegalArgumentException(name + ": positional index " + index);
            position = index;
            return this;
        }

        public ParameterDescriptor build() {
            String kebabOption = "--" + kebab(name);
            String primary = option != null ? option : kebabOption;
            List<String> al = new ArrayList<>(aliases);
            if (!primary.equals(kebabOption) && !al.contains(kebabOption)) al.add(kebabOption);
            String lbl = label != null ? label : defaultLabel(name);
            return new ParameterDescriptor(name, primary, al, type, defaultValue, valueSet, interval, unit, lbl,
                    description, required, enabledWhen, position);
        }

        private static String defaultLabel(String id) {
            String k = kebab(id).replace('-', ' ');
            return k.isEmpty() ? id : k.substring(0, 1).toUpperCase(Locale.ROOT) + k.substring(1);
        }
    }
}
