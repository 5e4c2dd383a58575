package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.PixelSpacing;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.geo.Wgs84;
import eu.ai4c.kit.io.envi.EnviHeader;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.testutil.Gdal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

class TargetGridTest {
    @TempDir
    Path dir;

    // a tilted IW-like footprint around Rome
    private static final double[] LON = {11.2, 14.3, 13.8, 10.8};
    private static final double[] LAT = {41.0, 41.4, 42.9, 42.5};

    @Test
    void degreeLengthsAt45North() {
        double[] len = Wgs84.metresPerDegree(45);
        // WGS 84 at 45°: 78 846.8 m per degree of longitude, 111 131.7 m per degree of latitude
        assertEquals(78846.8, len[0], 0.5);
        assertEquals(111131.7, len[1], 0.5);
    }

    /** SNAP's rule: metres / a in radians, so 10 m is 8.983e-5° (6378137 m · π/180 = 111 319.49 m per degree). */
    @Test
    void metresToDegreesIsSnapsRule() {
        assertEquals(10 / 111_319.490_793, PixelSpacing.degrees(10), 1e-15);
        assertEquals(10, PixelSpacing.metres(PixelSpacing.degrees(10)), 1e-12);
        assertEquals(10, PixelSpacing.inUnitsOf(Projections.utm(12.5, 41.9), 10), 0);
    }

    @Test
    void utmGridCoversTheFootprintOnWholePixels() throws Exception {
        CoordinateReferenceSystem utm = Projections.utm(12.5, 41.9);
        TargetGrid g = TargetGrid.covering(LON, LAT, utm, 10);
        MapGeoCoding gc = g.geoCoding();
        assertEquals(10, gc.pixelSizeX());
        assertEquals(0, gc.x(0, 0) % 10, 1e-9);
        assertEquals(0, gc.y(0, 0) % 10, 1e-9);
        MathTransform t = CRS.findOperation(Projections.wgs84(), utm, null).getMathTransform();
        for (int i = 0; i < 4; i++) {
            for (double f = 0; f < 1; f += 0.05) {
                double[] p = {LON[i] + f * (LON[(i + 1) % 4] - LON[i]), LAT[i] + f * (LAT[(i + 1) % 4] - LAT[i])};
                t.transform(p, 0, p, 0, 1);
                double[] px = gc.toPixel(p[0], p[1]);
                assertTrue(px[0] >= 0 && px[0] <= g.width() && px[1] >= 0 && px[1] <= g.height());
            }
        }
        // about 270 km x 210 km at 10 m
        assertTrue(g.width() > 25000 && g.width() < 30000 && g.height() > 18000 && g.height() < 22000,
                g.width() + "x" + g.height());
    }

    @Test
    void geographicGridHasSquarePixelsBySnapsRule() {
        TargetGrid g = TargetGrid.covering(LON, LAT, Projections.wgs84(), 10);
        assertEquals(PixelSpacing.degrees(10), g.geoCoding().pixelSizeX(), 0);
        assertEquals(g.geoCoding().pixelSizeX(), g.geoCoding().pixelSizeY(), 0);
        assertTrue(g.geoCoding().x(0, 0) <= 10.8 && g.geoCoding().x(g.width(), 0) >= 14.3);
        Ai4cException e = assertThrows(Ai4cException.class, () -> TargetGrid.covering(LON, LAT, Projections.wgs84(), 0));
        assertTrue(e.isUsageError());
    }

    /**
     * One footprint, one grid: the terrain-correction grid of a footprint ({@link TargetGrid#covering})
     * and the warp grid of a raster with that footprint ({@link TargetGrid#derive} with aligned pixels
     * and the pixel size every service takes for "10 m", {@link TargetGrid#pixelSize}) are the same,
     * in WGS84 and in UTM.
     */
    @Test
    void everyServiceGivesTheSameGridForTheSameFootprint() throws Exception {
        // a UTM raster whose footprint polygon is given as lon/lat corners
        MapGeoCoding src = WarpFixtures.utmGrid();
        int w = 120, h = 100;
        double[][] corners = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[] lon = new double[4], lat = new double[4];
        MathTransform toWgs84 = CRS.findOperation(src.crs(), Projections.wgs84(), null).getMathTransform();
        for (int i = 0; i < 4; i++) {
            double[] ll = {src.x(corners[i][0], corners[i][1]), src.y(corners[i][0], corners[i][1])};
            toWgs84.transform(ll, 0, ll, 0, 1);
            lon[i] = ll[0];
            lat[i] = ll[1];
        }
        for (CoordinateReferenceSystem crs : new CoordinateReferenceSystem[] {Projections.wgs84(), Projections.utm(lon[0], lat[0])}) {
            double[] px = TargetGrid.pixelSize(src, crs, 10.0, true);
            assertEquals(px[0], px[1], 0, "square pixels");
            assertEquals(PixelSpacing.inUnitsOf(crs, 10), px[0], 0);
            TargetGrid s1 = TargetGrid.covering(lon, lat, crs, 10);
            TargetGrid warp = TargetGrid.derive(src, w, h, crs, px[0], px[1], null, true);
            assertEquals(s1.geoCoding().pixelSizeX(), warp.geoCoding().pixelSizeX(), 0, crs.getName().getCode());
            assertEquals(s1.geoCoding().pixelSizeY(), warp.geoCoding().pixelSizeY(), 0, crs.getName().getCode());
            // same origin and size up to one pixel (the footprint of straight raster edges vs its corners)
            assertEquals(s1.geoCoding().x(0, 0), warp.geoCoding().x(0, 0), px[0] * 1.0001, crs.getName().getCode());
            assertEquals(s1.geoCoding().y(0, 0), warp.geoCoding().y(0, 0), px[0] * 1.0001, crs.getName().getCode());
            assertEquals(s1.width(), warp.width(), 1);
            assertEquals(s1.height(), warp.height(), 1);
        }
    }

    @Test
    void explicitExtentAndAlignment() {
        MapGeoCoding src = WarpFixtures.utmGrid();
        TargetGrid g = TargetGrid.derive(src, 100, 100, Projections.wgs84(), 0.001, 0.001,
                new double[] {13.7005, 45.0012, 13.7105, 45.0122}, false);
        assertEquals(10, g.width());
        assertEquals(11, g.height());
        assertEquals(13.7005, g.geoCoding().x(0, 0), 1e-12);
        assertEquals(45.0122, g.geoCoding().y(0, 0), 1e-12);
        TargetGrid tap = TargetGrid.derive(src, 100, 100, Projections.wgs84(), 0.001, 0.001,
                new double[] {13.7005, 45.0012, 13.7105, 45.0122}, true);
        assertEquals(13.700, tap.geoCoding().x(0, 0), 1e-12);
        assertEquals(45.013, tap.geoCoding().y(0, 0), 1e-12);
        assertEquals(11, tap.width());
        assertEquals(12, tap.height());
        assertThrows(Ai4cException.class, () -> TargetGrid.derive(src, 100, 100, Projections.wgs84(), 0.001, 0.001,
                new double[] {13.8, 45.0, 13.7, 45.1}, false));
    }

    /**
     * The grid derived from the footprint against gdalwarp's with {@code -tr} (and {@code -tap}).
     * gdalwarp takes the extent of its suggested output, which it rounds to whole pixels of its
     * own suggested resolution (about the source pixel size); so origins agree within one such
     * pixel and sizes within two target pixels.
     */
    @Test
    void footprintGridMatchesGdalwarp() throws Exception {
        MapGeoCoding srcGrid = WarpFixtures.utmGrid();
        int w = 180, h = 150;
        MemoryRaster src = WarpFixtures.scene(srcGrid, w, h, false);
        Path in = WarpFixtures.writeEnvi(src, dir.resolve("src.img"));
        double res = 2e-4;
        double suggested = 20 / Wgs84.metresPerDegree(45)[0];
        for (boolean tap : new boolean[] {false, true}) {
            Path out = dir.resolve("tr" + tap + ".img");
            if (tap) {
                Gdal.run("gdalwarp", "-q", "-overwrite", "-of", "ENVI", "-t_srs", "EPSG:4326", "-tr", "2e-4", "2e-4", "-tap",
                        in.toString(), out.toString());
            } else {
                Gdal.run("gdalwarp", "-q", "-overwrite", "-of", "ENVI", "-t_srs", "EPSG:4326", "-tr", "2e-4", "2e-4",
                        in.toString(), out.toString());
            }
            EnviHeader gh = EnviHeader.parse(Files.readString(dir.resolve("tr" + tap + ".hdr")), "gdal");
            TargetGrid ours = TargetGrid.derive(srcGrid, w, h, Projections.wgs84(), res, res, null, tap);
            double[] gt = ours.geoCoding().geoTransform();
            assertEquals(gh.geoTransform()[0], gt[0], suggested + 1e-9, "west edge, tap=" + tap);
            assertEquals(gh.geoTransform()[3], gt[3], suggested + 1e-9, "north edge, tap=" + tap);
            assertEquals(gh.samples(), ours.width(), 2, "width, tap=" + tap);
            assertEquals(gh.lines(), ours.height(), 2, "height, tap=" + tap);
            if (tap) {
                assertEquals(0, Math.abs(gt[0] / res - Math.rint(gt[0] / res)), 1e-6);
                assertEquals(0, Math.abs(gt[3] / res - Math.rint(gt[3] / res)), 1e-6);
            }
            assertTrue(ours.width() > 100 && ours.height() > 100);
        }
    }
}
