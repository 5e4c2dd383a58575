package eu.ai4c.s1.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import eu.ai4c.s1.testing.S1Fixtures;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
    @TempDir
    Path tmp;

    /**
     * The GRD fixture is a real product whose measurement was replaced by zeros to keep it small:
     * its XML files still match the MD5s of its real manifest, its measurement does not, and the
     * check says so.
     */
    @Test
    void realManifestChecksumsFindTheReplacedMeasurement() throws IOException {
        try (S1Product p = S1Product.open(S1Fixtures.sarsenGrd(), true)) {
            S1Image vv = p.images().stream().filter(i -> i.polarisation().equals("VV")).findFirst().orElseThrow();
            assertTrue(p.manifest().md5(vv.annotationHref()).matches("[0-9a-f]{32}"), p.manifest().md5(vv.annotationHref()));
            Ai4cException e = assertThrows(Ai4cException.class, () -> p.verifyMeasurements(List.of(vv)));
            assertTrue(e.getMessage().contains(vv.measurementHref()) && e.getMessage().contains("damaged")
                    && e.getMessage().contains("--verify false"), e.getMessage());
        }
    }

    @Test
    void intactSyntheticProductPassesAndAFlippedByteIsNamed() throws IOException {
        Path safe = SyntheticGrd.builder(120, 90).polarisations("VV", "VH").seed(3).build().write(tmp);
        try (S1Product p = S1Product.open(safe, true)) {
            assertEquals(2, p.verifyMeasurements(p.images()));
        }
        Path tiff;
        try (Stream<Path> s = Files.list(safe.resolve("measurement"))) {
            tiff = s.sorted().findFirst().orElseThrow();
        }
        flip(tiff, Files.size(tiff) - 100);
        try (S1Product p = S1Product.open(safe, true)) {
            Ai4cException e = assertThrows(Ai4cException.class, () -> p.verifyMeasurements(p.images()));
            assertTrue(e.getMessage().contains(tiff.getFileName().toString()), e.getMessage());
        }
    }

    /** A changed digit keeps the XML valid and plausible: only the checksum tells. */
    @Test
    void aChangedNumberInTheCalibrationXmlIsRefusedUnlessNotVerifying() throws IOException {
        Path safe = SyntheticGrd.builder(120, 90).seed(4).build().write(tmp);
        Path cal;
        try (Stream<Path> s = Files.list(safe.resolve("annotation/calibration"))) {
            cal = s.filter(f -> f.getFileName().toString().startsWith("calibration-")).findFirst().orElseThrow();
        }
        String xml = Files.readString(cal);
        int at = xml.indexOf("<sigmaNought");
        int digit = at + xml.substring(at).indexOf('>') + 1;
        char c = xml.charAt(digit);
        Files.writeString(cal, xml.substring(0, digit) + (c == '9' ? '8' : (char) (c + 1)) + xml.substring(digit + 1));
        Ai4cException e = assertThrows(Ai4cException.class, () -> S1Product.open(safe, true).close());
        assertTrue(e.getMessage().contains(cal.getFileName().toString()) && e.getMessage().contains("MD5"), e.getMessage());
        S1Product.open(safe, false).close();
    }

    /** A stored zip entry whose data no longer gives the zip's CRC-32 is refused when read. */
    @Test
    void zipEntryCrcIsChecked() throws IOException {
        Path safe = SyntheticGrd.builder(80, 60).seed(5).build().write(tmp.resolve("p"));
        Path zip = tmp.resolve("p.zip");
        try (Stream<Path> files = Files.walk(safe)) {
            ZipDamageTest.storedZip(safe, files.filter(Files::isRegularFile).sorted().toList(), zip);
        }
        String noise;
        long offset;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.stream().filter(x -> x.getName().contains("/noise-")).findFirst().orElseThrow();
            noise = e.getName();
            offset = ZipEntryOffsets.dataOffset(zip, z, e) + e.getSize() / 2;
        }
        S1Product.open(zip, false).close();
        flip(zip, offset);
        Ai4cException e = assertThrows(Ai4cException.class, () -> S1Product.open(zip, false).close());
        assertTrue(e.getMessage().contains("CRC-32") && e.getMessage().contains(noise.substring(noise.indexOf('/') + 1)),
                e.getMessage());
    }

    static void flip(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) (b.get(0) ^ 0x5A));
            b.rewind();
            ch.write(b, position);
        }
    }
}
