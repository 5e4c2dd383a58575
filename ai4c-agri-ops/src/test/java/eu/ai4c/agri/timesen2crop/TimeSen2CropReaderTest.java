package eu.ai4c.agri.timesen2crop;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/** The TimeSen2Crop reader on small hand-written folders, and its error messages. */
class TimeSen2CropReaderTest {
    @TempDir Path root;

    static void file(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    /** Tile T1: 3 dates, class 2 with a header and spaces, class 14 without header, a stray file. */
    static void handWritten(Path root) throws IOException {
        file(root.resolve("T1/dates.csv"), "acquisition_date\n20170905\n2017-10-10\n\n20180102\n");
        file(root.resolve("T1/2/7.csv"), "B2,B3,B4,B5,B6,B7,B8A,B11,B12,condition\n"
                + " 100, 200 ,300,400,500,600,700,800,900, 0\n"
                + "101;201;301;401;501;601;701;801;901;1\n"
                + "102 202 302 402 502 602 702 802 902 3\n");
        file(root.resolve("T1/14/a.csv"), "1,2,3,4,5,6,7,8,9,0\n10,20,30,40,50,60,70,80,90,2\n1.5,2,3,4,5,6,7,8,9,0\n");
        file(root.resolve("T1/notes.txt"), "ignored");
        file(root.resolve("T1/14/readme.md"), "ignored");
        file(root.resolve("T1/.hidden/x.csv"), "ignored");
    }

    @Test
    void readsHandWrittenTileExactly() throws IOException {
        handWritten(root);
        assertEquals(List.of("T1"), TimeSen2CropReader.tiles(root));
        TileSamples s = TimeSen2CropReader.readTile(root, "T1");
        assertEquals(List.of(LocalDate.of(2017, 9, 5), LocalDate.of(2017, 10, 10), LocalDate.of(2018, 1, 2)), s.dates());
        assertEquals(2, s.count());
        assertArrayEquals(new int[] {2, 14}, s.labels());
        assertEquals(List.of("2/7.csv", "14/a.csv"), s.sampleNames());
        assertArrayEquals(new byte[] {0, 1, 3, 0, 2, 0}, s.conditions());
        float[] v = s.values();
        assertEquals(2 * 3 * 9, v.length);
        assertEquals(100f, v[0]);
        assertEquals(900f, v[8]);
        assertEquals(201f, v[9 + 1]);
        assertEquals(902f, v[18 + 8]);
        assertEquals(1f, v[27]);
        assertEquals(80f, v[27 + 9 + 7]);
        assertEquals(1.5f, v[27 + 18]);
    }

    @Test
    void wrongColumnCountNamesFileLineAndColumns() throws IOException {
        handWritten(root);
        file(root.resolve("T1/3/bad.csv"), "1,2,3,4,5,6,7,8,9,0\n1,2,3,4,5,6,7,8,0\n1,2,3,4,5,6,7,8,9,0\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T1"));
        assertTrue(e.getMessage().contains("bad.csv, line 2: 9 columns, expected 10"), e.getMessage());
    }

    @Test
    void windowsLineEndsAndDecimalsAreReadAndExtraColumnsRefused() throws IOException {
        handWritten(root);
        file(root.resolve("T1/3/crlf.csv"), "B2,B3,B4,B5,B6,B7,B8A,B11,B12,condition\r\n"
                + "1,2,3,4,5,6,7,8,-9.25,0\r\n1,2,3,4,5,6,7,8,1e3,0\r\n1,2,3,4,5,6,7,8,9,0\r\n");
        TileSamples s = TimeSen2CropReader.readTile(root, "T1");
        assertEquals(List.of("2/7.csv", "3/crlf.csv", "14/a.csv"), s.sampleNames());
        assertEquals(-9.25f, s.values()[27 + 8]);
        assertEquals(1000f, s.values()[27 + 9 + 8]);
        file(root.resolve("T1/3/crlf.csv"), "1,2,3,4,5,6,7,8,9,0\n1,2,3,4,5,6,7,8,9,0,5\n1,2,3,4,5,6,7,8,9,0\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T1"));
        assertTrue(e.getMessage().contains("crlf.csv, line 2: more than 10 columns, expected 10"), e.getMessage());
        file(root.resolve("T1/3/crlf.csv"), "1,2,3,4,5,6,7,8,9,0\n1,2,3,4,5,6,7,8,9,\n1,2,3,4,5,6,7,8,9,0\n");
        e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T1"));
        assertTrue(e.getMessage().contains("crlf.csv, line 2: pixel condition value \"\" is not a number"), e.getMessage());
    }

    @Test
    void nonNumericValueNamesBand() throws IOException {
        handWritten(root);
        file(root.resolve("T1/3/bad.csv"), "1,2,3,4,5,6,7,8,9,0\n1,2,3,4,5,6,x7,8,9,0\n1,2,3,4,5,6,7,8,9,0\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T1"));
        assertTrue(e.getMessage().contains("bad.csv, line 2: B8A value \"x7\" is not a number"), e.getMessage());
    }

    @Test
    void rowCountMustEqualDates() throws IOException {
        handWritten(root);
        file(root.resolve("T1/3/short.csv"), "1,2,3,4,5,6,7,8,9,0\n1,2,3,4,5,6,7,8,9,0\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T1"));
        assertTrue(e.getMessage().contains("short.csv: 2 data rows but dates.csv of the tile lists 3 dates"), e.getMessage());
        file(root.resolve("T1/3/short.csv"), "1,2,3,4,5,6,7,8,9,0\n".repeat(4));
        e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T1"));
        assertTrue(e.getMessage().contains("short.csv: more rows than the 3 dates"), e.getMessage());
    }

    @Test
    void classFolderOutsideSchemeIsRefused() throws IOException {
        handWritten(root);
        file(root.resolve("T1/16/x.csv"), "1,2,3,4,5,6,7,8,9,0\n".repeat(3));
        Ai4cException e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T1"));
        assertTrue(e.getMessage().contains("class folder \"16\" is not a TimeSen2Crop class id"), e.getMessage());
        assertTrue(e.getMessage().contains("0 to 15"), e.getMessage());
    }

    @Test
    void conditionOutsideCodesAndBadDateAreRefused() throws IOException {
        handWritten(root);
        file(root.resolve("T1/3/c.csv"), "1,2,3,4,5,6,7,8,9,0\n1,2,3,4,5,6,7,8,9,4\n1,2,3,4,5,6,7,8,9,0\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T1"));
        assertTrue(e.getMessage().contains("c.csv, line 2: pixel condition \"4\""), e.getMessage());
        file(root.resolve("T2/dates.csv"), "20170905\n2017-13-10\n");
        e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "T2"));
        assertTrue(e.getMessage().contains("dates.csv, line 2: \"2017-13-10\" is not a date"), e.getMessage());
    }

    @Test
    void missingRootOrTileIsAUsageError() throws IOException {
        Ai4cException e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.tiles(root.resolve("none")));
        assertTrue(e.isUsageError());
        handWritten(root);
        e = assertThrows(Ai4cException.class, () -> TimeSen2CropReader.readTile(root, "33UVP"));
        assertTrue(e.getMessage().contains("tiles found: T1"), e.getMessage());
    }
}
