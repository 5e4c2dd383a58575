package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.testutil.Gdal;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.SarGeoCoding;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick-look's pixel info (column/row of the full-resolution band, WGS 84 latitude/longitude,
 * full-resolution value) against independent references: on a GeoTIFF made by GDAL on UTM 33N,
 * {@code gdaltransform} (PROJ) for the position of each pixel centre and {@code gdallocationinfo}
 * for its value; on a synthetic Sentinel-1 GRD, the tie points of its geolocation grid.
 */
class PixelInfoTest {
    static final int W = 300, H = 200;
    static final float NO_DATA = -9999;
    /** Upper-left corner on UTM 33N, ≈ 12.6° E 41.9° N, 2.4° west of the zone's central meridian (grid convergence ≈ 1.6°). */
    static final double X0 = 300000, Y0 = 4650000, PIXEL = 10;

    @TempDir
    static Path dir;
    static Path utm;
    static Path plain;

    @BeforeAll
    static void writeFiles() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path raw = dir.resolve("values.bin");
        ByteBuffer bytes = ByteBuffer.allocate(4 * W * H).order(ByteOrder.LITTLE_ENDIAN);
        for (int row = 0; row < H; row++) {
            for (int col = 0; col < W; col++) bytes.putFloat(value(col, row));
        }
        Files.write(raw, bytes.array());
        Files.writeString(dir.resolve("values.hdr"), "ENVI\nsamples = " + W + "\nlines = " + H + "\nbands = 1\n"
                + "header offset = 0\nfile type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n");
        utm = dir.resolve("utm.tif");
        Gdal.run("gdal_translate", "-q", "-of", "GTiff", "-a_srs", "EPSG:32633", "-a_ullr", fmt(X0), fmt(Y0),
                fmt(X0 + W * PIXEL), fmt(Y0 - H * PIXEL), "-a_nodata", fmt(NO_DATA), raw.toString(), utm.toString());
        plain = dir.resolve("plain.tif");
        Gdal.run("gdal_translate", "-q", "-of", "GTiff", raw.toString(), plain.toString());
    }

    /** A value that names its pixel (exact in float32), no-data on a diagonal pattern. */
    static float value(int col, int row) {
        return (col + 2 * row) % 97 == 5 ? NO_DATA : col * 1000 + row;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Pixels checked: corners, inner pixels not sampled by a 64 px overview, one no-data pixel. */
    static final int[][] PIXELS = {{0, 0}, {W - 1, 0}, {0, H - 1}, {W - 1, H - 1}, {123, 45}, {250, 11}, {5, 0}};

    @Test
    void latLonAndValueMatchGdal() throws IOException {
        StringBuilder centres = new StringBuilder();
        StringBuilder corners = new StringBuilder();
        for (int[] p : PIXELS) {
            centres.append(p[0] + 0.5).append(' ').append(p[1] + 0.5).append('\n');
            corners.append(p[0]).append(' ').append(p[1]).append('\n');
        }
        // longitude first: a PROJ string target keeps the traditional GIS axis order
        String[] lonLat = Gdal.runWithInput(centres.toString(), "gdaltransform", "-output_xy", "-t_srs",
                "+proj=longlat +datum=WGS84 +no_defs", utm.toString()).strip().split("\n");
        String[] values = Gdal.runWithInput(corners.toString(), "gdallocationinfo", "-valonly", utm.toString())
                .strip().split("\n");
        assertEquals(PIXELS.length, lonLat.length);
        try (QuickLookSource s = QuickLookSource.open(utm, 64)) {
            QuickLookPanel panel = new QuickLookPanel(s);
            panel.setMode(QuickLookPanel.Mode.BAND);
            Overview overview = s.overview(0);
            assertEquals(64, overview.width());
            for (int i = 0; i < PIXELS.length; i++) {
                int col = PIXELS[i][0], row = PIXELS[i][1];
                String[] g = lonLat[i].trim().split("\\s+");
                double gLon = Double.parseDouble(g[0]), gLat = Double.parseDouble(g[1]);
                double[] ll = s.lonLat(col, row);
                assertNotNull(ll);
                // SIS and PROJ both invert the transverse Mercator to far below a millimetre (1e-8° ≈ 1 mm)
                assertEquals(gLon, ll[0], 1e-8, "longitude of pixel " + col + "," + row);
                assertEquals(gLat, ll[1], 1e-8, "latitude of pixel " + col + "," + row);
                String r = panel.readout(col, row);
                assertTrue(r.startsWith("col " + col + ", row " + row + "   "), r);
                // the status line rounds to 6 decimals (≈ 0.1 m)
                assertEquals(gLat, number(r, "lat"), 0.5e-6 + 1e-8, r);
                assertEquals(gLon, number(r, "lon"), 0.5e-6 + 1e-8, r);
                double gdalValue = Double.parseDouble(values[i].trim());
                if (gdalValue == NO_DATA) {
                    assertTrue(r.endsWith("Band1 = no data") || r.matches(".* = no data$"), r);
                } else {
                    assertEquals(gdalValue, s.value(0, col, row));
                    assertTrue(r.endsWith(" = " + String.format(Locale.ROOT, "%.6g", gdalValue)), r);
                }
            }
            // (123, 45) is not one of the overview's samples: the readout is the band's own value
            int ox = (int) (123.0 * overview.width() / W), oy = (int) (45.0 * overview.height() / H);
            assertNotEquals(value(123, 45), overview.samples()[oy * overview.width() + ox]);
            assertEquals(value(123, 45), s.value(0, 123, 45));
            panel.dispose();
        }
    }

    @Test
    void noGeocodingShowsADash() throws IOException {
        try (QuickLookSource s = QuickLookSource.open(plain, 64)) {
            assertNull(s.lonLat(10, 10));
            QuickLookPanel panel = new QuickLookPanel(s);
            String r = panel.readout(10, 10);
            assertTrue(r.startsWith("col 10, row 10   lat/lon \u2014   "), r);
            assertTrue(r.endsWith(" = " + String.format(Locale.ROOT, "%.6g", (double) value(10, 10))), r);
            panel.dispose();
        }
    }

    @Test
    void sentinel1GrdThroughItsGeolocationGrid() throws IOException {
        Path safe = SyntheticGrd.builder(400, 300).polarisations("VV").seed(11).build().write(dir.resolve("grd"));
        try (QuickLookSource s = QuickLookSource.open(safe, 128)) {
            List<Annotation.GeolocationGridPoint> grid = ((SarGeoCoding) s.raster().geoCoding()).geolocationGrid();
            assertTrue(grid.size() >= 4, "grid of " + grid.size() + " points");
            // at a tie point: the annotation's own latitude and longitude
            for (Annotation.GeolocationGridPoint p : grid) {
                if (p.pixel() >= s.raster().width() || p.line() >= s.raster().height()) continue;
                double[] ll = s.lonLat(p.pixel(), p.line());
                assertEquals(p.longitude(), ll[0], 1e-12, "tie point " + p);
                assertEquals(p.latitude(), ll[1], 1e-12, "tie point " + p);
            }
            // inside a cell: the bilinear weights of its four corners, (1-u)(1-v), u(1-v), (1-u)v, uv
            int[] lines = grid.stream().mapToInt(Annotation.GeolocationGridPoint::line).distinct().sorted().toArray();
            int[] pixels = grid.stream().mapToInt(Annotation.GeolocationGridPoint::pixel).distinct().sorted().toArray();
            int l0 = lines[0], l1 = lines[1], p0 = pixels[0], p1 = pixels[1];
            int line = (l0 + l1) / 2, pixel = (p0 + 2 * p1) / 3;
            double v = (line - l0) / (double) (l1 - l0), u = (pixel - p0) / (double) (p1 - p0);
            double lat = 0, lon = 0;
            for (Annotation.GeolocationGridPoint p : grid) {
                if ((p.line() == l0 || p.line() == l1) && (p.pixel() == p0 || p.pixel() == p1)) {
                    double w = (p.pixel() == p0 ? 1 - u : u) * (p.line() == l0 ? 1 - v : v);
                    lat += w * p.latitude();
                    lon += w * p.longitude();
                }
            }
            double[] mid = s.lonLat(pixel, line);
            assertEquals(lon, mid[0], 1e-11);
            assertEquals(lat, mid[1], 1e-11);
            QuickLookPanel panel = new QuickLookPanel(s);
            String r = panel.readout(pixel, line);
            assertEquals(lat, number(r, "lat"), 0.5e-6 + 1e-11, r);
            assertEquals(lon, number(r, "lon"), 0.5e-6 + 1e-11, r);
            assertTrue(r.contains("Amplitude_VV = "), r);
            panel.dispose();
        }
    }

    @Test
    void tiePointGridExtendsItsBorderCells() {
        TiePointGrid g = new TiePointGrid(new double[] {0, 10}, new double[] {0, 20}, new double[] {40, 41, 42, 43},
                new double[] {10, 12, 10.5, 12.5});
        // linear in line and pixel, so extension beyond the nodes continues the same planes
        double[] out = g.lonLat(15, 30);
        assertEquals(10 + 2 * 30 / 20.0 + 0.5 * 15 / 10.0, out[0], 1e-12);
        assertEquals(40 + 30 / 20.0 + 2 * 15 / 10.0, out[1], 1e-12);
    }

    private static double number(String readout, String key) {
        Matcher m = Pattern.compile(key + " (-?[0-9.]+)").matcher(readout);
        assertTrue(m.find(), key + " in " + readout);
        return Double.parseDouble(m.group(1));
    }
}
