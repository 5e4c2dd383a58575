package eu.ai4c.s2.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductReader;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.s2.preprocess.S2PreprocessOperator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real SSL4EO-S12 per-band GeoTIFF patches read as Sentinel-2 products. */
class BandFolderFixtureTest {
    private static final String S2A = "rico-hdl/integration_tests/tiffs/SSL4EO-S12/s2a/0000200/20200604T054639_20200604T054831_T43RCP";
    private static final String S2C = "rico-hdl/integration_tests/tiffs/SSL4EO-S12/s2c/0000200/20200604T054639_20200604T054831_T43RCP";

    @Test
    void l2aPatchFolderIsAProductWithItsBaseline() throws IOException {
        Path folder = Fixtures.file(S2A);
        assertEquals(ProductReader.Fit.SPECIFIC, new S2ProductReader().probe(folder));
        Product p = ProductIO.read(folder);
        S2Product s2 = p.attachment(S2Product.class).orElseThrow();
        assertEquals(S2Level.L2A, s2.level());
        assertEquals("02.14", s2.baseline().toString());
        assertEquals(0, s2.offset(S2Band.B2));
        assertEquals("T43RCP", s2.tileName());
        assertEquals(12, s2.bands().size()); // B1…B12 and B8A without B10
        assertEquals(264, s2.band(S2Band.B2).width());
        assertEquals(132, s2.band(S2Band.B5).width());
        assertEquals(44, s2.band(S2Band.B1).width());
        assertTrue(Projections.isGeographic(s2.crs()));
        // DN 856 at (100, 100) of B2.tif (gdallocationinfo) → reflectance 0.0856
        Raster r = p.raster();
        Block b = r.read(r.bandIndex("B2"), new Region(100, 100, 1, 1));
        assertEquals(0.0856, b.floats()[0], 1e-6);
    }

    @Test
    void l1cPatchFolderLevelFromItsMetadata() throws IOException {
        S2Product s2 = ProductIO.read(Fixtures.file(S2C)).attachment(S2Product.class).orElseThrow();
        assertEquals(S2Level.L1C, s2.level());
        assertEquals("02.09", s2.baseline().toString());
        assertEquals(13, s2.bands().size());
    }

    @Test
    void preprocessReprojectsThePatchToItsUtmZone() throws IOException {
        S2PreprocessOperator op = new S2PreprocessOperator();
        Product in = ProductIO.read(Fixtures.file(S2A));
        Product out = op.apply(Map.of("input", in), op.descriptor().validate(Map.of("bands", "B2,B5")),
                ProcessingContext.defaults().withThreads(2));
        MapGeoCoding g = (MapGeoCoding) out.raster().geoCoding();
        assertEquals(32643, Projections.epsgCode(g.crs()).orElseThrow()); // 73.3 °E, 30.5 °N: UTM 43N
        assertEquals(10, g.pixelSizeX(), 1e-9);
        // the 264 px patch spans about 2.6 km
        assertTrue(out.raster().width() > 240 && out.raster().width() < 290, "width " + out.raster().width());
        float[] b2 = out.raster().read(0, out.raster().bounds()).floats();
        double sum = 0;
        int n = 0;
        for (float f : b2) if (!Float.isNaN(f)) { sum += f; n++; }
        // the mean of the source B2 patch is 936.6 DN (gdalinfo -stats)
        assertEquals(0.09366, sum / n, 0.002);
        assertTrue(n > 0.8 * b2.length);
    }
}
