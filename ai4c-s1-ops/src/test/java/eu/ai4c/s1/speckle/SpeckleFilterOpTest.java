package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Speckle-Filter operator: descriptor defaults equal the kernel defaults; band selection; unit checks. */
class SpeckleFilterOpTest {
    private static final int W = 80;
    private static final int H = 60;

    private static Product product(String unitOfSecond) {
        float[] vv = SyntheticSpeckle.homogeneous(W, H, 0.05, 4, 1);
        float[] vh = SyntheticSpeckle.homogeneous(W, H, 0.01, 4, 2);
        MemoryRaster raster = new MemoryRaster(
                List.of(Band.of("Sigma0_VV", DataType.FLOAT32).withUnit("intensity"),
                        Band.of("Sigma0_VH", DataType.FLOAT32).withUnit(unitOfSecond)),
                new Block[] {new Block(Region.of(W, H), DataType.FLOAT32, vv),
                    new Block(Region.of(W, H), DataType.FLOAT32, vh)}, null);
        return Product.of("S1A_IW_GRDH_test", raster);
    }

    @Test
    void descriptorDefaultsAreTheKernelDefaults() {
        ParameterValues v = SpeckleFilterOp.DESCRIPTOR.validate(Map.of());
        assertEquals(SpeckleParameters.defaults(), SpeckleFilterOp.parameters(v));
        assertEquals(List.of(SpeckleFilterType.labels()),
                SpeckleFilterOp.DESCRIPTOR.parameter("filter").orElseThrow().valueSet());
    }

    @Test
    void filtersSelectedBandsAsTheKernelDoes() throws IOException {
        Product source = product("intensity");
        ParameterValues v = SpeckleFilterOp.DESCRIPTOR.validate(
                Map.of("filter", "Refined Lee", "sourceBands", "Sigma0_VH", "estimateENL", "false", "enl", "4"));
        Product target = new SpeckleFilterOp().apply(Map.of("source", source), v, ProcessingContext.defaults());
        assertEquals("S1A_IW_GRDH_test_Spk", target.name());
        assertEquals(1, target.raster().bands().size());
        assertEquals("Sigma0_VH", target.raster().bands().get(0).name());
        float[] got = target.raster().read(0, Region.of(W, H)).floats();
        float[] want = SyntheticSpeckle.filterWhole(new RefinedLeeFilter(4),
                source.raster().read(1, Region.of(W, H)).floats(), W, H);
        assertArrayEquals(want, got);
    }

    @Test
    void rejectsUnknownBandsAndDecibels() {
        ParameterValues unknown = SpeckleFilterOp.DESCRIPTOR.validate(Map.of("sourceBands", "Sigma0_HH"));
        Ai4cException e = assertThrows(Ai4cException.class, () -> new SpeckleFilterOp().apply(
                Map.of("source", product("intensity")), unknown, ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains("Sigma0_HH") && e.getMessage().contains("Sigma0_VV"), e.getMessage());
        ParameterValues all = SpeckleFilterOp.DESCRIPTOR.validate(Map.of());
        e = assertThrows(Ai4cException.class, () -> new SpeckleFilterOp().apply(
                Map.of("source", product("dB")), all, ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains("Sigma0_VH") && e.getMessage().contains("dB"), e.getMessage());
    }
}
