package eu.ai4c.cli;

import static eu.ai4c.cli.GrdPreprocessCommandTest.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.s1.synthetic.RepeatPassPair;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ai4c S1-CD} end to end on a tiny synthetic pair: the stack and its nine side files are
 * written, nothing else; a pair that cannot be compared and a GRD input exit with a usage error
 * naming the problem and leave the output folder empty.
 */
class S1CdCommandTest {
    @TempDir
    static Path dir;
    static Path[] pair;

    @BeforeAll
    static void generate() throws IOException {
        pair = RepeatPassPair.builder(240, 80, 2).swaths(1).area(0, 40, 100, 60, 140, 0.05, 0.8, 0.1).build()
                .write(Files.createDirectories(dir.resolve("in")));
    }

    static String[] args(Path a, Path b, Path out, String... extra) {
        List<String> list = new ArrayList<>(List.of("S1-CD", "--input1", a.toString(), "--input2", b.toString(),
                "--output_path", out.toString(), "--resolution", "20", "--quiet"));
        list.addAll(List.of(extra));
        return list.toArray(String[]::new);
    }

    @Test
    void writesTheStackAndEverySideOutput() throws Exception {
        Path out = Files.createDirectories(dir.resolve("ok"));
        Cli c = Cli.run(args(pair[1], pair[0], out, "--speckle", "None", "--coh-window-az", "5", "--coh-window-rg", "5"));
        assertEquals(0, c.exit(), c.toString());
        try (Stream<Path> s = Files.list(out)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(11, names.size(), names.toString());
            for (String part : List.of("_coherence.tif", "_ACD.tif", "_MTC.tif", "_change_mask.tif", "_ACD.png", "_MTC.png",
                    "_summary.json", "_Sigma0_VV_20210601.tif", "_Sigma0_VV_20210613.tif", "_VV.json")) {
                assertTrue(names.stream().anyMatch(n -> n.endsWith(part)), part + " in " + names);
            }
        }
    }

    @Test
    void aPairSevenDaysApartIsRefusedAndNothingWritten() throws Exception {
        Path[] bad = RepeatPassPair.builder(200, 60, 2).swaths(1).intervalDays(7).build()
                .write(Files.createDirectories(dir.resolve("seven")));
        Path out = Files.createDirectories(dir.resolve("seven-out"));
        assertFails(ExitCodes.USAGE, out, Cli.run(args(bad[0], bad[1], out)), "7.000 days apart", "6-day cycle");
    }

    @Test
    void aGrdInputIsRefusedAndNothingWritten() throws Exception {
        Path grd = SyntheticGrd.builder(200, 150).polarisations("VV").build().write(dir.resolve("grd"));
        Path out = Files.createDirectories(dir.resolve("grd-out"));
        assertFails(ExitCodes.USAGE, out, Cli.run(args(pair[0], grd, out)), "GRD product", "two SLC products");
    }
}
