package eu.ai4c.s2.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Tile metadata of a real product, and the damaged values it must refuse rather than use. */
class TileMetadataParserTest {
    static final String TILE = "stactools-sentinel2/tests/data-files/S2A_MSIL1C_20210908T042701_N0301_R133_T46RER_20210908T070248.SAFE/"
            + "GRANULE/L1C_T46RER_A032448_20210908T043714/MTD_TL.xml";

    static TileMetadata parse(String xml) throws IOException {
        return TileMetadataParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "T46RER/MTD_TL.xml");
    }

    @Test
    void realTileGrids() throws IOException {
        TileMetadata tm = parse(Files.readString(Fixtures.file(TILE)));
        TileGrid g10 = tm.grid(10).orElseThrow();
        assertEquals(10980, g10.cols());
        assertEquals(10980, g10.rows());
        assertEquals(10.0, g10.xdim());
        assertEquals(-10.0, g10.ydim());
        assertEquals(1830, tm.grid(60).orElseThrow().cols());
    }

    @Test
    void impossibleGridValuesAreRefusedNamingTheFile() throws IOException {
        String xml = Files.readString(Fixtures.file(TILE));
        String[][] damage = {
                {"<NROWS>10980</NROWS>", "<NROWS>-5</NROWS>", "NROWS of the 10 m grid is -5"},
                {"<NCOLS>10980</NCOLS>", "<NCOLS>0</NCOLS>", "NCOLS of the 10 m grid is 0"},
                {"<NCOLS>10980</NCOLS>", "<NCOLS>1098000000</NCOLS>", "NCOLS of the 10 m grid is 1098000000"},
                {"<NROWS>10980</NROWS>", "<NROWS>10980.5</NROWS>", "NROWS of the 10 m grid is 10980.5"},
                {"<XDIM>10</XDIM>", "<XDIM>-10</XDIM>", "XDIM -10.0 and YDIM -10.0"},
                {"<YDIM>-10</YDIM>", "<YDIM>0</YDIM>", "XDIM 10.0 and YDIM 0.0"},
                {"<XDIM>10</XDIM>", "<XDIM>NaN</XDIM>", "XDIM of the 10 m grid is NaN"}};
        for (String[] d : damage) {
            assertTrue(xml.contains(d[0]), d[0] + " in the fixture");
            Ai4cException e = assertThrows(Ai4cException.class, () -> parse(xml.replaceFirst(d[0], d[1])), d[1]);
            assertTrue(e.getMessage().startsWith("T46RER/MTD_TL.xml: ") && e.getMessage().contains(d[2])
                    && e.getMessage().contains("damaged"), e.getMessage());
        }
    }
}
