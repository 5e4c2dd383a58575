package eu.ai4c.s1.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two damaged GRD zips of the damage sweep (a zeroed 4 KiB block near the end of the zip, bit
 * flips spread through a measurement) are refused by the measurement check that {@code --verify}
 * runs, naming the file; {@code --verify false} opens them. Where the manifest gives no MD5, the
 * zip's CRC-32 alone catches the damage.
 */
class ZipDamageTest {
    @TempDir
    Path tmp;

    @Test
    void zeroedBlockNearTheEndOfTheZipIsRefusedNamingTheMeasurement() throws IOException {
        Path safe = SyntheticGrd.builder(120, 90).seed(6).build().write(tmp.resolve("p"));
        Path zip = zip(safe, tmp.resolve("p.zip"));
        String tiff = measurement(zip);
        long cd = centralDirectoryOffset(zip);
        // the last entry is the measurement: 4 KiB ending just before the central directory lie in it
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4096), cd - 4096 - 16);
        }
        assertRefused(zip, tiff, "MD5");
    }

    @Test
    void bitFlipsSpreadThroughTheMeasurementAreRefused() throws IOException {
        Path safe = SyntheticGrd.builder(120, 90).polarisations("VV", "VH").seed(7).build().write(tmp.resolve("p"));
        Path zip = zip(safe, tmp.resolve("p.zip"));
        String tiff = measurement(zip);
        long[] range = dataRange(zip, tiff);
        for (int i = 1; i <= 16; i++) ChecksumsTest.flip(zip, range[0] + range[1] * i / 17);
        assertRefused(zip, tiff, "MD5");
    }

    @Test
    void withoutAnMd5InTheManifestTheZipCrcCatchesTheDamage() throws IOException {
        Path safe = SyntheticGrd.builder(120, 90).seed(8).build().write(tmp.resolve("p"));
        Path manifest = safe.resolve("manifest.safe");
        String xml = Files.readString(manifest);
        String measurementMd5 = "(?s)(measurement/[^\"]*\".*?<checksum checksumName=\"MD5\">)[0-9a-f]{32}";
        Files.writeString(manifest, xml.replaceAll(measurementMd5, "$1"));
        Path zip = zip(safe, tmp.resolve("p.zip"));
        String tiff = measurement(zip);
        try (S1Product p = S1Product.open(zip, true)) {
            assertEquals("", p.manifest().md5(tiff.substring(tiff.indexOf(".SAFE/") + 6)), "the MD5 was removed");
        }
        long[] range = dataRange(zip, tiff);
        ChecksumsTest.flip(zip, range[0] + range[1] / 2);
        assertRefused(zip, tiff, "CRC-32");
    }

    private static void assertRefused(Path zip, String entry, String check) throws IOException {
        String href = entry.substring(entry.indexOf(".SAFE/") + 6);
        try (S1Product p = S1Product.open(zip, true)) {
            Ai4cException e = assertThrows(Ai4cException.class, () -> p.verifyMeasurements(p.images()));
            assertTrue(e.getMessage().contains(href) && e.getMessage().contains(check)
                    && e.getMessage().contains(zip.toString()) && e.getMessage().contains("--verify false"),
                    e.getMessage());
        }
        try (S1Product p = S1Product.open(zip, false)) {
            assertEquals(href, p.images().stream().filter(i -> i.measurementHref().equals(href)).findFirst()
                    .orElseThrow().measurementHref(), "--verify false opens the damaged product");
        }
    }

    /** A STORED zip of the SAFE folder as ESA writes them, with the first measurement as the last entry. */
    private static Path zip(Path safe, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(safe)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
        Path first = files.stream().filter(f -> f.toString().contains("/measurement/")).findFirst().orElseThrow();
        files.remove(first);
        files.add(first);
        return storedZip(safe, files, zip);
    }

    /** A STORED (uncompressed) zip of {@code files} of the SAFE folder in that order, with their CRC-32s. */
    static Path storedZip(Path safe, List<Path> files, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path f : files) {
                byte[] b = Files.readAllBytes(f);
                ZipEntry e = new ZipEntry(safe.getFileName() + "/" + safe.relativize(f).toString().replace('\\', '/'));
                e.setMethod(ZipEntry.STORED);
                e.setSize(b.length);
                CRC32 crc = new CRC32();
                crc.update(b);
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(b);
                z.closeEntry();
            }
        }
        return zip;
    }

    private static String measurement(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> all = z.stream().toList();
            String last = all.get(all.size() - 1).getName();
            assertTrue(last.contains("/measurement/"), last);
            return last;
        }
    }

    private static long[] dataRange(Path zip, String entry) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(entry);
            return new long[] {ZipEntryOffsets.dataOffset(zip, z, e), e.getSize()};
        }
    }

    private static long centralDirectoryOffset(Path zip) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer bb = ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = b.length - 22; i >= 0; i--) {
            if (bb.getInt(i) == 0x06054b50) return bb.getInt(i + 16) & 0xFFFFFFFFL;
        }
        throw new AssertionError("no end record");
    }
}
