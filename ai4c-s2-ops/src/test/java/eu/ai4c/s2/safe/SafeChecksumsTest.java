package eu.ai4c.s2.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.FileDigests;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.s2.preprocess.S2PreprocessOperator;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksums of Sentinel-2 manifests: read from ESA's own manifests (MD5 and SHA3-256) and
 * matched against the files ESA made; a damaged band of a product refused by S2-preprocess, with
 * {@code verify} on, naming the file; processed with it off.
 */
class SafeChecksumsTest {
    @TempDir
    Path tmp;

    /** ESA's checksums of the product and tile metadata of real products equal the digests of those files. */
    @Test
    void esaManifestsGiveTheDigestsOfTheirFiles() throws IOException {
        // baseline 03.01, SHA3-256; baseline 02.14, MD5 (files as ESA made them in these fixtures)
        for (String[] f : new String[][] {
                {"stactools-sentinel2/tests/data-files/S2A_MSIL1C_20210908T042701_N0301_R133_T46RER_20210908T070248.SAFE",
                        "SHA3-256", "MTD_MSIL1C.xml"},
                {"stactools-sentinel2/tests/data-files/esa_S2B_MSIL2A_20210122T133229_N0214_R081_T22HBD_20210122T155500.SAFE",
                        "MD5", "MTD_MSIL2A.xml"}}) {
            try (SafeContainer c = SafeContainer.open(Fixtures.file(f[0]))) {
                SafeChecksums sums = SafeChecksums.of(c);
                assertTrue(sums.size() > 80, f[0] + ": " + sums.size() + " checksums");
                List<String> metadata = new java.util.ArrayList<>(List.of(f[2]));
                metadata.addAll(SafeLayout.tileMetadata(c.entries()));
                assertEquals(2, metadata.size(), "product and tile metadata in " + f[0]);
                for (String m : metadata) {
                    SafeChecksums.Expected e = sums.expected(m).orElseThrow(() -> new AssertionError(m + " in the manifest"));
                    assertEquals(f[1], e.algorithm(), m);
                    try (InputStream in = c.open(m)) {
                        assertEquals(e.hex(), FileDigests.hex(e.algorithm(), in), m + " of " + f[0]);
                    }
                }
            }
        }
    }

    /**
     * Every file of a real L1C product whose bytes the fixture keeps (its images are empty
     * placeholders) gives the MD5 that ESA's manifest records for it: 72 files, metadata, quality
     * reports, masks and preview, under their {@code ./}-relative locations.
     */
    @Test
    void everyKeptFileOfARealProductGivesEsasMd5() throws IOException {
        Path safe = Fixtures.file("s2reader/tests/data/compact_safe/"
                + "S2A_MSIL1C_20170226T102021_N0204_R065_T32TNM_20170226T102458.SAFE");
        int matched = 0, empty = 0;
        try (SafeContainer c = SafeContainer.open(safe)) {
            SafeChecksums sums = SafeChecksums.of(c);
            for (String entry : c.entries()) {
                if (entry.equals("manifest.safe")) continue;
                var expected = sums.expected(entry);
                if (expected.isEmpty()) continue;
                if (c.size(entry) == 0) {
                    empty++;
                    continue;
                }
                assertEquals("MD5", expected.get().algorithm(), entry);
                try (InputStream in = c.open(entry)) {
                    assertEquals(expected.get().hex(), FileDigests.hex("MD5", in), entry);
                }
                matched++;
            }
        }
        assertEquals(72, matched, "files with content checked against ESA's MD5");
        assertEquals(15, empty, "empty placeholders (the 14 images and the datastrip metadata)");
    }

    @Test
    void aDamagedBandIsRefusedUnlessVerifyIsOff() throws IOException {
        for (boolean zip : new boolean[] {false, true}) {
            SyntheticS2Product p = SyntheticS2Product.builder(S2Level.L2A).size(60).noDataColumns(0)
                    .bands(S2Band.B2, S2Band.B4).zipped(zip).build();
            Path whole = p.write(Files.createDirectories(tmp.resolve("whole" + zip)));
            assertEquals(1, run(whole, "true").raster().bands().size(), "an undamaged product is processed");

            Path safe = p.write(Files.createDirectories(tmp.resolve("damaged" + zip)));
            damageB4(safe, zip);
            Ai4cException e = assertThrows(Ai4cException.class, () -> run(safe, "true"));
            assertTrue(e.getMessage().contains("_B04_10m.jp2 is damaged") && e.getMessage().contains("SHA3-256")
                    && e.getMessage().contains("--verify false"), e.getMessage());
            // the damage is inside the code stream: decoded without a word when not checked
            assertEquals(1, run(safe, "false").raster().bands().size());
            // a band not asked for is not read, so not checked
            assertEquals(1, run(safe, "true", "B2").raster().bands().size());
        }
    }

    /** Zeroes up to 1 KB from the middle of the B4 image (a zip: rewritten with the damaged entry). */
    private static void damageB4(Path product, boolean zip) throws IOException {
        Path folder = product;
        Path unzipped = null;
        if (zip) {
            unzipped = Files.createTempDirectory(product.getParent(), "unzipped");
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(product.toFile())) {
                for (var e : java.util.Collections.list(z.entries())) {
                    Path to = unzipped.resolve(e.getName());
                    if (e.isDirectory()) continue;
                    Files.createDirectories(to.getParent());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, to);
                    }
                }
            }
            try (Stream<Path> s = Files.list(unzipped)) {
                folder = s.findFirst().orElseThrow();
            }
        }
        Path b4;
        try (Stream<Path> s = Files.walk(folder)) {
            b4 = s.filter(f -> f.getFileName().toString().endsWith("_B04_10m.jp2")).findFirst().orElseThrow();
        }
        byte[] d = Files.readAllBytes(b4);
        java.util.Arrays.fill(d, d.length / 2, Math.min(d.length, d.length / 2 + 1024), (byte) 0);
        Files.write(b4, d);
        if (zip) {
            Files.delete(product);
            Path root = folder;
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(product));
                 Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new java.util.zip.ZipEntry(root.getParent().relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
    }

    private static Product run(Path input, String verify) throws IOException {
        return run(input, verify, "B4");
    }

    private static Product run(Path input, String verify, String bands) throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("bands", bands);
        raw.put("resolution", "20");
        raw.put("cloudmask", "None");
        raw.put("verify", verify);
        S2PreprocessOperator op = new S2PreprocessOperator();
        return op.apply(Map.of("input", ProductIO.read(input)), op.descriptor().validate(raw),
                ProcessingContext.defaults().withThreads(2));
    }
}
