package eu.ai4c.desktop.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.cli.Main;
import eu.ai4c.desktop.run.OperatorRun;
import eu.ai4c.desktop.run.RunLog;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.SampleProducts;
import eu.ai4c.kit.testing.ScaleOp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The form's arguments, parsed by the {@code ai4c} command line itself, give the operator the same
 * parameters as the form; and a run of the form's values writes the same product as the command line.
 */
class CliEquivalenceTest {

    @Test
    void formArgumentsParsedByTheCommandLineGiveTheFormsParameters(@TempDir Path dir) {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (Operator op : OperatorRegistry.load().all()) {
            OperatorDescriptor d = op.descriptor();
            FormModel form = FormModel.of(op);
            form.sources().forEach(s -> s.setText(dir.toString()));
            form.target().setFolder(dir.toString());
            form.target().setFormat("BEAM-DIMAP");
            int changed = 0;
            for (ParameterField f : form.parameters()) {
                if (!form.hasOwnOption(f.descriptor())) continue;
                String v = otherValue(f.descriptor(), dir);
                if (v == null) continue;
                f.setText(v);
                if (f.message().isPresent()) f.setText(Objects.requireNonNullElse(f.descriptor().defaultValue(), ""));
                else changed++;
            }
            assertTrue(changed > 0 || d.parameters().isEmpty(), d.alias());
            List<String> args = form.toArgs();
            ParseResult parsed = cli.parseArgs(args.toArray(String[]::new)).subcommand();
            assertEquals(d.alias(), parsed.commandSpec().name(), args.toString());
            assertEquals(dir, parsed.matchedOptionValue("--output_path", null), args.toString());
            // a file operator writes its own files into the folder: no format is passed
            assertEquals(form.writesFolder() ? null : "BEAM-DIMAP", parsed.matchedOptionValue("--output_format", null),
                    args.toString());
            assertEquals(op instanceof eu.ai4c.kit.op.FileOperator, form.writesFolder(), d.alias());
            for (String source : form.inputs().keySet()) {
                assertEquals(dir.toString(), parsed.matchedOptionValue("--" + source, null), d.alias() + " " + source);
            }
            assertSameValues(d.alias(), form.toParameterValues(), d.validate(cliParameters(d, parsed)));
        }
    }

    /**
     * The raw parameters the command line hands to the descriptor: each matched parameter option
     * by its parameter, and {@code --output_format} for a parameter declared under that name.
     */
    private static Map<String, String> cliParameters(OperatorDescriptor d, ParseResult parsed) {
        Map<String, String> raw = new LinkedHashMap<>();
        List<OptionSpec> common = new ArrayList<>();
        for (OptionSpec o : parsed.matchedOptions()) {
            if (o.longestName().startsWith("--output") || d.sources().stream()
                    .anyMatch(s -> o.longestName().equals("--" + s.name()))) {
                common.add(o);
                continue;
            }
            ParameterDescriptor p = d.parameterByAnyName(o.longestName()).orElseThrow();
            raw.put(p.name(), o.getValue());
        }
        for (OptionSpec o : common) {
            for (String name : o.names()) {
                d.parameters().stream().filter(p -> p.options().contains(name)).findFirst()
                        .ifPresent(p -> raw.putIfAbsent(p.name(), String.valueOf((Object) o.getValue())));
            }
        }
        return raw;
    }

    private static void assertSameValues(String alias, ParameterValues form, ParameterValues cli) {
        assertEquals(cli.asMap().keySet(), form.asMap().keySet(), alias);
        for (Map.Entry<String, Object> e : cli.asMap().entrySet()) {
            Object f = form.asMap().get(e.getKey());
            if (e.getValue() instanceof double[] c) assertArrayEquals(c, (double[]) f, alias + "." + e.getKey());
            else assertEquals(e.getValue(), f, alias + "." + e.getKey());
        }
    }

    /** A valid value other than the default, or null when none is easy to make. */
    private static String otherValue(ParameterDescriptor p, Path dir) {
        String def = p.defaultValue();
        switch (p.type()) {
            case CHOICE: {
                List<String> set = p.valueSet();
                return set.get(set.size() - 1).equals(def) ? set.get(0) : set.get(set.size() - 1);
            }
            case BOOLEAN:
                return Boolean.toString(!Boolean.parseBoolean(def));
            case INTEGER:
                return p.interval() != null && Double.isFinite(p.interval().max()) ? Long.toString((long) p.interval().max())
                        : Long.toString(def == null ? 3 : Long.parseLong(def) + 1);
            case DOUBLE: {
                double v = def == null ? 7.5 : Double.parseDouble(def) * 0.5 + 0.25;
                if (p.interval() != null && !p.interval().contains(v)) {
                    v = Double.isFinite(p.interval().max()) ? p.interval().max() : p.interval().min() + 1;
                }
                return String.format(Locale.ROOT, "%s", v);
            }
            case STRING_LIST:
                return p.valueSet().isEmpty() ? "b1, b2" : String.join(",", p.valueSet().subList(0, Math.min(2, p.valueSet().size())));
            case DOUBLE_LIST:
                return "1.5,2.5,3.5,4.5";
            case PATH:
                return dir.toString();
            case GEOMETRY:
                return "POLYGON((10 45, 11 45, 11 46, 10 46, 10 45))";
            case PROJECTION:
                return "EPSG:32633";
            default:
                return "name_x";
        }
    }

    @Test
    void runOfTheFormWritesWhatTheCommandLineWrites(@TempDir Path dir) throws Exception {
        Path input = SampleProducts.twoBandUint16(dir);
        Path byForm = Files.createDirectory(dir.resolve("form"));
        Path byCli = Files.createDirectory(dir.resolve("cli"));
        Operator op = OperatorRegistry.load().get(ScaleOp.ALIAS);
        FormModel form = FormModel.of(op.descriptor());
        form.source("input").setText(input.toString());
        form.parameter("factor").setText("3.5");
        form.parameter("offset").setText("-2");
        form.parameter("mode").setText("square");
        form.parameter("bands").setText("b2");
        form.target().setFormat("RAW-TEST");
        form.target().setFolder(byForm.toString());
        assertTrue(form.messages().isEmpty(), form.messages().toString());
        List<Path> written = new OperatorRun(op, form.inputs(), form.toParameterValues(), form.target().folderPath(),
                form.target().writer()).execute(ProcessingContext.defaults(), line -> { });

        List<String> args = new ArrayList<>(form.toArgs());
        args.set(args.indexOf(byForm.toString()), byCli.toString());
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, args + "\n" + err);
        Path cliFile = Path.of(out.toString().strip());
        assertEquals(byCli.resolve(written.get(0).getFileName()), cliFile);
        assertArrayEquals(Files.readAllBytes(cliFile), Files.readAllBytes(written.get(0)), "same product bytes");
    }
}
