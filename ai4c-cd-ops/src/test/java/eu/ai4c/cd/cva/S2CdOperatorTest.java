package eu.ai4c.cd.cva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.safe.S2Product;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator on synthetic SAFE products: the whole chain, and bad input. */
class S2CdOperatorTest {
    @TempDir
    static Path dir;
    static Path l2a1;
    static Path l2a2;
    static Path l1c;

    @BeforeAll
    static void write() throws IOException {
        SyntheticS2Product.Builder b = SyntheticS2Product.builder(S2Level.L2A).size(120).noDataColumns(12)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8).geoTiff(true);
        l2a1 = b.build().write(Files.createDirectories(dir.resolve("a")));
        l2a2 = b.build().write(Files.createDirectories(dir.resolve("b")));
        l1c = SyntheticS2Product.builder(S2Level.L1C).size(120).bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8)
                .geoTiff(true).build().write(Files.createDirectories(dir.resolve("c")));
    }

    private static Product run(Path p1, Path p2, Map<String, String> raw) throws IOException {
        return run(ProductIO.read(p1), ProductIO.read(p2), raw);
    }

    /** Runs S2-CD on the tile's own UTM grid (pixel checks below assume it), unless a projection is given. */
    private static Product run(Product p1, Product p2, Map<String, String> raw) throws IOException {
        Map<String, String> withGrid = new java.util.HashMap<>(raw);
        withGrid.putIfAbsent("projection", "UTM(Auto)");
        ParameterValues params = S2CdDescriptor.DESCRIPTOR.validate(withGrid);
        return new S2CdOperator().apply(Map.of("input1", p1, "input2", p2), params, ProcessingContext.defaults());
    }

    @Test
    void registered() {
        assertTrue(OperatorRegistry.load().all().stream().anyMatch(o -> o instanceof S2CdOperator));
    }

    @Test
    void projectionDefaultsToWgs84AsInTheSpecification() throws IOException {
        ParameterValues params = S2CdDescriptor.DESCRIPTOR.validate(Map.of());
        assertEquals("WGS84", params.getString("projection"));
        Product out = new S2CdOperator().apply(Map.of("input1", ProductIO.read(l2a1), "input2", ProductIO.read(l2a2)),
                params, ProcessingContext.defaults());
        eu.ai4c.kit.geo.MapGeoCoding g = (eu.ai4c.kit.geo.MapGeoCoding) out.raster().geoCoding();
        assertEquals(4326, eu.ai4c.kit.geo.Projections.epsgCode(g.crs()).getAsInt());
        assertEquals(eu.ai4c.kit.geo.PixelSpacing.degrees(10), g.pixelSizeX(), 1e-15);
    }

    @Test
    void identicalPairHasNoChangeAndUnitNormalisation() throws IOException {
        Product out = run(l2a1, l2a2, Map.of("levelConfidence", "99"));
        CvaModel m = out.attachment(CvaRaster.class).orElseThrow().model();
        for (int b = 0; b < 4; b++) {
            assertEquals(1, m.gains()[b], 1e-6);
            assertEquals(0, m.offsets()[b], 1e-6);
        }
        Raster r = out.raster();
        assertEquals(120, r.width());
        byte[] cls = r.read(0, Region.of(120, 120)).bytes();
        int noData = 0;
        for (int i = 0; i < cls.length; i++) {
            int c = cls[i] & 0xFF;
            assertTrue(c == 0 || c == CvaRaster.NO_DATA, "class " + c);
            if (c == CvaRaster.NO_DATA) noData++;
            if (i % 120 < 12) assertEquals(CvaRaster.NO_DATA, c, "no-data strip");
        }
        // the SCL cloud classes of the synthetic pattern are masked too
        assertTrue(noData > 12 * 120, "no-data " + noData);
    }

    /**
     * The command's flow: validate, run the operator, write the main output and the side outputs.
     * Bad input must stop it with an {@link Ai4cException} before anything is written to {@code out}.
     */
    private static Ai4cException refusedWithNothingWritten(Path p1, Path p2, Map<String, String> raw, Path out)
            throws IOException {
        Files.createDirectories(out);
        Ai4cException e = assertThrows(Ai4cException.class, () -> {
            Product product = run(p1, p2, raw);
            Path main = ProductIO.writer("GeoTIFF").write(product, out.resolve("cd.tif"), ProcessingContext.defaults());
            CvaOutputs.write(product, main, ProcessingContext.defaults());
        });
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing written after: " + e.getMessage());
        }
        return e;
    }

    @Test
    void levelOneCIsRefused() throws IOException {
        Ai4cException e = refusedWithNothingWritten(l2a1, l1c, Map.of(), dir.resolve("out-l1c-2"));
        assertTrue(e.isUsageError() && e.getMessage().contains("input2") && e.getMessage().contains("Level-1C")
                && e.getMessage().contains("Sen2Cor"), e.getMessage());
        Ai4cException first = refusedWithNothingWritten(l1c, l2a2, Map.of(), dir.resolve("out-l1c-1"));
        assertTrue(first.getMessage().contains("input1") && first.getMessage().contains("Level-1C"), first.getMessage());
    }

    @Test
    void differentTilesAreRefused() throws IOException {
        Product p2 = ProductIO.read(l2a2);
        S2Product s = p2.attachment(S2Product.class).orElseThrow();
        S2Product other = new S2Product(s.name(), s.level(), s.baseline(), s.quantification(), s.offsets(),
                s.noDataValue(), "T33UUP", s.crs(), s.bands(), s.scl(), s.cloudClassification(), s.cloudProbability(),
                s.gmlClouds(), s.productMetadata(), s.tileMetadata(), s.location());
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> run(ProductIO.read(l2a1), p2.withAttachment(S2Product.class, other), Map.of()));
        assertTrue(e.isUsageError() && e.getMessage().contains("T32TNM") && e.getMessage().contains("T33UUP"), e.getMessage());
    }

    @Test
    void badParameters() throws IOException {
        Ai4cException band = refusedWithNothingWritten(l2a1, l2a2, Map.of("bands", "B2,B3,B11"), dir.resolve("out-band"));
        assertTrue(band.isUsageError() && band.getMessage().contains("has no band B11"), band.getMessage());
        for (String v : new String[] {"100", "150", "0"}) {
            Map<String, String> raw = new HashMap<>();
            raw.put("levelConfidence", v);
            Ai4cException e = assertThrows(Ai4cException.class, () -> S2CdDescriptor.DESCRIPTOR.validate(raw));
            assertTrue(e.isUsageError() && e.getMessage().contains("level-confidence"), e.getMessage());
        }
        Ai4cException conf = refusedWithNothingWritten(l2a1, l2a2, Map.of("levelConfidence", "100"), dir.resolve("out-conf"));
        assertTrue(conf.getMessage().contains("level-confidence"), conf.getMessage());
        Ai4cException ref = refusedWithNothingWritten(l2a1, l2a2, Map.of("referenceVector", "1,0,0"), dir.resolve("out-ref"));
        assertTrue(ref.isUsageError() && ref.getMessage().contains("--referenceVector has 3 values")
                && ref.getMessage().contains("4 bands"), ref.getMessage());
        Ai4cException zero = refusedWithNothingWritten(l2a1, l2a2, Map.of("referenceVector", "0,0,0,0"), dir.resolve("out-zero"));
        assertTrue(zero.getMessage().contains("all zeros"), zero.getMessage());
    }
}
