package eu.ai4c.s2.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.jp2.Jp2Rasters;
import eu.ai4c.s2.safe.BandImage;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.safe.S2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic SAFE products written as JPEG 2000 and read back through the product reader. */
class SyntheticSafeRoundTripTest {

    @Test
    void l2aCurrentBaselineReadsBackAsReflectance(@TempDir Path tmp) throws IOException {
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L2A).size(120).noDataColumns(12).build();
        Path safe = syn.write(tmp);
        Product p = ProductIO.read(safe);
        S2Product s2 = p.attachment(S2Product.class).orElseThrow();
        assertEquals(S2Level.L2A, s2.level());
        // the metadata file stands for its folder
        assertEquals(s2.name(), ProductIO.read(safe.resolve("MTD_MSIL2A.xml")).attachment(S2Product.class).orElseThrow().name());
        assertEquals("05.09", s2.baseline().toString());
        assertEquals(-1000, s2.offset(S2Band.B2));
        assertEquals("T32TNM", s2.tileName());
        assertEquals(syn.bands(), s2.bands().keySet());
        assertTrue(s2.scl().isPresent());
        checkBand(syn, s2, S2Band.B2);
        checkBand(syn, s2, S2Band.B5);
        checkBand(syn, s2, S2Band.B1);
        // the product raster: every band at 10 m, nearest
        Raster r = p.raster();
        assertEquals(120, r.width());
        int b5 = r.bandIndex("B5");
        Block blk = r.read(b5, Region.of(120, 120));
        for (int row = 0; row < 120; row += 7) {
            for (int col = 0; col < 120; col += 5) {
                double expected = syn.reflectance(S2Band.B5, col / 2, row / 2);
                assertEquals(expected, blk.floats()[row * 120 + col], 1e-6, col + "," + row);
            }
        }
        // SCL at 20 m
        Block scl = s2.scl().get().raster().read(0, Region.of(60, 60));
        for (int row = 0; row < 60; row++) for (int col = 0; col < 60; col++) {
            assertEquals(syn.scl(col, row), scl.bytes()[row * 60 + col] & 0xFF);
        }
    }

    private static void checkBand(SyntheticS2Product syn, S2Product s2, S2Band b) throws IOException {
        BandImage img = s2.band(b);
        assertEquals(b.nativeResolution(), img.resolution());
        assertEquals(syn.size(b.nativeResolution()), img.width());
        Block dn = img.raster().read(0, img.raster().bounds());
        for (int row = 0; row < img.height(); row++) {
            for (int col = 0; col < img.width(); col++) {
                assertEquals(syn.dn(b, col, row), dn.shorts()[row * img.width() + col] & 0xFFFF, b + " " + col + "," + row);
            }
        }
        assertEquals(syn.ulx(), img.grid().x(0, 0));
        assertEquals(b.nativeResolution(), img.grid().pixelSizeX());
    }

    @Test
    void javaAndOpenJpegDecodersAgreeOnWindows(@TempDir Path tmp) throws IOException {
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L1C).baseline("04.00").size(240)
                .bands(S2Band.B2, S2Band.B11).build();
        S2Product s2 = ProductIO.read(syn.write(tmp)).attachment(S2Product.class).orElseThrow();
        BandImage img = s2.band(S2Band.B2);
        Path file = Path.of(img.location().replace(syn.safeName(), tmp.resolve(syn.safeName()).toString()));
        Raster opj = Jp2Rasters.open(file, List.of("B2"), null, Jp2Rasters.Decoder.OPJ);
        Raster pure = Jp2Rasters.open(file, List.of("B2"), null, Jp2Rasters.Decoder.JAVA);
        for (Region w : List.of(new Region(0, 0, 240, 240), new Region(17, 33, 101, 57), new Region(239, 239, 1, 1))) {
            assertArrayEquals(opj.read(0, w).shorts(), pure.read(0, w).shorts(), w.toString());
        }
        assertEquals(syn.dn(S2Band.B2, 100, 7), opj.read(0, new Region(100, 7, 1, 1)).shorts()[0] & 0xFFFF);
        // the decoded temporary file goes away on close
        Path temp = ((eu.ai4c.s2.jp2.OpjJp2Raster) opj).temporaryFileForTests();
        assertTrue(Files.exists(temp));
        ((eu.ai4c.s2.jp2.OpjJp2Raster) opj).close();
        assertTrue(!Files.exists(temp));
        // MSK_CLASSI: three 8-bit components at 60 m
        Raster classi = s2.cloudClassification().orElseThrow().raster();
        assertEquals(3, classi.bands().size());
        Block opaque = classi.read(0, classi.bounds()), cirrus = classi.read(1, classi.bounds());
        for (int row = 0; row < 40; row++) for (int col = 0; col < 40; col++) {
            assertEquals(SyntheticS2Product.opaque(col, row) ? 1 : 0, opaque.bytes()[row * 40 + col]);
            assertEquals(SyntheticS2Product.cirrus(col, row) ? 1 : 0, cirrus.bytes()[row * 40 + col]);
        }
    }

    @Test
    void zippedOldL1cWithGmlCloudsAndNoOffset(@TempDir Path tmp) throws IOException {
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L1C).baseline("02.09").size(60).noDataColumns(0)
                .bands(S2Band.B4).zipped(true).build();
        Path zip = syn.write(tmp);
        assertTrue(zip.toString().endsWith(".zip"));
        S2Product s2 = ProductIO.read(zip).attachment(S2Product.class).orElseThrow();
        assertEquals(0, s2.offset(S2Band.B4));
        assertEquals(1, s2.gmlClouds().orElseThrow().opaque().size());
        assertEquals(1, s2.gmlClouds().orElseThrow().cirrus().size());
        Block dn = s2.band(S2Band.B4).raster().read(0, new Region(5, 6, 1, 1));
        assertEquals(syn.dn(S2Band.B4, 5, 6), dn.shorts()[0]);
        assertEquals(syn.reflectance(S2Band.B4, 5, 6), (dn.shorts()[0]) / 10000.0, 1e-12);
    }

    @Test
    void pureJavaEncoderWritesReadableImages(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("b.jp2");
        short[] v = new short[50 * 30];
        for (int i = 0; i < v.length; i++) v[i] = (short) (i * 37 % 65000);
        System.setProperty("ai4c.jp2.encoder", "java");
        try {
            Jp2Writer.writeUInt16(f, v, 50, 30);
        } finally {
            System.clearProperty("ai4c.jp2.encoder");
        }
        assertArrayEquals(v, Jp2Rasters.open(f, List.of("x"), null, Jp2Rasters.Decoder.OPJ).read(0, Region.of(50, 30)).shorts());
    }

    /** Products re-processed with GeoTIFF images (imageFormat="GeoTIFF", as the 02.12/04.00 fixtures declare). */
    @Test
    void geoTiffImagesInsideTheSafe(@TempDir Path tmp) throws IOException {
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L2A).baseline("04.00").size(60).geoTiff(true)
                .bands(S2Band.B2, S2Band.B5).build();
        S2Product s2 = ProductIO.read(syn.write(tmp)).attachment(S2Product.class).orElseThrow();
        assertEquals("GeoTIFF", s2.productMetadata().orElseThrow().imageFormat());
        assertTrue(s2.band(S2Band.B5).location().endsWith("_B05_20m.tif"), s2.band(S2Band.B5).location());
        checkBand(syn, s2, S2Band.B5);
        checkBand(syn, s2, S2Band.B2);
        assertEquals(syn.scl(20, 7), s2.scl().orElseThrow().raster().read(0, new Region(20, 7, 1, 1)).bytes()[0]);
    }

    /** A pre-2016 multi-tile product (several granules) is refused with a message naming the count. */
    @Test
    void multiTileProductIsRefused(@TempDir Path tmp) throws IOException {
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L1C).baseline("02.01").size(60).bands(S2Band.B2).build();
        Path safe = syn.write(tmp);
        Path granules = safe.resolve("GRANULE");
        Path first;
        try (var s = Files.list(granules)) {
            first = s.findFirst().orElseThrow();
        }
        Path second = Files.createDirectories(granules.resolve("L1C_T32TNN_A041826_20230625T100031"));
        Files.copy(first.resolve("MTD_TL.xml"), second.resolve("MTD_TL.xml"));
        eu.ai4c.kit.Ai4cException e = org.junit.jupiter.api.Assertions.assertThrows(eu.ai4c.kit.Ai4cException.class,
                () -> ProductIO.read(safe));
        assertTrue(e.getMessage().contains("2 tiles"), e.getMessage());
    }

    /** Windows read from several threads at once with the pure-Java decoder match the OpenJPEG decode. */
    @Test
    void javaDecoderIsThreadSafe(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("b.jp2");
        int w = 2100, h = 300; // three 1024-wide codestream tiles: distinct tiles decode concurrently
        short[] v = new short[w * h];
        for (int i = 0; i < v.length; i++) v[i] = (short) ((i % w) * 13 + (i / w) * 7);
        Jp2Writer.writeUInt16(f, v, w, h);
        Raster pure = Jp2Rasters.open(f, List.of("x"), null, Jp2Rasters.Decoder.JAVA);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            java.util.Random rnd = new java.util.Random(7);
            for (int k = 0; k < 24; k++) {
                int x = rnd.nextInt(w - 40), y = rnd.nextInt(h - 40), ww = 1 + rnd.nextInt(40), hh = 1 + rnd.nextInt(40);
                futures.add(pool.submit(() -> {
                    Block b = pure.read(0, new Region(x, y, ww, hh));
                    for (int r = 0; r < hh; r++) for (int c = 0; c < ww; c++) {
                        assertEquals(v[(y + r) * w + x + c], b.shorts()[r * ww + c]);
                    }
                    return null;
                }));
            }
            for (var fu : futures) fu.get();
        } finally {
            pool.shutdown();
        }
    }
}
