package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.raster.DataType;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.junit.jupiter.api.Test;

/**
 * Values GPF puts into {@code @Parameter} fields reach the engine descriptor as it expects them;
 * names and types map between the engine and SNAP as documented.
 */
class ParameterFieldsTest {

    /** Fields as GPF would set them on the Warp adapter (the adapter itself needs SNAP to construct). */
    static final class WarpFields {
        @Parameter String projection = "EPSG:32633";
        @Parameter Double resolution = 20.0;
        @Parameter String resampling = "bicubic";
        @Parameter double[] extent = {500000, 4990000, 510000, 5000000};
        @Parameter Boolean targetAlignedPixels = Boolean.TRUE;
        @Parameter String aoi = "  ";
        @Parameter Boolean cropOnly;
    }

    static OperatorDescriptor warp() {
        return OperatorRegistry.load().get("Warp").descriptor();
    }

    @Test
    void fieldValuesValidateThroughTheDescriptor() {
        Map<String, String> raw = ParameterFields.read(new WarpFields(), warp());
        assertFalse(raw.containsKey("aoi"), "blank text is 'not given'");
        assertFalse(raw.containsKey("cropOnly"), "null is 'not given'");
        ParameterValues v = warp().validate(raw);
        assertEquals("Bicubic", v.getString("resampling"), "canonical value-set spelling");
        assertEquals(20.0, v.getDouble("resolution"));
        assertArrayEquals(new double[] {500000, 4990000, 510000, 5000000}, v.getDoubles("extent"));
        assertEquals(Boolean.FALSE, v.getBoolean("cropOnly"), "engine default filled in");
    }

    @Test
    void badValuesGetTheEngineMessage() {
        WarpFields f = new WarpFields();
        f.resolution = -3.0;
        Ai4cException e = assertThrows(Ai4cException.class, () -> warp().validate(ParameterFields.read(f, warp())));
        assertEquals(true, e.getMessage().contains("--resolution"), e.getMessage());
    }

    @Test
    void missingFieldIsReportedByName() {
        OperatorException e = assertThrows(OperatorException.class,
                () -> ParameterFields.read(new Object(), warp()));
        assertEquals(true, e.getMessage().contains("\"projection\""), e.getMessage());
    }

    @Test
    void textOfFieldValues() {
        assertEquals("VV,VH", ParameterFields.text(new String[] {"VV", "VH"}));
        assertEquals(null, ParameterFields.text(new String[0]));
        assertEquals("1.5,2.0", ParameterFields.text(new double[] {1.5, 2}));
        assertEquals(new File("a/b.tif").getPath(), ParameterFields.text(new File("a/b.tif")));
        assertEquals("7", ParameterFields.text(7));
        assertEquals(Path.of("x").toString(), ParameterFields.text(Path.of("x")));
    }

    @Test
    void namesAndCategories() {
        assertEquals("AI4C-S1-GRD-Preprocess", AdapterNames.snapAlias("S1-GRD-preprocess"));
        assertEquals("AI4C-S2-CD", AdapterNames.snapAlias("S2-CD"));
        assertEquals("AI4C-MonthlyComposite", AdapterNames.snapAlias("MonthlyComposite"));
        assertEquals("Ai4cS1GrdPreprocessOp", AdapterNames.className("S1-GRD-preprocess"));
        assertEquals("Radar/AI4Copernicus", AdapterNames.snapCategory("Radar/Speckle Filtering"));
        assertEquals("Optical/AI4Copernicus", AdapterNames.snapCategory("Optical"));
        assertEquals("Raster/Change Detection", AdapterNames.snapCategory("Raster/Change Detection"));
        assertEquals("Optical/AI4Copernicus/Agriculture", AdapterNames.snapCategory("Agriculture"));
        assertEquals("Vector/AI4Copernicus", AdapterNames.snapCategory("Vector"));
        assertEquals("Raster/AI4Copernicus/Maritime", AdapterNames.snapCategory("Maritime"));
    }

    @Test
    void dataTypesRoundTrip() {
        for (DataType t : List.of(DataType.BYTE, DataType.INT16, DataType.UINT16, DataType.INT32, DataType.FLOAT32,
                DataType.FLOAT64)) {
            assertEquals(t, SnapSourceRaster.rawType(SnapTargetProduct.snapType(t, "b")), t.name());
        }
        assertEquals(null, SnapSourceRaster.rawType(ProductData.TYPE_INT8), "int8 has no raw engine type");
        assertThrows(OperatorException.class, () -> SnapTargetProduct.snapType(DataType.CFLOAT32, "i_q"));
    }
}
