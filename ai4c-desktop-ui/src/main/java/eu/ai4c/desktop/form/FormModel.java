package eu.ai4c.desktop.form;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.CommonOptions;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.SourceDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The display-free model of an operator dialog, built from an {@link OperatorDescriptor}: one
 * {@link SourceField} per source product, one {@link ParameterField} per parameter (text
 * values, defaults pre-filled) and a {@link TargetField}. It validates with the descriptor's
 * messages and produces exactly the operator call the command line makes: the same
 * {@link ParameterValues} ({@link #toParameterValues()}) from the same arguments ({@link #toArgs()}).
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe; the view uses it on the event thread and hands the run immutable values.
 */
public final class FormModel {
    private final OperatorDescriptor descriptor;
    private final List<SourceField> sources = new ArrayList<>();
    private final List<ParameterField> parameters = new ArrayList<>();
    private final TargetField target = new TargetField();
    private final boolean writesFolder;
    /** The operator's defaults that depend on the source product, or null when it has none. */
    private final eu.ai4c.kit.op.SourceDefaults sourceDefaults;

    private FormModel(OperatorDescriptor descriptor, boolean writesFolder, eu.ai4c.kit.op.SourceDefaults sourceDefaults) {
        this.descriptor = descriptor;
        this.writesFolder = writesFolder;
        this.sourceDefaults = sourceDefaults;
        for (SourceDescriptor s : descriptor.sources()) sources.add(new SourceField(s));
        for (ParameterDescriptor p : descriptor.parameters()) parameters.add(new ParameterField(descriptor, p));
    }

    /** A form for {@code descriptor} with every parameter at its default. */
    public static FormModel of(OperatorDescriptor descriptor) {
        return new FormModel(Objects.requireNonNull(descriptor, "descriptor"), false, null);
    }

    /**
     * A form for {@code operator}: a {@link eu.ai4c.kit.op.FileOperator} writes its files into the
     * target folder, so its form has no output format.
     */
    public static FormModel of(eu.ai4c.kit.op.Operator operator) {
        return new FormModel(operator.descriptor(), operator instanceof eu.ai4c.kit.op.FileOperator,
                operator instanceof eu.ai4c.kit.op.SourceDefaults d ? d : null);
    }

    /** The parameters whose defaults depend on the chosen source product (the S1 output resolution on its mode). */
    public java.util.Set<String> sourceDependentParameters() {
        return sourceDefaults == null ? java.util.Set.of() : sourceDefaults.sourceDependentParameters();
    }

    /**
     * What those parameters default to for {@code product}, as the dialog says it under the field:
     * {@code Default for this IW product: 10 m}; a parameter the product sets no default for is absent.
     */
    public Map<String, String> sourceDefaultHints(eu.ai4c.kit.raster.Product product) {
        Map<String, String> hints = new LinkedHashMap<>();
        if (sourceDefaults == null) return hints;
        for (var e : sourceDefaults.defaultsFor(product).entrySet()) {
            String unit = parameters.stream().filter(f -> f.name().equals(e.getKey())).findFirst()
                    .map(f -> f.descriptor().unit()).orElse("");
            hints.put(e.getKey(), "Default for this " + e.getValue().reason() + ": " + e.getValue().value()
                    + (unit.isEmpty() ? "" : " " + unit));
        }
        return hints;
    }

    /** Whether the operator writes a set of files into the target folder (no format choice). */
    public boolean writesFolder() {
        return writesFolder;
    }

    public OperatorDescriptor descriptor() {
        return descriptor;
    }

    public List<SourceField> sources() {
        return Collections.unmodifiableList(sources);
    }

    public List<ParameterField> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    public TargetField target() {
        return target;
    }

    public SourceField source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(descriptor.alias() + " has no source " + name));
    }

    public ParameterField parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(descriptor.alias() + " has no parameter " + name));
    }

    /**
     * Whether the parameter applies with the form's current values: its descriptor's "enabled when"
     * relations hold (the Frost damping factor only while the filter is Frost). A parameter that
     * does not apply is shown disabled, is not validated and is left out of the run and the
     * command line (it would have no effect).
     */
    public boolean applies(ParameterField p) {
        if (p.descriptor().enabledWhen().isEmpty()) return true;
        Map<String, String> given = new LinkedHashMap<>();
        for (ParameterField q : parameters) given.put(q.name(), q.text());
        return descriptor.applies(p.descriptor(), given);
    }

    /**
     * Every problem of the form, keyed by the component name of the field it belongs to
     * ({@code source.<name>}, {@code param.<name>}, {@code target.folder}, {@code target.format} for a
     * parameter that follows the chosen format), in form order.
     */
    public Map<String, String> messages() {
        Map<String, String> out = new LinkedHashMap<>();
        for (SourceField s : sources) s.message().ifPresent(m -> out.put("source." + s.name(), m));
        syncServedByTarget();
        for (ParameterField p : parameters) {
            if (!applies(p)) continue;
            p.message().ifPresent(m -> out.put(hasOwnOption(p.descriptor()) ? "param." + p.name() : "target.format", m));
        }
        target.folderMessage().ifPresent(m -> out.put("target.folder", m));
        target.formatMessage().ifPresent(m -> out.putIfAbsent("target.format", m));
        return out;
    }

    /** The first problem of the form, or empty when it can run. */
    public Optional<String> firstMessage() {
        return messages().values().stream().findFirst();
    }

    /**
     * The given parameter texts by parameter name (blank ones left out, so defaults apply; so are
     * parameters that do not {@link #applies apply}).
     */
    public Map<String, String> rawParameters() {
        syncServedByTarget();
        Map<String, String> raw = new LinkedHashMap<>();
        for (ParameterField p : parameters) {
            if (!applies(p)) continue;
            if (p.isGiven()) raw.put(p.name(), p.text().strip());
            else targetValue(p.descriptor()).ifPresent(v -> raw.put(p.name(), v));
        }
        return raw;
    }

    /**
     * The parameters as the operator receives them, validated by the descriptor with defaults
     * filled in.
     *
     * @throws Ai4cException (usage error) with the descriptor's message for the first bad value
     */
    public ParameterValues toParameterValues() {
        return descriptor.validate(rawParameters());
    }

    /**
     * Fills the check boxes of a product's bands: every list parameter with a value set that names
     * bands of the product (polarisations {@code VV}/{@code VH} of bands {@code Amplitude_VV},
     * sub-swaths {@code IW1} of {@code Complex_IW1_VV}, Sentinel-2 bands {@code B04}) gets exactly
     * the values the product has, in value-set order. A value matches a band name when it equals one
     * of the name's parts (split at {@code _}, {@code -}, spaces and dots), ignoring case.
     * Parameters none of whose values the product names are left as they are.
     *
     * @param bandNames the band names of the chosen source product
     * @return the names of the parameters changed
     */
    public List<String> offerBands(List<String> bandNames) {
        java.util.Set<String> parts = new java.util.HashSet<>();
        for (String b : bandNames) {
            for (String part : b.split("[^A-Za-z0-9]+")) parts.add(part.toUpperCase(java.util.Locale.ROOT));
        }
        List<String> changed = new ArrayList<>();
        for (ParameterField p : parameters) {
            if (p.type() != eu.ai4c.kit.op.ParameterType.STRING_LIST || p.descriptor().valueSet().isEmpty()) continue;
            List<String> present = p.descriptor().valueSet().stream()
                    .filter(v -> parts.contains(v.toUpperCase(java.util.Locale.ROOT))).toList();
            if (present.isEmpty()) continue;
            String text = String.join(",", present);
            if (!text.equals(p.text())) {
                p.setText(text);
                changed.add(p.name());
            }
        }
        return changed;
    }

    /** The source products by source name, for those given. */
    public Map<String, Path> inputs() {
        Map<String, Path> in = new LinkedHashMap<>();
        for (SourceField s : sources) s.path().ifPresent(p -> in.put(s.name(), p));
        return in;
    }

    /**
     * The {@code ai4c} command line of this form: the service name, {@code --<source> <path>} per
     * given source, {@code --<option>=<value>} per applying parameter whose text is not its default,
     * {@code --output_path <folder>} and {@code --output_format <format>} (for an operator that
     * writes a folder: {@code --output_dir <folder>} only).
     */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add(descriptor.alias());
        for (SourceField s : sources) {
            s.path().ifPresent(p -> {
                args.add("--" + s.name());
                args.add(p.toString());
            });
        }
        syncServedByTarget();
        for (ParameterField p : parameters) {
            if (!p.isGiven() || !hasOwnOption(p.descriptor()) || !applies(p)) continue;
            String value = p.text().strip();
            // a default may be left out, unless the target option would then give the parameter its value
            if (value.equals(p.descriptor().defaultValue()) && targetValue(p.descriptor()).isEmpty()) continue;
            args.add(cliOption(p.descriptor()) + "=" + value);
        }
        if (!target.folder().isBlank()) {
            args.add(writesFolder ? CommonOptions.OUTPUT_DIR : CommonOptions.OUTPUT_PATH);
            args.add(target.folder().strip());
        }
        if (!writesFolder) {
            args.add(CommonOptions.OUTPUT_FORMAT);
            args.add(target.format());
        }
        return args;
    }

    /**
     * Whether the parameter has a command-line option of its own. One without (e.g. an
     * {@code outputFormat} declared with the option {@code --output_format}) takes its value from
     * the target chooser, as the command line gives it the value of its common option; the view
     * shows no separate editor for it.
     */
    public boolean hasOwnOption(ParameterDescriptor p) {
        return p.options().stream().anyMatch(this::isOwnOption);
    }

    private boolean isOwnOption(String o) {
        return !CommonOptions.ALL.contains(o) && descriptor.sources().stream().noneMatch(s -> ("--" + s.name()).equals(o));
    }

    /** The first spelling of the parameter the command line registers for it (not a source or common option). */
    private String cliOption(ParameterDescriptor p) {
        return p.options().stream().filter(this::isOwnOption).findFirst().orElseThrow(() -> new IllegalStateException(
                descriptor.alias() + ": parameter " + p.name() + " has no option of its own"));
    }

    /** The value the target chooser gives a parameter spelled {@code --output_format} or {@code --output_path}. */
    private Optional<String> targetValue(ParameterDescriptor p) {
        for (String o : p.options()) {
            if (o.equals(CommonOptions.OUTPUT_FORMAT) || o.equals(CommonOptions.OUTPUT_FORMAT_KEBAB)) return Optional.of(target.format());
            if ((o.equals(CommonOptions.OUTPUT_PATH) || o.equals(CommonOptions.OUTPUT_PATH_KEBAB)) && !target.folder().isBlank()) {
                return Optional.of(target.folder().strip());
            }
        }
        return Optional.empty();
    }

    /** Parameters without an option of their own follow the target chooser. */
    private void syncServedByTarget() {
        for (ParameterField p : parameters) {
            if (!hasOwnOption(p.descriptor())) p.setText(targetValue(p.descriptor()).orElse(""));
        }
    }
}
