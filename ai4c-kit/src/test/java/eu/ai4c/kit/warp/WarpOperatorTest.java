package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarpOperatorTest {
    static final Operator WARP = OperatorRegistry.load().get("Warp");

    static Product utmProduct() {
        return new Product("scene", WarpFixtures.scene(WarpFixtures.utmGrid(), 120, 100, true), null, null);
    }

    static Product run(Product p, Map<String, String> params) throws Exception {
        return WARP.apply(Map.of("input", p), WARP.descriptor().validate(params), ProcessingContext.defaults());
    }

    @Test
    void descriptorDeclaresTheParameters() {
        OperatorDescriptor d = WARP.descriptor();
        assertEquals("Warp", d.alias());
        assertEquals("Raster/Geometric", d.category());
        assertEquals("input", d.sources().get(0).name());
        assertEquals(List.of("projection", "resolution", "resampling", "extent", "targetAlignedPixels", "aoi", "cropOnly"),
                d.parameters().stream().map(ParameterDescriptor::name).toList());
        assertEquals(ParameterType.PROJECTION, d.parameter("projection").orElseThrow().type());
        assertEquals("WGS84", d.parameter("projection").orElseThrow().defaultValue());
        assertNull(d.parameter("resolution").orElseThrow().defaultValue());
        assertEquals(List.of("Nearest", "Bilinear", "Bicubic"), d.parameter("resampling").orElseThrow().valueSet());
        assertEquals("Bilinear", d.parameter("resampling").orElseThrow().defaultValue());
        assertEquals(ParameterType.DOUBLE_LIST, d.parameter("extent").orElseThrow().type());
        assertEquals("false", d.parameter("targetAlignedPixels").orElseThrow().defaultValue());
        assertEquals("--target-aligned-pixels", d.parameter("targetAlignedPixels").orElseThrow().option());
        assertEquals("--AoI", d.parameter("aoi").orElseThrow().option());
        assertEquals(ParameterType.GEOMETRY, d.parameter("aoi").orElseThrow().type());
    }

    @Test
    void defaultsKeepTheSourcePixelSizeInDegrees() throws Exception {
        Product out = run(utmProduct(), Map.of());
        MapGeoCoding g = (MapGeoCoding) out.raster().geoCoding();
        assertTrue(Projections.isGeographic(g.crs()));
        // the 20 m source pixels in degrees by the one metres↔degrees rule: square
        assertEquals(eu.ai4c.kit.geo.PixelSpacing.degrees(20), g.pixelSizeX(), 1e-12);
        assertEquals(eu.ai4c.kit.geo.PixelSpacing.degrees(20), g.pixelSizeY(), 1e-12);
        Raster r = out.raster();
        // footprint of 2.4 km x 2 km, rotated by the meridian convergence: a little more pixels; a
        // square-degree pixel at 45.1°N is 20 m north-south but 20·cos 45.1° = 14.1 m east-west
        assertTrue(r.width() >= 170 && r.width() < 182, "width " + r.width());
        assertTrue(r.height() >= 100 && r.height() < 110, "height " + r.height());
        Block b = r.read(0, r.bounds());
        int nodata = 0;
        for (float f : b.floats()) if (f == (float) WarpFixtures.NO_DATA) nodata++;
        assertTrue(nodata > 0 && nodata < b.floats().length / 4, "no-data corners: " + nodata);
        assertTrue(out.metadata().child("Processing_History").isPresent());
    }

    @Test
    void resolutionInMetresOrTargetUnits() throws Exception {
        MapGeoCoding deg = (MapGeoCoding) run(utmProduct(), Map.of("resolution", "0.0005", "resampling", "nearest"))
                .raster().geoCoding();
        assertEquals(0.0005, deg.pixelSizeX(), 1e-15);
        MapGeoCoding metres = (MapGeoCoding) run(utmProduct(), Map.of("resolution", "30")).raster().geoCoding();
        // 30 m as square degrees: 30 / (6378137 · π/180)
        assertEquals(30 / 111_319.4908, metres.pixelSizeX(), 1e-10);
        assertEquals(metres.pixelSizeX(), metres.pixelSizeY(), 0);
        MapGeoCoding utm = (MapGeoCoding) run(utmProduct(), Map.of("projection", "EPSG:32632", "resolution", "30"))
                .raster().geoCoding();
        assertEquals(30, utm.pixelSizeX(), 0);
        assertEquals(32632, Projections.epsgCode(utm.crs()).getAsInt());
    }

    @Test
    void extentAndAlignedPixels() throws Exception {
        Product out = run(utmProduct(), Map.of("extent", "13.71,45.13,13.72,45.14", "resolution", "0.001",
                "targetAlignedPixels", "true", "resampling", "Bicubic"));
        MapGeoCoding g = (MapGeoCoding) out.raster().geoCoding();
        assertEquals(10, out.raster().width());
        assertEquals(10, out.raster().height());
        assertEquals(13.71, g.x(0, 0), 1e-9);
    }

    @Test
    void badInputsAreExplained() {
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> run(utmProduct(), Map.of("extent", "13.72,45.13,13.71,45.14")));
        assertTrue(e.isUsageError() && e.getMessage().contains("--extent"), e.getMessage());
        Product noGeo = new Product("sar", MemoryRaster.ofFloats("Amplitude_VV", 4, 4, new float[16], null), null, null);
        Ai4cException e2 = assertThrows(Ai4cException.class, () -> run(noGeo, Map.of()));
        assertTrue(e2.getMessage().contains("sar") && e2.getMessage().contains("map geocoding"), e2.getMessage());
        assertThrows(Ai4cException.class, () -> run(utmProduct(), Map.of("projection", "EPSG:999999")));
    }
}
