package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.graph.GraphReader;
import eu.ai4c.kit.graph.GraphRunner;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The shipped graphs made only of AI4C operators run with the engine's graph runner (what
 * {@code ai4c graph} does) and write the same pixels and grid as running their operators one
 * after the other directly, on a synthetic map-projected scene.
 */
class Ai4cGraphRunTest {

    @TempDir
    Path tmp;

    @Test
    void ai4cOnlyGraphsRunAndMatchTheDirectOperators() throws Exception {
        Path input = syntheticScene();
        Map<String, ?> ai4c = GraphXmlTest.ai4cOperators();
        int ran = 0;
        for (Path file : GraphXmlTest.graphs()) {
            Document g;
            try (InputStream in = Files.newInputStream(file)) {
                g = LayerAndHelpTest.parse(in);
            }
            List<Element> nodes = GraphXmlTest.children(g.getDocumentElement(), "node");
            boolean onlyAi4c = nodes.stream().map(n -> GraphXmlTest.text(n, "operator"))
                    .allMatch(op -> op.equals("Read") || op.equals("Write") || ai4c.containsKey(op));
            if (!onlyAi4c) continue;

            String name = file.getFileName().toString().replace(".xml", "");
            Path graphOut = tmp.resolve(name + "-graph.tif");
            List<Path> written = new GraphRunner().run(GraphReader.read(file,
                    Map.of("input", input.toString(), "output", graphOut.toString())), ProcessingContext.defaults());
            assertEquals(1, written.size(), name);

            Path directOut = tmp.resolve(name + "-direct.tif");
            runDirectly(nodes, input, directOut);
            assertSameRaster(ProductIO.read(directOut).raster(), ProductIO.read(written.get(0)).raster(), name);
            ran++;
        }
        assertTrue(ran >= 1, "no AI4C-only graph found");
    }

    /** The graph's operators applied one after another without the graph machinery (a linear chain). */
    private static void runDirectly(List<Element> nodes, Path input, Path output) throws Exception {
        Product p = ProductIO.read(input);
        String format = "GeoTIFF";
        for (Element n : nodes) {
            String op = GraphXmlTest.text(n, "operator");
            Map<String, String> params = new LinkedHashMap<>();
            for (Element ps : GraphXmlTest.children(n, "parameters")) {
                for (Element e : GraphXmlTest.children(ps, null)) params.put(e.getTagName(), e.getTextContent().trim());
            }
            if (op.equals("Read")) continue;
            if (op.equals("Write")) {
                format = params.getOrDefault("formatName", format);
                continue;
            }
            Operator engine = OperatorRegistry.load().get(op.substring(AdapterNames.PREFIX.length()));
            OperatorDescriptor d = engine.descriptor();
            p = engine.apply(Map.of(d.sources().get(0).name(), p), d.validate(params), ProcessingContext.defaults());
        }
        ProductWriter writer = ProductIO.writer(format);
        writer.write(p, output, ProcessingContext.defaults());
    }

    private static void assertSameRaster(Raster expected, Raster actual, String what) throws Exception {
        assertEquals(expected.width(), actual.width(), what + " width");
        assertEquals(expected.height(), actual.height(), what + " height");
        assertEquals(expected.bands().size(), actual.bands().size(), what + " bands");
        MapGeoCoding e = (MapGeoCoding) expected.geoCoding();
        MapGeoCoding a = (MapGeoCoding) actual.geoCoding();
        assertArrayEquals(e.geoTransform(), a.geoTransform(), 1e-9, what + " geotransform");
        assertEquals(Projections.epsgCode(e.crs()), Projections.epsgCode(a.crs()), what + " CRS");
        for (int b = 0; b < expected.bands().size(); b++) {
            float[] x = expected.read(b, expected.bounds()).toFloats();
            float[] y = actual.read(b, actual.bounds()).toFloats();
            assertArrayEquals(x, y, what + " band " + b);
            int valid = 0;
            for (float v : x) if (!Float.isNaN(v) && v != 0) valid++;
            assertTrue(valid > x.length / 4, what + ": the output is mostly empty (" + valid + " valid samples)");
        }
    }

    /** A 96×80 float32 intensity-like scene in WGS 84 / UTM 32N, 20 m pixels. */
    private Path syntheticScene() throws Exception {
        int w = 96, h = 80;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // smooth field plus a deterministic multiplicative "speckle"
                double speckle = 0.5 + ((x * 7919 + y * 104729) % 1000) / 1000.0;
                v[y * w + x] = (float) ((0.05 + 0.04 * Math.sin(x / 9.0) * Math.cos(y / 7.0) + 0.1) * speckle);
            }
        }
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 45), 500000, 5000000, 20, 20);
        Product p = Product.of("scene", MemoryRaster.ofFloats("Sigma0_VV", w, h, v, gc));
        Path file = tmp.resolve("scene.tif");
        ProductIO.writer("GeoTIFF").write(p, file, ProcessingContext.defaults());
        assertEquals(new Region(0, 0, w, h), ProductIO.read(file).raster().bounds());
        return file;
    }
}
