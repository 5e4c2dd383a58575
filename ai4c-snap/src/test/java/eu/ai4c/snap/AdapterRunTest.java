package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        eu.ai4c.kit.op.Operator op = OperatorRegistry.load().get(alias);
        OperatorDescriptor d = op.descriptor();
        eu.ai4c.kit.raster.Product in = eu.ai4c.kit.raster.Product.of("scene",
                MemoryRaster.ofFloats("Sigma0_VV", W, H, scene(), grid()));
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
