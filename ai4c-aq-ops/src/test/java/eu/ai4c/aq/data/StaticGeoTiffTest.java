package eu.ai4c.aq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orography from a DEM GeoTIFF: a plane h = 100 + 50·(lat − 40) + 20·(lon − 5) m on a 0.2° grid,
 * regridded bilinearly onto a 0.1° target inside it, is the plane itself (bilinear interpolation
 * is exact for a plane), so {@code orog_scal} is (h − min) / (max − min) of the plane at the
 * target's cell centres, to float rounding (1e-5).
 */
class StaticGeoTiffTest {
    @TempDir
    Path dir;

    private static double plane(double lat, double lon) {
        return 100 + 50 * (lat - 40) + 20 * (lon - 5);
    }

    private Path dem(Path file, String crs, double west, double north, double step, int w, int h) throws Exception {
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) v[r * w + c] = (float) plane(north - (r + 0.5) * step, west + (c + 0.5) * step);
        }
        v[0] = -9999; // no-data in a corner outside the target
        MapGeoCoding g = MapGeoCoding.northUp(Projections.parse(crs, 0, 0), west, north, step, step);
        ProductIO.writer("GeoTIFF").write(Product.of("dem", new MemoryRaster(List.of(Band.of("elevation",
                DataType.FLOAT32, -9999)), new Block[] {new Block(Region.of(w, h), DataType.FLOAT32, v)}, g)), file,
                ProcessingContext.defaults());
        return file;
    }

    @Test
    void orographyFromDem() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("static"));
        dem(folder.resolve("dem_copernicus.tif"), "EPSG:4326", 0, 55, 0.2, 100, 100);
        CfGrid target = CfGrid.regular(64, 64, 45.95, 8.05, 0.1, 0.1);
        try (CamsFiles files = CamsFiles.open(folder, "data.static_path")) {
            assertTrue(files.has("orog"));
            assertEquals("m", files.units("orog"));
            assertEquals(List.of(), files.times("orog"));
            CfGrid g = files.grid("orog");
            assertEquals(54.9, g.north(), 1e-9);
            assertEquals(0.1, g.west(), 1e-9);
            float[][] st = StaticFields.read(files, List.of("orog_scal"), target);
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    double h = plane(target.latitude(r), target.longitude(c));
                    lo = Math.min(lo, h);
                    hi = Math.max(hi, h);
                }
            }
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    double expect = (plane(target.latitude(r), target.longitude(c)) - lo) / (hi - lo);
                    assertEquals(expect, st[0][r * 64 + c], 1e-5, "row " + r + " col " + c);
                }
            }
            // a variable the folder lacks is named with what it has
            Ai4cException e = assertThrows(Ai4cException.class, () -> StaticFields.read(files, List.of("urban_frac"), target));
            assertTrue(e.getMessage().contains("urban_frac"), e.getMessage());
        }
    }

    @Test
    void projectedDemIsRefusedWithTheFix() throws Exception {
        Path tif = dem(dir.resolve("dem.tif"), "EPSG:32632", 500000, 5100000, 1000, 20, 20);
        Ai4cException e = assertThrows(Ai4cException.class, () -> CamsFiles.open(tif, "data.static_path"));
        assertTrue(e.getMessage().contains("EPSG:4326") && e.getMessage().contains("dem.tif"), e.getMessage());
    }
}
