package eu.ai4c.kit.io.geotiff.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TiffPlanTest {

    /** A raster that only has a size and bands (the plan never reads pixels). */
    private static Raster sized(int width, int height, DataType... types) {
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < types.length; i++) bands.add(Band.of("b" + i, types[i]));
        return new Raster() {
            @Override public int width() { return width; }
            @Override public int height() { return height; }
            @Override public List<Band> bands() { return bands; }
            @Override public GeoCoding geoCoding() { return null; }
            @Override public Block read(int band, Region region) { throw new UnsupportedOperationException(); }
        };
    }

    private static TiffPlan plan(Raster r, GeoTiffWriteOptions o) {
        List<String> warnings = new ArrayList<>();
        return TiffPlan.of(r, o, "test.tif", warnings::add);
    }

    @Test
    void bigTiffWhenTheEstimateExceedsFourGigabytes() {
        GeoTiffWriteOptions raw = GeoTiffWriteOptions.defaults().withCompression(GeoTiffWriteOptions.Compression.NONE);
        assertFalse(plan(sized(10980, 10980, DataType.UINT16, DataType.UINT16, DataType.UINT16, DataType.UINT16), raw)
                .bigTiff(), "964 MB stays classic");
        assertTrue(plan(sized(40000, 30000, DataType.FLOAT32), raw).bigTiff(), "4.8 GB needs BigTIFF");
        assertTrue(plan(sized(100, 100, DataType.BYTE), raw.withForceBigTiff(true)).bigTiff(), "forced");
        // LZW can grow incompressible data by half: 3.2 GB raw is planned as BigTIFF
        assertTrue(plan(sized(40000, 20000, DataType.FLOAT32),
                GeoTiffWriteOptions.defaults().withCompression(GeoTiffWriteOptions.Compression.LZW)).bigTiff());
    }

    @Test
    void cogLevelsHalveUntilOneTile() {
        TiffPlan p = plan(sized(10980, 10980, DataType.UINT16), GeoTiffWriteOptions.cogDefaults());
        int[][] expected = {{10980, 10980}, {5490, 5490}, {2745, 2745}, {1373, 1373}, {687, 687}, {344, 344}};
        assertEquals(expected.length, p.levels().size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], p.levels().get(i)[0]);
            assertEquals(expected[i][1], p.levels().get(i)[1]);
        }
        assertEquals(1, plan(sized(500, 300, DataType.BYTE), GeoTiffWriteOptions.cogDefaults()).levels().size());
    }

    @Test
    void predictorAndResamplingFollowTheType() {
        assertEquals(TiffPlan.PREDICTOR_HORIZONTAL, plan(sized(8, 8, DataType.INT32), GeoTiffWriteOptions.defaults()).predictor());
        assertEquals(TiffPlan.PREDICTOR_FLOATING_POINT,
                plan(sized(8, 8, DataType.FLOAT64), GeoTiffWriteOptions.defaults()).predictor());
        assertEquals(TiffPlan.PREDICTOR_NONE, plan(sized(8, 8, DataType.CFLOAT32), GeoTiffWriteOptions.defaults()).predictor());
        assertEquals(TiffPlan.PREDICTOR_NONE, plan(sized(8, 8, DataType.INT16), GeoTiffWriteOptions.defaults()
                .withCompression(GeoTiffWriteOptions.Compression.NONE)).predictor());
        assertFalse(plan(sized(8, 8, DataType.BYTE), GeoTiffWriteOptions.cogDefaults()).averageOverviews());
        assertTrue(plan(sized(8, 8, DataType.UINT16), GeoTiffWriteOptions.cogDefaults()).averageOverviews());
        assertTrue(plan(sized(8, 8, DataType.BYTE), GeoTiffWriteOptions.cogDefaults()
                .withOverviewResampling(GeoTiffWriteOptions.OverviewResampling.AVERAGE)).averageOverviews());
    }

    @Test
    void mixedBandTypesWidenToOneFileType() {
        assertEquals(DataType.INT32, plan(sized(8, 8, DataType.INT16, DataType.UINT16), GeoTiffWriteOptions.defaults()).fileType());
        assertEquals(DataType.FLOAT32, plan(sized(8, 8, DataType.BYTE, DataType.FLOAT32), GeoTiffWriteOptions.defaults()).fileType());
        assertEquals(DataType.FLOAT64, plan(sized(8, 8, DataType.INT32, DataType.FLOAT32), GeoTiffWriteOptions.defaults()).fileType());
        assertEquals(DataType.UINT16, plan(sized(8, 8, DataType.BYTE, DataType.UINT16), GeoTiffWriteOptions.defaults()).fileType());
    }
}
