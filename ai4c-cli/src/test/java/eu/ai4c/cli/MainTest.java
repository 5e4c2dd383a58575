package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.testing.SampleProducts;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.FailingOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void bareCommandAndHelpShowUsageWithServices() {
        Cli bare = Cli.run();
        assertEquals(0, bare.exit(), bare.toString());
        assertTrue(bare.out().contains("Usage: ai4c"), bare.toString());
        Cli help = Cli.run("--help");
        assertEquals(0, help.exit(), help.toString());
        for (String s : List.of("Test-scale", "Test-fail", "list", "graph", "bench", "demo")) {
            assertTrue(help.out().contains(s), "help lists " + s + "\n" + help);
        }
        assertFalse(help.out().contains("aliases"), "maintenance command is hidden");
    }

    @Test
    void helpSaysWhenAParameterApplies() {
        Cli c = Cli.run("S1-GRD-preprocess", "--help");
        assertEquals(0, c.exit(), c.toString());
        String h = c.out().replaceAll("\\s+", " "); // picocli wraps long descriptions
        assertTrue(h.contains("larger keeps edges better. (only with --speckle Frost)"), c.toString());
        assertTrue(h.contains("(only with --landseamask Land or Sea)"), c.toString());
        assertTrue(h.contains("(only with --speckle Gamma Map, Lee, Refined Lee, Lee Sigma or IDAN; only with"
                + " --estimate-enl false)"), c.toString());
        assertFalse(h.contains("only with --filter"), "S1-GRD-preprocess calls the filter --speckle");
    }

    @Test
    void serviceHelpComesFromTheDescriptor() {
        Cli c = Cli.run("Test-scale", "--help");
        assertEquals(0, c.exit(), c.toString());
        String h = c.out();
        for (String s : List.of("Scales band values linearly for tests.", "--input=<file>", "--factor=<number>",
                "Multiplier applied to every sample.", "e.g. 5 % of the range; ${not} a", "Default: 2.0", "Range: (0,1000] 1", "--mode=<linear|square>",
                "Values: linear, square", "--output_name, --output-name", "--output_path, --output-path",
                "--output_format, --output-format", "Default: GeoTIFF", "RAW-TEST", "--threads", "--quiet")) {
            assertTrue(h.contains(s), "help contains " + s + "\n" + h);
        }
    }

    @Test
    void listPrintsOneAlignedLinePerService() {
        Cli c = Cli.run("list");
        assertEquals(0, c.exit(), c.toString());
        List<String> lines = c.out().lines().toList();
        // one line per name: a service that is an operator and an annotated command (humanfeatures-query) once
        java.util.Set<String> names = new java.util.HashSet<>();
        eu.ai4c.kit.op.OperatorRegistry.load().all().forEach(op -> names.add(op.descriptor().alias()));
        ServiceCommand.ALL.forEach(cmd -> names.add(ServiceCommand.name(cmd)));
        assertEquals(names.size(), lines.size(), c.toString());
        String scale = lines.stream().filter(l -> l.startsWith("Test-scale ")).findFirst().orElseThrow();
        int column = scale.indexOf("Scales band values linearly for tests.");
        assertTrue(column >= "Test-scale".length() + 2, scale);
        assertEquals("Test-scale" + " ".repeat(column - "Test-scale".length()) + "Scales band values linearly for tests.", scale);
        for (String l : lines) {
            assertTrue(l.charAt(column) != ' ' && l.charAt(column - 1) == ' ' && l.charAt(column - 2) == ' ',
                    "summaries start in one column:\n" + c.out());
        }
    }

    @Test
    void missingRequiredOptionIsUsageError() {
        Cli c = Cli.run("Test-scale", "--input", "x.a4r");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("--output_path"), c.toString());
        assertTrue(c.err().contains("ai4c Test-scale --help"), c.toString());
    }

    @Test
    void invalidParameterValueIsUsageErrorNamingOption() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Cli c = Cli.run("Test-scale", "--input", in.toString(), "--output_path", dir.resolve("o").toString(),
                "--output_format", "RAW-TEST", "--factor", "-3");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("--factor") && c.err().contains("(0,1000]"), c.toString());
        assertTrue(c.err().contains("--help"), c.toString());
        assertFalse(Files.exists(dir.resolve("o.a4r")));
    }

    @Test
    void unknownOptionAndUnknownFormatAreUsageErrors() {
        Cli c = Cli.run("Test-scale", "--input", "a", "--output_path", "b", "--factr", "2");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("--factr"), c.toString());
        Cli f = Cli.run("Test-scale", "--input", "a", "--output_path", "b", "--output_format", "JPEG");
        assertEquals(2, f.exit(), f.toString());
        assertTrue(f.err().contains("JPEG") && f.err().contains("RAW-TEST"), f.toString());
    }

    @Test
    void missingInputIsProcessingErrorWithoutStackTrace() {
        Cli c = Cli.run("Test-scale", "--input", dir.resolve("nothing.a4r").toString(), "--output_path",
                dir.resolve("o").toString(), "--output_format", "RAW-TEST");
        assertEquals(1, c.exit(), c.toString());
        assertTrue(c.err().contains("nothing.a4r") && c.err().contains("does not exist"), c.toString());
        assertFalse(c.err().contains("\tat ") || c.err().contains("Exception"), c.toString());
    }

    @Test
    void unexpectedFailureIsOneLinePlusDebugHint() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        String[] args = {"Test-fail", "--input", in.toString(), "--output_path", dir.resolve("f").toString(),
                "--output_format", "RAW-TEST", "--quiet"};
        Cli c = Cli.run(args);
        assertEquals(1, c.exit(), c.toString());
        assertTrue(c.err().contains(FailingOp.MESSAGE) && c.err().contains("--debug"), c.toString());
        assertFalse(c.err().contains("\tat "), c.toString());
        assertFalse(Files.exists(dir.resolve("f.a4r")), "no half-written output");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("in.a4r"), files.map(p -> p.getFileName().toString()).toList(), "no temporaries left");
        }
        String[] debugArgs = java.util.Arrays.copyOf(args, args.length + 1);
        debugArgs[args.length] = "--debug";
        Cli d = Cli.run(debugArgs);
        assertEquals(1, d.exit(), d.toString());
        assertTrue(d.err().contains("\tat ") && d.err().contains("IllegalStateException"), d.toString());
    }

    @Test
    void successWritesOutputAndPrintsItsPath() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Path outDir = Files.createDirectories(dir.resolve("results"));
        Cli c = Cli.run("Test-scale", "--input", in.toString(), "--output-path", outDir.toString(),
                "--output-format", "raw-test", "--factor", "3", "--offset=1", "--bands", "b2", "--threads", "2");
        assertEquals(0, c.exit(), c.toString());
        Path expected = outDir.resolve("in_scaled.a4r").toAbsolutePath();
        assertEquals(expected.toString(), c.out().strip(), "stdout is the output path only");
        Raster r = ProductIO.read(expected).raster();
        assertEquals(1, r.bands().size());
        assertEquals(22f, r.read(0, new Region(5, 5, 1, 1)).floats()[0]);
        // not a terminal: plain progress lines, the last one at 100 %
        Pattern line = Pattern.compile("\\[\\d\\d:\\d\\d:\\d\\d] Write RAW-TEST: 100% \\((\\d+)/\\1 tiles\\), \\d+\\.\\d s elapsed");
        assertTrue(c.err().lines().anyMatch(l -> line.matcher(l).matches()), c.toString());
    }

    @Test
    void quietPrintsNoProgress() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Cli c = Cli.run("Test-scale", "--input", in.toString(), "--output_path", dir.resolve("q").toString(),
                "--output_format", "RAW-TEST", "-q");
        assertEquals(0, c.exit(), c.toString());
        assertEquals("", c.err(), c.toString());
    }

    @Test
    void serviceParameterServedByCommonOptionIsValidatedByTheDescriptor() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        // "RAW" names the test writer, but Test-scale's own outputFormat parameter does not allow it
        Cli c = Cli.run("Test-scale", "--input", in.toString(), "--output_path", dir.resolve("r").toString(),
                "--output_format", "RAW");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("invalid value \"RAW\" for --output_format"), c.toString());
        Cli help = Cli.run("Test-scale", "--help");
        assertEquals(1, help.out().split("--output_format", -1).length - 2, "one option in usage and list\n" + help);
    }

    @Test
    void negativeThreadsIsUsageError() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Cli c = Cli.run("Test-scale", "--input", in.toString(), "--output_path", dir.resolve("t").toString(),
                "--output_format", "RAW-TEST", "--threads", "-1");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("--threads"), c.toString());
    }

    @Test
    void serviceNamesAreCaseInsensitive() {
        Cli c = Cli.run("test-scale", "--help");
        assertEquals(0, c.exit(), c.toString());
    }
}
