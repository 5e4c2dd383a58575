package eu.ai4c.s1.safe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductReader;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import eu.ai4c.s1.testing.S1Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on zipped and unzipped products, real fixtures, and bad input. */
class Sentinel1ProductReaderTest {
    @TempDir
    static Path dir;
    static Path safe;
    static short[] expected;

    @BeforeAll
    static void generate() throws Exception {
        safe = SyntheticGrd.builder(160, 120).polarisations("VV").pointTarget(60, 80, 4242).seed(5).build().write(dir);
        Product p = ProductIO.read(safe);
        expected = p.raster().read(0, Region.of(160, 120)).shorts();
        p.attachment(S1Product.class).orElseThrow().close();
        assertEquals(4242, expected[60 * 160 + 80]);
    }

    /** Zips {@code folder} as {@code prefix/<name>.SAFE/...} (or at the root for prefix {@code null}), STORED or DEFLATED. */
    static Path zip(Path folder, Path target, String prefix, boolean stored) throws IOException {
        try (OutputStream os = Files.newOutputStream(target); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] data = Files.readAllBytes(f);
                String rel = folder.relativize(f).toString().replace('\\', '/');
                ZipEntry e = new ZipEntry(prefix == null ? rel : prefix + folder.getFileName() + "/" + rel);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCompressedSize(data.length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(data);
                z.closeEntry();
            }
        }
        return target;
    }

    @Test
    void storedZipReadsLikeTheFolder() throws Exception {
        Path z = zip(safe, dir.resolve(safe.getFileName() + ".zip"), "", true);
        assertEquals(ProductReader.Fit.SPECIFIC, new Sentinel1ProductReader().probe(z));
        Product p = ProductIO.read(z);
        assertArrayEquals(expected, p.raster().read(0, Region.of(160, 120)).shorts());
        assertArrayEquals(java.util.Arrays.copyOfRange(expected, 60 * 160 + 70, 60 * 160 + 90),
                p.raster().read(0, new Region(70, 60, 20, 1)).shorts());
        p.attachment(S1Product.class).orElseThrow().close();

        Path nested = zip(safe, dir.resolve("nested.zip"), "safe/", true);
        assertEquals(ProductReader.Fit.SPECIFIC, new Sentinel1ProductReader().probe(nested));
        try (S1Product s1 = S1Product.open(nested)) {
            assertArrayEquals(expected, s1.measurement(s1.image("IW", "VV")).read(Region.of(160, 120)).shorts());
        }
        Path flat = zip(safe, dir.resolve("S1A_flat.SAFE.zip"), null, true);
        try (S1Product s1 = S1Product.open(flat)) {
            assertEquals("S1A_flat", s1.name());
            assertArrayEquals(expected, s1.measurement(s1.image("IW", "VV")).read(Region.of(160, 120)).shorts());
        }
    }

    @Test
    void deflatedMeasurementFailsClearly() throws Exception {
        Path z = zip(safe, dir.resolve("deflated.zip"), "", false);
        Product p = ProductIO.read(z); // metadata is readable
        Ai4cException e = assertThrows(Ai4cException.class, () -> p.raster().read(0, Region.of(10, 10)));
        assertTrue(e.getMessage().contains("DEFLATE-compressed inside the zip"), e.getMessage());
        p.attachment(S1Product.class).orElseThrow().close();
    }

    @Test
    void truncatedZipFailsClearly() throws Exception {
        Path z = zip(safe, dir.resolve("S1A_IW_GRDH_1SSV_truncated.zip"), "", true);
        try (FileChannel ch = FileChannel.open(z, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        Ai4cException e = assertThrows(Ai4cException.class, () -> ProductIO.read(z));
        assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(z.toString()), e.getMessage());
    }

    @Test
    void truncatedMeasurementFailsClearly() throws Exception {
        Path copy = dir.resolve("copy/" + safe.getFileName());
        try (Stream<Path> files = Files.walk(safe)) {
            for (Path f : files.toList()) {
                Path t = copy.resolve(safe.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t);
            }
        }
        try (S1Product s1 = S1Product.open(copy)) {
            Path tiff = copy.resolve(s1.image("IW", "VV").measurementHref());
            try (FileChannel ch = FileChannel.open(tiff, StandardOpenOption.WRITE)) {
                ch.truncate(ch.size() - 1000);
            }
            Ai4cException e = assertThrows(Ai4cException.class, () -> s1.measurement(s1.image("IW", "VV")));
            assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
        }
    }

    @Test
    void realGrdFixture() throws Exception {
        Product p = ProductIO.read(S1Fixtures.sarsenGrd());
        S1Product s1 = p.attachment(S1Product.class).orElseThrow();
        assertEquals(List.of("Amplitude_VV"), p.raster().bands().stream().map(b -> b.name()).toList());
        assertEquals(26102, p.raster().width());
        assertEquals("GRD", s1.productType());
        assertEquals(1, s1.missingImages().size());
        assertTrue(s1.missingImages().get(0).contains("-vh-"));
        // the fixture's measurement was recompressed with ZSTD: refused with a clear message
        Ai4cException e = assertThrows(Ai4cException.class, () -> p.raster().read(0, Region.of(4, 4)));
        assertTrue(e.getMessage().contains("uses ZSTD compression (50000)"), e.getMessage());
        s1.close();
    }

    @Test
    void realSlcFixtures() throws Exception {
        Product p = ProductIO.read(S1Fixtures.sarsenSlc());
        S1Product s1 = p.attachment(S1Product.class).orElseThrow();
        assertEquals("SLC", s1.productType());
        assertEquals(List.of("Complex_IW1_VV"), p.raster().bands().stream().map(b -> b.name()).toList());
        assertEquals(DataType.CFLOAT32, p.raster().bands().get(0).type());
        assertEquals(5, s1.missingImages().size());
        Ai4cException noNoise = assertThrows(Ai4cException.class, () -> s1.image("IW1", "VV").noise());
        assertTrue(noNoise.getMessage().contains("lacks annotation/calibration/noise-s1a-iw1-slc-vv"), noNoise.getMessage());
        Ai4cException notGrd = assertThrows(Ai4cException.class, () -> s1.manifest().requireProductType("GRD", "S1-GRD-preprocess"));
        assertTrue(notGrd.getMessage().contains("is a Sentinel-1 SLC product, but GRD is needed"), notGrd.getMessage());
        s1.close();

        Product z = ProductIO.read(S1Fixtures.s1ReaderZip());
        S1Product zs = z.attachment(S1Product.class).orElseThrow();
        assertEquals(List.of("Complex_IW1_VV", "Complex_IW1_VH"), z.raster().bands().stream().map(b -> b.name()).toList());
        assertEquals(21444, z.raster().width());
        Ai4cException empty = assertThrows(Ai4cException.class, () -> z.raster().read(0, Region.of(4, 4)));
        assertTrue(empty.getMessage().contains("is empty (0 bytes)"), empty.getMessage());
        zs.close();
    }

    @Test
    void notAProduct() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty.SAFE"));
        assertEquals(ProductReader.Fit.NONE, new Sentinel1ProductReader().probe(empty));
        Ai4cException e = assertThrows(Ai4cException.class, () -> S1Product.open(empty));
        assertTrue(e.getMessage().contains("has no manifest.safe"), e.getMessage());
        Path other = dir.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(other))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(1);
        }
        assertEquals(ProductReader.Fit.NONE, new Sentinel1ProductReader().probe(other));
        // a Sentinel-2 SAFE has a manifest.safe too, but is not ours
        Path s2 = S1Fixtures.root().resolve("s2reader/tests/data/compact_safe/S2A_MSIL1C_20170226T102021_N0204_R065_T32TNM_20170226T102458.SAFE");
        assertTrue(Files.isRegularFile(s2.resolve("manifest.safe")), "fixture " + s2);
        assertEquals(ProductReader.Fit.NONE, new Sentinel1ProductReader().probe(s2));
        Ai4cException e3 = assertThrows(Ai4cException.class, () -> S1Product.open(s2));
        assertTrue(e3.getMessage().contains("describes a SENTINEL 2A product, not Sentinel-1"), e3.getMessage());
        Ai4cException e2 = assertThrows(Ai4cException.class, () -> S1Product.open(other));
        assertTrue(e2.getMessage().contains("holds no *.SAFE/manifest.safe"), e2.getMessage());
    }
}
