package eu.ai4c.s2.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.safe.BandImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/** Band resampling between the 10/20/60 m grids, against the definitions of each method. */
class ResampledBandTest {
    private static final CoordinateReferenceSystem UTM = Projections.parse("EPSG:32632", 0, 0);
    private static final double X0 = 600000, Y0 = 5000040;

    /** A 20 m band of {@code n × n} DNs {@code dn(c, r) = 1000 + 10c + 100r}, DN 0 at (0, 0). */
    private static BandImage band20(int n) {
        short[] dn = new short[n * n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) dn[r * n + c] = (short) (1000 + 10 * c + 100 * r);
        dn[0] = 0;
        MapGeoCoding g = MapGeoCoding.northUp(UTM, X0, Y0, 20, 20);
        MemoryRaster m = new MemoryRaster(List.of(Band.of("B5", DataType.UINT16)),
                new Block[] {new Block(Region.of(n, n), DataType.UINT16, dn)}, g);
        return new BandImage("B5", 20, g, n, n, "memory", () -> m);
    }

    private static double refl(int c, int r) {
        return (c == 0 && r == 0) ? Double.NaN : (1000 + 10 * c + 100 * r - 1000) / 10000.0;
    }

    private static float[] read(BandImage img, double pixel, int w, Upsampling up, Downsampling down) throws IOException {
        MapGeoCoding target = MapGeoCoding.northUp(UTM, X0, Y0, pixel, pixel);
        ResampledBand rb = new ResampledBand(img, -1000, 10000, 0, target, w, w, up, down);
        return rb.read(0, Region.of(w, w)).floats();
    }

    @Test
    void nearestUpsamplingReplicatesEachSourcePixel() throws IOException {
        float[] v = read(band20(8), 10, 16, Upsampling.Nearest, Downsampling.First);
        for (int r = 0; r < 16; r++) for (int c = 0; c < 16; c++) {
            assertEquals(refl(c / 2, r / 2), v[r * 16 + c], 1e-6, c + "," + r);
        }
    }

    @Test
    void bilinearUpsamplingInterpolatesBetweenCentres() throws IOException {
        float[] v = read(band20(8), 10, 16, Upsampling.Bilinear, Downsampling.First);
        // 10 m pixel (5, 7): centre at source (2.75, 3.75) corner coords → between centres 2,3 (x) and 3,4 (y) weight 0.25/0.75
        double x = 2.75 - 0.5, y = 3.75 - 0.5;
        double expected = (1000 + 10 * x + 100 * y - 1000) / 10000.0; // the field is linear: bilinear is exact
        assertEquals(expected, v[7 * 16 + 5], 1e-6);
        // no-data source pixel → its 10 m pixels are no-data
        assertTrue(Float.isNaN(v[0]) && Float.isNaN(v[1]) && Float.isNaN(v[16]));
    }

    @Test
    void bicubicReproducesALinearFieldInside() throws IOException {
        float[] v = read(band20(10), 10, 20, Upsampling.Bicubic, Downsampling.First);
        for (int r = 6; r < 14; r++) for (int c = 6; c < 14; c++) {
            double x = (c + 0.5) / 2 - 0.5, y = (r + 0.5) / 2 - 0.5;
            assertEquals((10 * x + 100 * y) / 10000.0, v[r * 20 + c], 1e-6, c + "," + r);
        }
    }

    @Test
    void downsamplingAggregatesWholeBlocks() throws IOException {
        // 20 → 60 m: 3×3 blocks; block (1,1) = source cols/rows 3..5
        float[] mean = read(band20(9), 60, 3, Upsampling.Nearest, Downsampling.Mean);
        assertEquals(refl(4, 4), mean[4], 1e-6);
        float[] min = read(band20(9), 60, 3, Upsampling.Nearest, Downsampling.Min);
        assertEquals(refl(3, 3), min[4], 1e-6);
        // block (0,0) holds the no-data pixel: Mean leaves it out, First keeps it
        double meanOfRest = 0;
        for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) if (c + r > 0) meanOfRest += refl(c, r) / 8;
        assertEquals(meanOfRest, mean[0], 1e-6);
        assertTrue(Float.isNaN(read(band20(9), 60, 3, Upsampling.Nearest, Downsampling.First)[0]));
    }

    @Test
    void sameGridIsCopiedAndOutsideIsNoData() throws IOException {
        float[] v = read(band20(4), 20, 6, Upsampling.Bicubic, Downsampling.Median);
        assertEquals(refl(3, 2), v[2 * 6 + 3], 1e-7);
        assertTrue(Float.isNaN(v[5]) && Float.isNaN(v[5 * 6]));
    }
}
