package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.envi.EnviHeader;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.testutil.Gdal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetGridTest {
    @TempDir
    Path dir;

    @Test
    void degreeLengthsAt45North() {
        double[] len = TargetGrid.degreeLengths(45, Projections.wgs84());
        // WGS 84 at 45°: 78 846.8 m per degree of longitude, 111 131.7 m per degree of latitude
        assertEquals(78846.8, len[0], 0.5);
        assertEquals(111131.7, len[1], 0.5);
        double[] d = TargetGrid.metresToDegrees(10, 45, Projections.wgs84());
        assertEquals(10 / 78846.8, d[0], 1e-9);
        assertEquals(10 / 111131.7, d[1], 1e-9);
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
        double suggested = 20 / TargetGrid.degreeLengths(45, Projections.wgs84())[0];
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
