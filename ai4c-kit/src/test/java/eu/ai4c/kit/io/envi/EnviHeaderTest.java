package eu.ai4c.kit.io.envi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnviHeaderTest {

    @Test
    void utmBandRoundTrips() {
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.parse("EPSG:32733", 0, 0), 500000, 8000000, 10, 10);
        EnviHeader h = EnviHeader.forBand(Band.of("B8", DataType.UINT16, 0), 100, 50, gc, true, "test");
        String text = h.format();
        assertTrue(text.contains("map info = {UTM, 1.0, 1.0, 500000.0, 8000000.0, 10.0, 10.0, 33, South, WGS-84, units=Meters}"), text);
        assertTrue(text.contains("byte order = 1"));
        assertTrue(text.contains("data type = 12"));
        EnviHeader back = EnviHeader.parse(text, "t.hdr");
        assertEquals(100, back.samples());
        assertEquals(50, back.lines());
        assertEquals(DataType.UINT16, back.type());
        assertTrue(back.bigEndian());
        assertEquals(List.of("B8"), back.bandNames());
        assertEquals(-33, back.utmZone());
        assertEquals(0.0, back.noData());
        assertArrayEquals(gc.geoTransform(), back.geoTransform());
        assertTrue(back.crsWkt().startsWith("PROJCS["), back.crsWkt());
    }

    @Test
    void parsesMultiLineBracesAndReferencePixels() {
        String text = "ENVI\ndescription = {\n  two\n  lines}\nsamples = 4\nlines = 3\nbands = 2\n"
                + "header offset = 0\ndata type = 4\ninterleave = bsq\nbyte order = 0\n"
                + "band names = {\n a,\n b}\n"
                + "map info = {Geographic Lat/Lon, 1.5, 1.5, 10.0005, 45.9995, 0.001, 0.001, WGS-84}\n";
        EnviHeader h = EnviHeader.parse(text, "g.hdr");
        assertEquals(List.of("a", "b"), h.bandNames());
        assertEquals(2, h.bands());
        // reference pixel (1.5, 1.5) is the centre of the first pixel: corner half a pixel up-left
        assertArrayEquals(new double[] {10.0, 0.001, 0, 46.0, 0, -0.001}, h.geoTransform(), 1e-12);
        assertThrows(Ai4cException.class, () -> EnviHeader.parse("ENVI\nlines = 3\ndata type = 4\n", "x.hdr"));
        assertThrows(Ai4cException.class, () -> EnviHeader.parse("GARBAGE", "x.hdr"));
    }
}
