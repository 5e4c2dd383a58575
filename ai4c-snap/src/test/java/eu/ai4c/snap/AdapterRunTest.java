package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.snap.op.Ai4cSpeckleFilterOp;
import eu.ai4c.snap.op.Ai4cWarpOp;
import eu.ai4c.snap.flat.GpfSetup;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.util.LinkedHashMap;
import java.util.Map;
import org.esa.snap.core.datamodel.Band;
import org.esa.snap.core.datamodel.CrsGeoCoding;
import org.esa.snap.core.datamodel.MetadataElement;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.datamodel.TiePointGeoCoding;
import org.esa.snap.core.datamodel.TiePointGrid;
import org.esa.snap.core.gpf.MemoryTile;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.gpf.Tile;
import org.junit.jupiter.api.Test;

/**
 * The adapters run as GPF would run them (fields set from {@code @Parameter} defaults and the
 * user's values, {@code initialize}, then {@code computeTileStack} per tile) against the
 * in-memory SNAP stand-ins of the test class path, and give the engine operator's own result:
 * same grid, bands, no-data and samples.
 */
class AdapterRunTest {
    static final int W = 96, H = 80;

    static float[] scene() {
        float[] v = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double speckle = 0.5 + ((x * 7919 + y * 104729) % 1000) / 1000.0;
                v[y * W + x] = (float) ((0.15 + 0.04 * Math.sin(x / 9.0) * Math.cos(y / 7.0)) * speckle);
            }
        }
        return v;
    }

    static MapGeoCoding grid() {
        return MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 45), 500000, 5000000, 20, 20);
    }

    /** A SNAP product as a reader would give it: one float32 band, UTM 32N CrsGeoCoding. */
    static Product snapScene() throws Exception {
        Product p = new Product("scene", "GeoTIFF", W, H);
        Band b = p.addBand("Sigma0_VV", ProductData.TYPE_FLOAT32);
        b.data = ProductData.createInstance(ProductData.TYPE_FLOAT32, scene());
        b.setUnit("intensity");
        p.setSceneGeoCoding(new CrsGeoCoding(org.geotools.referencing.CRS.decode("EPSG:32632", true),
                new Rectangle(W, H), new AffineTransform(20, 0, 0, -20, 500000, 5000000)));
        p.getMetadataRoot().addElement(new MetadataElement("Original_Metadata"));
        return p;
    }

    /** What GPF does before initialize(): annotation defaults, then the user's values, then the sources. */
    static void configure(Object op, Map<String, Object> values, Map<String, Product> sources) throws Exception {
        GpfSetup.configure(op, values, sources);
    }

    /** Runs computeTileStack over 40×32 tiles and returns each band's samples. */
    static float[][] computeAll(EngineOperatorAdapter op, Product target) {
        Band[] bands = target.getBands();
        int w = target.getSceneRasterWidth(), h = target.getSceneRasterHeight();
        float[][] out = new float[bands.length][w * h];
        for (int ty = 0; ty < h; ty += 32) {
            for (int tx = 0; tx < w; tx += 40) {
                Rectangle r = new Rectangle(tx, ty, Math.min(40, w - tx), Math.min(32, h - ty));
                Map<Band, Tile> tiles = new LinkedHashMap<>();
                for (Band b : bands) tiles.put(b, new MemoryTile(b, r, null));
                op.computeTileStack(tiles, r, com.bc.ceres.core.ProgressMonitor.NULL);
                for (int i = 0; i < bands.length; i++) {
                    float[] t = (float[]) tiles.get(bands[i]).getRawSamples().getElems();
                    for (int y = 0; y < r.height; y++) System.arraycopy(t, y * r.width, out[i], (r.y + y) * w + r.x, r.width);
                }
            }
        }
        return out;
    }

    /** The engine operator run directly on the same scene. */
    static Raster direct(String alias, Map<String, String> params) throws Exception {
        return direct(alias, params, grid());
    }

    /** The engine operator run directly on the same scene with geo-coding {@code gc} (null: radar geometry). */
    static Raster direct(String alias, Map<String, String> params, eu.ai4c.kit.geo.GeoCoding gc) throws Exception {
        eu.ai4c.kit.op.Operator op = OperatorRegistry.load().get(alias);
        OperatorDescriptor d = op.descriptor();
        eu.ai4c.kit.raster.Product in = eu.ai4c.kit.raster.Product.of("scene",
                MemoryRaster.ofFloats("Sigma0_VV", W, H, scene(), gc));
        return op.apply(Map.of(d.sources().get(0).name(), in), d.validate(params), ProcessingContext.defaults()).raster();
    }

    static void assertSame(Raster expected, EngineOperatorAdapter op) throws Exception {
        Product target = op.getTargetProduct();
        assertEquals(expected.width(), target.getSceneRasterWidth());
        assertEquals(expected.height(), target.getSceneRasterHeight());
        float[][] got = computeAll(op, target);
        for (int b = 0; b < expected.bands().size(); b++) {
            eu.ai4c.kit.raster.Band eb = expected.bands().get(b);
            Band sb = target.getBands()[b];
            assertEquals(eb.name(), sb.getName());
            assertEquals(ProductData.TYPE_FLOAT32, sb.getDataType());
            assertEquals(eb.hasNoData(), sb.isNoDataValueUsed(), eb.name() + " no-data used");
            if (eb.hasNoData()) assertEquals(eb.noData(), sb.getNoDataValue(), 0.0);
            // same tiling as computeAll: the warp's coordinate approximation (<= 0.125 px) depends on the region read
            float[] want = new float[expected.width() * expected.height()];
            for (int ty = 0; ty < expected.height(); ty += 32) {
                for (int tx = 0; tx < expected.width(); tx += 40) {
                    eu.ai4c.kit.raster.Region r = new eu.ai4c.kit.raster.Region(tx, ty, Math.min(40, expected.width() - tx),
                            Math.min(32, expected.height() - ty));
                    float[] t = expected.read(b, r).toFloats();
                    for (int y = 0; y < r.height(); y++) {
                        System.arraycopy(t, y * r.width(), want, (r.y() + y) * expected.width() + r.x(), r.width());
                    }
                }
            }
            assertArrayEquals(want, got[b], eb.name());
            int valid = 0;
            for (float v : want) if (!Float.isNaN(v) && v != 0) valid++;
            assertTrue(valid > want.length / 4, "mostly empty output: " + valid);
        }
        MapGeoCoding g = (MapGeoCoding) expected.geoCoding();
        AffineTransform at = ((CrsGeoCoding) target.getSceneGeoCoding()).imageToMap();
        double[] gt = g.geoTransform();
        assertArrayEquals(gt, new double[] {at.getTranslateX(), at.getScaleX(), at.getShearX(), at.getTranslateY(),
                at.getShearY(), at.getScaleY()}, 1e-9);
        assertEquals(g.crsEpsgCode().getAsInt(), org.geotools.referencing.CRS.lookupEpsgCode(
                ((CrsGeoCoding) target.getSceneGeoCoding()).getMapCRS(), false));
    }

    @Test
    void warpAdapterGivesTheEngineResult() throws Exception {
        Ai4cWarpOp op = new Ai4cWarpOp();
        configure(op, Map.of("projection", "EPSG:4326", "resolution", 0.0002), Map.of("input", snapScene()));
        op.initialize();
        assertSame(direct("Warp", Map.of("projection", "EPSG:4326", "resolution", "0.0002")), op);
        Product target = op.getTargetProduct();
        assertEquals("AI4C-Warp", target.getProductType());
        assertEquals("intensity", target.getBands()[0].getUnit());
        // source metadata kept, engine processing history added under AI4C
        MetadataElement root = target.getMetadataRoot();
        assertEquals("Original_Metadata", root.elements.get(0).getName());
        MetadataElement ai4c = root.elements.get(root.elements.size() - 1);
        assertEquals("AI4C", ai4c.getName());
        assertTrue(ai4c.elements.stream().anyMatch(e -> e.getName().equals("Processing_History")), "processing history");
    }

    @Test
    void speckleAdapterGivesTheEngineResult() throws Exception {
        Ai4cSpeckleFilterOp op = new Ai4cSpeckleFilterOp();
        configure(op, Map.of("filter", "Lee", "filterSizeX", 5, "filterSizeY", 5), Map.of("source", snapScene()));
        op.initialize();
        assertSame(direct("Speckle-Filter", Map.of("filter", "Lee", "filterSizeX", "5", "filterSizeY", "5")), op);
    }

    static final String[] SAR_GRIDS = {"incident_angle", "latitude", "longitude", "slant_range_time"};

    /**
     * A calibrated Sentinel-1 GRD scene as SNAP's reader and Calibration give it: radar geometry
     * (tie-point grids every 16 pixels, a tie-point geo-coding), {@code Abstracted_Metadata}, times.
     */
    static Product sarScene() {
        Product p = new Product("S1A_IW_GRDH_1SDV_20240105T053012_Cal", "GRD", W, H);
        Band b = p.addBand("Sigma0_VV", ProductData.TYPE_FLOAT32);
        b.data = ProductData.createInstance(ProductData.TYPE_FLOAT32, scene());
        b.setUnit("intensity");
        int gw = W / 16 + 1, gh = H / 16 + 1;
        double[][] range = {{30.5, 45.8}, {45.2, 44.5}, {8.9, 10.4}, {5.35e6, 5.52e6}};
        for (int g = 0; g < SAR_GRIDS.length; g++) {
            float[] points = new float[gw * gh];
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    points[y * gw + x] = (float) (range[g][0] + (range[g][1] - range[g][0]) * (g == 1 ? y : x) / (gw - 1.0));
                }
            }
            p.addTiePointGrid(new TiePointGrid(SAR_GRIDS[g], gw, gh, 0.5, 0.5, 16, 16, points));
        }
        p.setSceneGeoCoding(new TiePointGeoCoding(p.getTiePointGrid("latitude"), p.getTiePointGrid("longitude")));
        MetadataElement abs = new MetadataElement("Abstracted_Metadata");
        abs.setAttributeString("MISSION", "SENTINEL-1A");
        abs.setAttributeString("PRODUCT_TYPE", "GRD");
        abs.setAttributeString("range_spacing", "10.0");
        abs.addElement(new MetadataElement("Orbit_State_Vectors"));
        p.getMetadataRoot().addElement(abs);
        p.getMetadataRoot().addElement(new MetadataElement("Original_Product_Metadata"));
        p.setStartTime(ProductData.UTC.parse("05-JAN-2024 05:30:12.000000"));
        p.setEndTime(ProductData.UTC.parse("05-JAN-2024 05:30:37.000000"));
        p.setDescription("Sentinel-1 IW Level-1 GRD product");
        return p;
    }

    /**
     * SNAP's SAR operators downstream (Terrain-Correction: scene geo-coding, {@code incident_angle},
     * {@code Abstracted_Metadata}) accept the Speckle-Filter target of a SAR source, as they accept
     * the target of SNAP's own Speckle-Filter: same product type, tie-point grids, geo-coding on
     * the target's own grids, metadata, times; the samples are the engine's.
     */
    @Test
    void speckleTargetOfSarSourceKeepsWhatSarOperatorsNeed() throws Exception {
        Product source = sarScene();
        Ai4cSpeckleFilterOp op = new Ai4cSpeckleFilterOp();
        configure(op, Map.of("filter", "Lee", "filterSizeX", 5, "filterSizeY", 5), Map.of("source", source));
        op.initialize();
        Product target = op.getTargetProduct();

        assertEquals("GRD", target.getProductType());
        for (String name : SAR_GRIDS) {
            TiePointGrid grid = target.getTiePointGrid(name);
            assertNotNull(grid, "tie-point grid " + name + " missing from the target");
            assertNotSame(source.getTiePointGrid(name), grid, name + " must be the target's own copy");
            assertArrayEquals(source.getTiePointGrid(name).getTiePoints(), grid.getTiePoints(), name);
        }
        TiePointGeoCoding gc = assertInstanceOf(TiePointGeoCoding.class, target.getSceneGeoCoding());
        org.junit.jupiter.api.Assertions.assertSame(target.getTiePointGrid("latitude"), gc.getLatGrid());
        org.junit.jupiter.api.Assertions.assertSame(target.getTiePointGrid("longitude"), gc.getLonGrid());
        MetadataElement abs = target.getMetadataRoot().getElement("Abstracted_Metadata");
        assertNotNull(abs, "Abstracted_Metadata missing from the target");
        assertEquals("SENTINEL-1A", abs.getAttributeString("MISSION"));
        assertEquals("10.0", abs.getAttributeString("range_spacing"));
        assertNotNull(abs.getElement("Orbit_State_Vectors"));
        assertNotNull(target.getMetadataRoot().getElement("Original_Product_Metadata"));
        assertNotNull(target.getMetadataRoot().getElement("AI4C"), "engine processing history");
        assertEquals(source.getStartTime().format(), target.getStartTime().format());
        assertEquals(source.getEndTime().format(), target.getEndTime().format());
        assertEquals(source.getDescription(), target.getDescription());

        Raster expected = direct("Speckle-Filter", Map.of("filter", "Lee", "filterSizeX", "5", "filterSizeY", "5"), null);
        assertEquals(1, target.getBands().length);
        assertEquals("Sigma0_VV", target.getBands()[0].getName());
        float[] got = computeAll(op, target)[0];
        assertArrayEquals(expected.read(0, new eu.ai4c.kit.raster.Region(0, 0, W, H)).toFloats(), got);
    }

    /** A target on a new grid (Warp) is a new product: the alias as type, a map geo-coding, no tie-point grids. */
    @Test
    void warpTargetIsANewProduct() throws Exception {
        Product source = snapScene();
        source.addTiePointGrid(new TiePointGrid("incident_angle", 7, 6, 0.5, 0.5, 16, 16, new float[42]));
        Ai4cWarpOp op = new Ai4cWarpOp();
        configure(op, Map.of("projection", "EPSG:4326", "resolution", 0.0002), Map.of("input", source));
        op.initialize();
        assertEquals("AI4C-Warp", op.getTargetProduct().getProductType());
        assertEquals(0, op.getTargetProduct().getNumTiePointGrids());
        assertInstanceOf(CrsGeoCoding.class, op.getTargetProduct().getSceneGeoCoding());
    }

    /**
     * Pixels that SNAP's valid mask rejects (valid-pixel expression false) read as the band's
     * no-data value, raw for a raw band; a band without no-data is read as float with NaN.
     */
    @Test
    void sourcePixelsOutsideTheValidMaskReadAsNoData() throws Exception {
        Product p = new Product("S2B_MSIL2A_20240105", "S2_MSI_Level-2A", W, H);
        Band reflectance = p.addBand("B4", ProductData.TYPE_FLOAT32);
        reflectance.data = ProductData.createInstance(ProductData.TYPE_FLOAT32, scene());
        reflectance.setValidPixelExpression("X >= 32");
        reflectance.validPixelExpressionValue = validWhere((x, y) -> x >= 32);
        Band counts = p.addBand("B8", ProductData.TYPE_INT16);
        short[] raw = new short[W * H];
        for (int i = 0; i < raw.length; i++) raw[i] = (short) (100 + i % 500);
        raw[3 * W + 40] = -1; // a no-data pixel inside the valid area
        counts.data = ProductData.createInstance(ProductData.TYPE_INT16, raw);
        counts.setNoDataValue(-1);
        counts.setNoDataValueUsed(true);
        counts.setValidPixelExpression("Y >= 10");
        counts.validPixelExpressionValue = validWhere((x, y) -> y >= 10);
        Band classes = p.addBand("SCL", ProductData.TYPE_UINT16);
        classes.data = ProductData.createInstance(ProductData.TYPE_UINT16, raw.clone());
        classes.setValidPixelExpression("SCL != 0");
        classes.validPixelExpressionValue = validWhere((x, y) -> (x + y) % 3 != 0);
        Band plain = p.addBand("B2", ProductData.TYPE_INT16);
        plain.data = ProductData.createInstance(ProductData.TYPE_INT16, raw.clone());

        Raster view = SnapSourceRaster.product(new Ai4cWarpOp(), p).raster();
        assertEquals(eu.ai4c.kit.raster.DataType.FLOAT32, view.bands().get(0).type());
        assertTrue(Double.isNaN(view.bands().get(0).noData()), "B4 no-data");
        assertEquals(eu.ai4c.kit.raster.DataType.INT16, view.bands().get(1).type(), "B8 stays raw");
        assertEquals(-1, view.bands().get(1).noData());
        assertEquals(eu.ai4c.kit.raster.DataType.FLOAT32, view.bands().get(2).type(), "SCL has no no-data: float");
        assertTrue(Double.isNaN(view.bands().get(2).noData()), "SCL no-data");
        assertEquals(eu.ai4c.kit.raster.DataType.INT16, view.bands().get(3).type());
        assertTrue(!view.bands().get(3).hasNoData(), "B2 has no mask and no no-data");

        eu.ai4c.kit.raster.Region r = new eu.ai4c.kit.raster.Region(5, 3, 60, 50);
        float[] b4 = view.read(0, r).floats();
        short[] b8 = view.read(1, r).shorts();
        float[] scl = view.read(2, r).floats();
        short[] b2 = view.read(3, r).shorts();
        float[] values = scene();
        int invalid = 0;
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                int sx = r.x() + x, sy = r.y() + y, i = y * r.width() + x, s = sy * W + sx;
                String at = " at " + sx + "," + sy;
                if (sx >= 32) assertEquals(values[s], b4[i], "B4" + at);
                else assertTrue(Float.isNaN(b4[i]), "B4" + at);
                assertEquals(sy >= 10 ? raw[s] : -1, b8[i], "B8" + at);
                if ((sx + sy) % 3 != 0) assertEquals(raw[s], scl[i], "SCL" + at);
                else assertTrue(Float.isNaN(scl[i]), "SCL" + at);
                assertEquals(raw[s], b2[i], "B2" + at);
                if (sx < 32) invalid++;
            }
        }
        assertTrue(invalid > 0, "the region must contain invalid pixels");
    }

    static boolean[] validWhere(java.util.function.BiPredicate<Integer, Integer> valid) {
        boolean[] mask = new boolean[W * H];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) mask[y * W + x] = valid.test(x, y);
        return mask;
    }

    @Test
    void badParameterFailsWithTheEngineMessage() throws Exception {
        Ai4cWarpOp op = new Ai4cWarpOp();
        configure(op, Map.of("resampling", "Lanczos"), Map.of("input", snapScene()));
        OperatorException e = assertThrows(OperatorException.class, op::initialize);
        assertTrue(e.getMessage().startsWith("AI4C-Warp: ") && e.getMessage().contains("Nearest, Bilinear, Bicubic"),
                e.getMessage());
    }

    @Test
    void nativeAdapterNeedsTheProductFile() throws Exception {
        eu.ai4c.snap.op.Ai4cS1GrdPreprocessOp op = new eu.ai4c.snap.op.Ai4cS1GrdPreprocessOp();
        configure(op, Map.of(), Map.of("input", snapScene()));
        OperatorException e = assertThrows(OperatorException.class, op::initialize);
        assertTrue(e.getMessage().contains("has no file"), e.getMessage());
    }
}
