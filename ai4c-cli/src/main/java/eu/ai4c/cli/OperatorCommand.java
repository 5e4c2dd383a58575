package eu.ai4c.cli;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.op.CommonOptions;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The subcommand of one service, built at run time from its {@link OperatorDescriptor}: one
 * option per source ({@code --input}, {@code --input1}, …), one per parameter (all the
 * descriptor's spellings, help with default, values, range and unit), plus {@code --output_path},
 * {@code --output_format}, {@code --no-stac} and the {@link RunOptions}. Running it validates the parameters through
 * the descriptor, reads the sources, applies the operator and writes the target atomically, then
 * prints the output path on stdout.
 */
final class OperatorCommand implements Callable<Integer> {
    private final Operator operator;
    private final Map<OptionSpec, SourceDescriptor> sourceOptions = new LinkedHashMap<>();
    private final Map<OptionSpec, ParameterDescriptor> parameterOptions = new LinkedHashMap<>();
    /** Parameters that may also be given as positional arguments ({@link ParameterDescriptor#position()}). */
    private final Map<PositionalParamSpec, ParameterDescriptor> positionals = new LinkedHashMap<>();
    /** Parameters declared by the service that a common option serves (e.g. {@code --output_format}). */
    private final Map<String, ParameterDescriptor> servedByCommonOption = new LinkedHashMap<>();
    private final OutputOptions output = new OutputOptions();
    private final RunOptions run = new RunOptions();
    private CommandSpec spec;

    private OperatorCommand(Operator operator) {
        this.operator = operator;
    }

    /** A command line for {@code operator}, ready to be added as a subcommand. */
    static CommandLine commandLine(Operator operator) {
        OperatorCommand cmd = new OperatorCommand(operator);
        OperatorDescriptor d = operator.descriptor();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(cmd);
        cmd.spec = spec;
        spec.name(d.alias());
        spec.usageMessage()
                .header(HelpText.escape(d.summary()))
                .description(HelpText.escape(d.description()))
                .sortOptions(false)
                .footer("", "Exit codes: 0 success, 1 processing error, 2 usage error, 130 cancelled.");
        // sources and parameters first in the help, the common options after them
        CommandSpec outputMixin = CommandSpec.forAnnotatedObject(cmd.output);
        if (operator instanceof eu.ai4c.kit.op.FileOperator) {
            // a service that writes its own files into a folder has no format choice: the option is unknown
            outputMixin.remove(outputMixin.findOption(CommonOptions.OUTPUT_FORMAT));
        }
        CommandSpec runMixin = CommandSpec.forAnnotatedObject(cmd.run);
        Set<String> taken = new HashSet<>(List.of("-h", "--help", "-V", "--version"));
        taken.addAll(outputMixin.optionsMap().keySet());
        taken.addAll(runMixin.optionsMap().keySet());
        for (SourceDescriptor s : d.sources()) {
            String name = "--" + s.name();
            if (!taken.add(name)) continue;
            OptionSpec o = OptionSpec.builder(name).paramLabel("<file>").type(String.class).required(!s.optional())
                    .description(HelpText.escape(s.description() + (s.optional() ? " (optional)" : ""))).build();
            spec.addOption(o);
            cmd.sourceOptions.put(o, s);
        }
        for (ParameterDescriptor p : d.parameters()) {
            List<String> names = new ArrayList<>();
            for (String n : p.options()) {
                if (taken.add(n)) names.add(n);
                else if (outputMixin.optionsMap().containsKey(n) || runMixin.optionsMap().containsKey(n)) {
                    cmd.servedByCommonOption.putIfAbsent(n, p);
                }
            }
            if (names.isEmpty()) continue; // wholly served by common options
            OptionSpec.Builder b = OptionSpec.builder(names.toArray(String[]::new))
                    .paramLabel(HelpText.paramLabel(p)).type(String.class)
                    .description(HelpText.describe(d, p));
            if (p.type() == ParameterType.BOOLEAN) b.arity("0..1").fallbackValue("true");
            OptionSpec o = b.build();
            spec.addOption(o);
            cmd.parameterOptions.put(o, p);
        }
        d.parameters().stream().filter(ParameterDescriptor::positional)
                .sorted(java.util.Comparator.comparingInt(ParameterDescriptor::position)).forEach(p -> {
                    PositionalParamSpec a = PositionalParamSpec.builder().index(Integer.toString(p.position()))
                            .arity("0..1").paramLabel(positionalLabel(p)).type(String.class)
                            .description(HelpText.escape(p.label() + ": as " + p.option() + " (give one of them)."))
                            .build();
                    spec.addPositional(a);
                    cmd.positionals.put(a, p);
                });
        spec.addMixin("output", outputMixin);
        spec.addMixin("run", runMixin);
        spec.mixinStandardHelpOptions(true);
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws IOException {
        OperatorDescriptor d = operator.descriptor();
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> raw = new LinkedHashMap<>();
        for (Map.Entry<OptionSpec, ParameterDescriptor> e : parameterOptions.entrySet()) {
            if (parsed.hasMatchedOption(e.getKey())) raw.put(e.getValue().name(), e.getKey().getValue());
        }
        // the short form (aqgan-predict MODEL INPUT): an argument stands for its option, and must agree with it
        for (Map.Entry<PositionalParamSpec, ParameterDescriptor> e : positionals.entrySet()) {
            if (!parsed.hasMatchedPositional(e.getKey())) continue;
            ParameterDescriptor p = e.getValue();
            String argument = e.getKey().getValue();
            String option = raw.get(p.name());
            if (option != null && !sameValue(p, option, argument)) {
                throw eu.ai4c.kit.Ai4cException.usage(d.alias() + ": " + p.label() + " is given twice, as argument "
                        + e.getKey().paramLabel() + " (" + argument + ") and as " + p.option() + " (" + option
                        + "). Give it once: " + d.alias() + " " + positionalUsage() + " or with " + p.option() + ".");
            }
            raw.put(p.name(), argument);
        }
        // a service that declares e.g. output_format itself sees the value given (and checks it)
        for (Map.Entry<String, ParameterDescriptor> e : servedByCommonOption.entrySet()) {
            OptionSpec common = spec.optionsMap().get(e.getKey());
            if (common != null && parsed.hasMatchedOption(common) && !raw.containsKey(e.getValue().name())) {
                Object value = common.getValue(); // typed Object: String.valueOf(char[]) must not be chosen
                raw.put(e.getValue().name(), String.valueOf(value));
            }
        }
        ParameterValues params = d.validate(raw);
        ProductWriter writer = ProductIO.writer(output.format == null ? "GeoTIFF" : output.format);
        PrintWriter err = spec.commandLine().getErr();
        ProcessingContext context = run.context(err);
        try (CancelOnInterrupt ignored = new CancelOnInterrupt(context.progress())) {
            Map<String, Path> inputs = new LinkedHashMap<>();
            for (Map.Entry<OptionSpec, SourceDescriptor> e : sourceOptions.entrySet()) {
                String value = e.getKey().getValue();
                if (value != null) inputs.put(e.getValue().name(), Path.of(value));
            }
            Path target = output.outputPath;
            boolean folder = output.folderRequested(parsed);
            if (target == null) {
                // a service may take its output folder from its parameters (aqgan: the config's output_path)
                target = operator instanceof eu.ai4c.kit.op.FileOperator f ? f.defaultOutputDir(params) : null;
                if (target == null) {
                    throw eu.ai4c.kit.Ai4cException.usage("Missing required option: '" + CommonOptions.OUTPUT_PATH
                            + "=<path>' (or " + CommonOptions.OUTPUT_DIR + ": the folder to write into)");
                }
                folder = true;
            }
            boolean created = false;
            if (folder && !java.nio.file.Files.isDirectory(target)) {
                if (java.nio.file.Files.exists(target)) {
                    throw eu.ai4c.kit.Ai4cException.usage("--output_dir " + target + " is a file: --output_dir names a"
                            + " folder (created when missing); give --output_path to name the output file");
                }
                java.nio.file.Files.createDirectories(target);
                created = true;
            }
            Path written;
            try {
                written = ServiceRun.run(operator, inputs, params, target, writer, context, !output.noStac);
            } catch (RuntimeException | IOException e) {
                if (created) deleteIfEmpty(target); // a failed run leaves nothing behind
                throw e;
            }
            spec.commandLine().getOut().println(written);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code --model} → {@code MODEL}: the argument's name in usage and messages. */
    private static String positionalLabel(ParameterDescriptor p) {
        return p.option().replaceFirst("^-+", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private String positionalUsage() {
        return String.join(" ", positionals.keySet().stream().map(PositionalParamSpec::paramLabel).toList());
    }

    /** Two spellings of one value: paths compared resolved, anything else as text. */
    private static boolean sameValue(ParameterDescriptor p, String a, String b) {
        if (a.equals(b)) return true;
        if (p.type() != ParameterType.PATH) return false;
        try {
            return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            java.nio.file.Files.deleteIfExists(folder);
        } catch (IOException notEmptyOrGone) {
            // something else was written there meanwhile: leave it
        }
    }

    /** The output options every service has. */
    static final class OutputOptions {
        /** Spellings that name a folder: created when missing, the output written inside it under its own name. */
        static final List<String> FOLDER_NAMES = List.of(CommonOptions.OUTPUT_DIR, CommonOptions.OUTPUT_DIR_KEBAB);

        @CommandLine.Option(names = {CommonOptions.OUTPUT_PATH, CommonOptions.OUTPUT_PATH_KEBAB, CommonOptions.OUTPUT_DIR,
                CommonOptions.OUTPUT_DIR_KEBAB}, paramLabel = "<path>",
                description = {"--output_path: output file, or an existing folder to write <product name><extension> into.",
                        "--output_dir: a folder (created when missing) to write into.",
                        "Required, except where the service names a default folder (aqgan: the config's output_path)."})
        Path outputPath;

        /** Whether the output was given as {@code --output_dir} (always a folder). */
        boolean folderRequested(ParseResult parsed) {
            for (String arg : parsed.originalArgs()) {
                for (String name : FOLDER_NAMES) {
                    if (arg.equals(name) || arg.startsWith(name + "=")) return true;
                }
            }
            return false;
        }

        @CommandLine.Option(names = {CommonOptions.OUTPUT_FORMAT, CommonOptions.OUTPUT_FORMAT_KEBAB}, defaultValue = "GeoTIFF",
                paramLabel = "<format>", completionCandidates = WriterFormats.class,
                description = {"Output format. Default: ${DEFAULT-VALUE}.", "Formats: ${COMPLETION-CANDIDATES}"})
        String format;

        @CommandLine.Option(names = CommonOptions.NO_STAC,
                description = "Do not write the STAC item <name>.json (footprint, acquisition time, projection, "
                        + "parameters, files) beside the output.")
        boolean noStac;
    }

    /** The canonical format names of the registered writers. */
    static final class WriterFormats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ProductIO.writers().stream().map(w -> w.formatNames().get(0)).iterator();
        }
    }
}
