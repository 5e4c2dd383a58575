package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductReader;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probing, registration and the messages for damaged or unsupported files. */
class GeoTiffErrorsTest {
    @TempDir
    Path dir;

    private final GeoTiffReader reader = new GeoTiffReader(0, m -> { });

    private Path tiff(String name, String... options) throws IOException {
        Path raw = GdalFiles.byteImage(dir, name, 300, 200, 1, null);
        String[] a = new String[options.length * 2];
        for (int i = 0; i < options.length; i++) {
            a[2 * i] = "-co";
            a[2 * i + 1] = options[i];
        }
        return GdalFiles.translate(raw, dir.resolve(name + ".tif"), a);
    }

    @Test
    void probeAcceptsTiffAndBigTiffHeadersOnly() throws IOException {
        Path little = tiff("le");
        Path big = tiff("be", "ENDIANNESS=BIG", "BIGTIFF=YES");
        Path text = Files.writeString(dir.resolve("x.tif"), "hello, not a tiff");
        assertEquals(ProductReader.Fit.GENERIC, reader.probe(little));
        assertEquals(ProductReader.Fit.GENERIC, reader.probe(big));
        assertEquals(ProductReader.Fit.NONE, reader.probe(text));
        assertEquals(ProductReader.Fit.NONE, reader.probe(dir));
        assertEquals(ProductReader.Fit.NONE, reader.probe(dir.resolve("missing.tif")));
        assertEquals(ProductReader.Fit.NONE, reader.probe(Files.write(dir.resolve("short"), new byte[] {'I', 'I'})));
    }

    @Test
    void productIoFindsTheRegisteredReader() throws IOException {
        Path tif = tiff("reg", "TILED=YES");
        assertTrue(ProductIO.readers().stream().anyMatch(r -> r instanceof GeoTiffReader));
        Raster r = ProductIO.read(tif).raster();
        assertEquals(300, r.width());
        assertEquals(GdalFiles.byteValue(299, 199, 0), r.read(0, new Region(299, 199, 1, 1)).bytes()[0] & 0xFF);
    }

    @Test
    void badMagicNamesTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.tif"), "hello, this is not a TIFF at all");
        Ai4cException e = assertThrows(Ai4cException.class, () -> reader.read(text));
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("not a TIFF"), e.getMessage());
    }

    @Test
    void fileCutInHalfFailsWithTheFileName() throws IOException {
        for (String layout : new String[] {"TILED=YES", "TILED=NO"}) {
            Path tif = tiff("cut" + layout.length(), layout, "COMPRESS=DEFLATE");
            byte[] all = Files.readAllBytes(tif);
            Path half = Files.write(dir.resolve("half-" + layout + ".tif"), Arrays.copyOf(all, all.length / 2));
            Ai4cException e = assertThrows(Ai4cException.class, () -> {
                Raster r = reader.read(half).raster();
                r.read(0, r.bounds());
            });
            assertTrue(e.getMessage().contains(half.toString()) && e.getMessage().contains("truncated"), e.getMessage());
            Path tiny = Files.write(dir.resolve("tiny.tif"), Arrays.copyOf(all, 100));
            Ai4cException e2 = assertThrows(Ai4cException.class, () -> reader.read(tiny));
            assertTrue(e2.getMessage().contains(tiny.toString()), e2.getMessage());
        }
    }

    @Test
    void corruptCompressedTileFailsOnRead() throws IOException {
        Path tif = tiff("corrupt", "TILED=YES", "COMPRESS=DEFLATE");
        byte[] all = Files.readAllBytes(tif);
        Raster r = reader.read(tif).raster();
        // overwrite the compressed data (GDAL writes the directory first, the tiles after it)
        Arrays.fill(all, all.length / 2, all.length, (byte) 0x5A);
        Files.write(tif, all);
        Ai4cException e = assertThrows(Ai4cException.class, () -> r.read(0, r.bounds()));
        assertTrue(e.getMessage().contains(tif.toString()) && e.getMessage().contains("tile"), e.getMessage());
    }

    @Test
    void jpegCompressionIsRefusedWithTheFix() throws IOException {
        Path tif = tiff("photo", "COMPRESS=JPEG");
        Ai4cException e = assertThrows(Ai4cException.class, () -> reader.read(tif));
        assertTrue(e.getMessage().contains(tif.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("JPEG compression (7)"), e.getMessage());
        assertTrue(e.getMessage().contains("gdal_translate -co COMPRESS=DEFLATE"), e.getMessage());
    }

    @Test
    void windowOutsideTheImageIsRejected() throws IOException {
        Raster r = reader.read(tiff("bounds")).raster();
        assertThrows(IllegalArgumentException.class, () -> r.read(0, new Region(290, 0, 20, 10)));
        assertThrows(IllegalArgumentException.class, () -> r.read(1, new Region(0, 0, 1, 1)));
    }

    @Test
    void interruptedReaderDoesNotBreakTheOthers() throws Exception {
        Raster r = reader.read(tiff("interrupt", "TILED=YES", "COMPRESS=LZW")).raster();
        byte[] expected = r.read(0, r.bounds()).bytes();
        Throwable[] seen = new Throwable[1];
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                r.read(0, r.bounds());
            } catch (Throwable x) {
                seen[0] = x;
            }
        });
        t.start();
        t.join();
        assertInstanceOf(ClosedChannelException.class, seen[0]); // the interrupt closed the shared channel
        assertArrayEquals(expected, r.read(0, r.bounds()).bytes());
    }
}
