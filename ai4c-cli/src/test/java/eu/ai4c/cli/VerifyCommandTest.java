package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ai4c verify}: whole products against their manifests, one line each; a damaged file, a
 * missing file and the real fixtures whose files were replaced are reported with the file named.
 */
class VerifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void wholeProductsAreOkAndDamagedOnesNamed() throws IOException {
        Path grd = SyntheticGrd.builder(300, 200).polarisations("VV", "VH").seed(3).build().write(dir.resolve("s1"));
        Path s2 = SyntheticS2Product.builder(S2Level.L2A).size(60).bands(S2Band.B2, S2Band.B4).build()
                .write(dir.resolve("s2"));
        Path s2zip = SyntheticS2Product.builder(S2Level.L1C).baseline("04.00").size(60).bands(S2Band.B3).zipped(true)
                .build().write(dir.resolve("s2zip"));
        Cli ok = Cli.run("verify", grd.toString(), s2.toString(), s2zip.toString());
        assertEquals(0, ok.exit(), ok.toString());
        List<String> lines = ok.out().strip().lines().toList();
        assertEquals(3, lines.size(), ok.toString());
        for (int i = 0; i < 3; i++) assertTrue(lines.get(i).startsWith("OK "), lines.get(i));
        // every file of each product is listed with a checksum: manifest excluded, all else counted
        assertTrue(lines.get(0).contains("(" + (files(grd) - 1) + " files"), lines.get(0) + " of " + files(grd));
        assertTrue(lines.get(1).contains("(" + (files(s2) - 1) + " files"), lines.get(1) + " of " + files(s2));

        // one byte of the VH measurement (a file no default run reads) and one band missing
        Path vh;
        try (Stream<Path> s = Files.walk(grd)) {
            vh = s.filter(p -> p.getFileName().toString().matches("s1.-iw-grd-vh-.*\\.tiff")).findFirst().orElseThrow();
        }
        byte[] d = Files.readAllBytes(vh);
        d[d.length - 100] ^= 1;
        Files.write(vh, d);
        Path b4;
        try (Stream<Path> s = Files.walk(s2)) {
            b4 = s.filter(p -> p.getFileName().toString().contains("_B04_")).findFirst().orElseThrow();
        }
        Files.delete(b4);
        Path notSafe = Files.writeString(dir.resolve("notes.txt"), "x");
        Cli bad = Cli.run("verify", grd.toString(), s2.toString(), s2zip.toString(), notSafe.toString());
        assertEquals(ExitCodes.USAGE, bad.exit(), bad.toString());
        lines = bad.out().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("DAMAGED " + grd) && lines.get(0).contains(vh.getFileName().toString())
                && lines.get(0).contains("MD5"), lines.get(0));
        // nothing is processed here, so the run's way round the check is not offered
        assertTrue(lines.get(0).endsWith("download the product again.") && !lines.get(0).contains("--verify"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("DAMAGED " + s2) && lines.get(1).contains("incomplete")
                && lines.get(1).contains(b4.getFileName().toString()), lines.get(1));
        assertTrue(lines.get(2).startsWith("OK " + s2zip), lines.get(2));
        assertTrue(lines.get(3).startsWith("UNKNOWN " + notSafe), lines.get(3));
        assertFalse(bad.err().contains("\tat "), bad.toString());

        Cli damagedOnly = Cli.run("verify", grd.toString());
        assertEquals(ExitCodes.PROCESSING, damagedOnly.exit(), damagedOnly.toString());
    }

    /** The real fixtures whose images were replaced (S1: zeros; S2: empty placeholders) are not whole. */
    @Test
    void realFixturesWithReplacedImagesAreReported() {
        Path s1 = Fixtures.file("sarsen/tests/data/S1B_IW_GRDH_1SDV_20211223T051122_20211223T051147_030148_039993_5371.SAFE");
        Path s2 = Fixtures.file("s2reader/tests/data/compact_safe/"
                + "S2A_MSIL1C_20170226T102021_N0204_R065_T32TNM_20170226T102458.SAFE");
        Cli c = Cli.run("verify", "--threads", "2", s1.toString(), s2.toString());
        assertEquals(ExitCodes.PROCESSING, c.exit(), c.toString());
        List<String> lines = c.out().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("DAMAGED " + s1), lines.get(0));
        assertTrue(lines.get(1).startsWith("DAMAGED " + s2) && lines.get(1).contains(".jp2"), lines.get(1));
        for (String line : lines) assertFalse(line.contains("--verify"), line);
    }

    @Test
    void listedWithItsHelp() {
        Cli root = Cli.run("--help");
        assertTrue(root.out().contains("verify"), root.toString());
        Cli help = Cli.run("verify", "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("SHA3-256") && help.out().contains("PRODUCT"), help.toString());
    }

    private static long files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
