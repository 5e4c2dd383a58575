package eu.ai4c.kit.dem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.MemoryRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElevationModelsTest {
    private static final Geoid GEOID = Geoid.locate(null);
    private static final List<DemTileFormat> HGT = List.of(new HgtFormat());

    @Test
    void noDemWarnsAndUsesTheGeoid() {
        List<String> warnings = new ArrayList<>();
        ElevationModel m = ElevationModels.open(null, GEOID, null, HGT, warnings::add);
        assertInstanceOf(GeoidOnlyDem.class, m);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("No DEM"));
    }

    @Test
    void missingPathIsAUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("dem.tif");
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> ElevationModels.open(missing, GEOID, null, HGT, w -> { }));
        assertTrue(e.isUsageError() && e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void singleHgtTileAndRasterFile(@TempDir Path dir) throws Exception {
        Path hgt = dir.resolve("N41E012.hgt");
        byte[] b = new byte[2 * 1201 * 1201];
        for (int i = 0; i < b.length; i += 2) b[i + 1] = 100; // 100 m everywhere (big-endian)
        Files.write(hgt, b);
        ElevationModel tile = ElevationModels.open(hgt, GEOID, null, HGT, w -> { });
        double[] h = new double[1];
        tile.heights(new double[] {12.5}, new double[] {41.5}, h, 1);
        assertEquals(100 + GEOID.undulation(41.5, 12.5), h[0], 1e-9);

        Path tif = dir.resolve("dem.tif");
        Files.write(tif, new byte[] {0});
        MemoryRaster raster = MemoryRaster.ofFloats("h", 2, 2, new float[] {50, 50, 50, 50},
                MapGeoCoding.northUp(Projections.wgs84(), 12, 42, 1, 1));
        ElevationModel r = ElevationModels.open(tif, GEOID, f -> raster, HGT, w -> { });
        r.heights(new double[] {12.5}, new double[] {41.5}, h, 1);
        assertEquals(50 + GEOID.undulation(41.5, 12.5), h[0], 1e-9);
        assertThrows(Ai4cException.class, () -> ElevationModels.open(tif, GEOID, null, HGT, w -> { }));
    }
}
