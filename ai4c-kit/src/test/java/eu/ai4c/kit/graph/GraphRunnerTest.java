package eu.ai4c.kit.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.SampleProducts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphRunnerTest {
    @TempDir
    Path dir;

    @Test
    void readScaleWriteProducesScaledValues() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Path out = dir.resolve("out");
        Graph g = GraphReader.parse(GraphReaderTest.SNAP_GRAPH, "g",
                Map.of("in", in.toString(), "out", out.toString(), "factor", "0.5", "format", "RAW-TEST"));
        List<String> warnings = new ArrayList<>();
        List<Path> written = new GraphRunner().run(g,
                ProcessingContext.defaults().withThreads(2).withWarnings(warnings::add));
        assertEquals(List.of(dir.resolve("out.a4r").toAbsolutePath()), written);
        Raster r = ProductIO.read(written.get(0)).raster();
        assertEquals(List.of("b1", "b2"), r.bands().stream().map(Band::name).toList());
        float[] v = r.read(0, new Region(0, 0, 150, 70)).floats();
        assertTrue(Float.isNaN(v[0]), "no-data 0 becomes NaN");
        assertEquals(0.5f * (69 * 100 + 149), v[69 * 150 + 149]);
        assertEquals(3.5f, r.read(1, new Region(3, 4, 1, 1)).floats()[0]);
        assertEquals(List.of(), warnings, "formatName of Read/Write is not a warning");
    }

    @Test
    void unknownOperatorListsKnownOnes() {
        Graph g = GraphReader.parse("<graph><node id='r'><operator>Read</operator><parameters><file>x</file></parameters></node>"
                + "<node id='t'><operator>Terrain-Flattening</operator><sources><sourceProduct refid='r'/></sources></node></graph>",
                "g", Map.of());
        Ai4cException e = assertThrows(Ai4cException.class, () -> new GraphRunner().check(g));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().contains("Terrain-Flattening") && e.getMessage().contains("Test-scale"), e.getMessage());
    }

    @Test
    void parametersAreValidatedBeforeAnythingRuns() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Path out = dir.resolve("never");
        Graph g = GraphReader.parse(GraphReaderTest.SNAP_GRAPH, "g",
                Map.of("in", in.toString(), "out", out.toString(), "factor", "-1", "format", "RAW-TEST"));
        Ai4cException e = assertThrows(Ai4cException.class, () -> new GraphRunner().run(g, ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains("--factor") && e.getMessage().contains("(0,1000]"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("never.a4r")));
    }

    @Test
    void snapFormatNamesMapToAi4cWriters() {
        assertEquals("GeoTIFF", GraphRunner.writerFormat(new Graph.Node("w", "Write", Map.of(), Map.of("formatName", "GeoTIFF-BigTIFF"))));
        assertEquals("BEAM-DIMAP", GraphRunner.writerFormat(new Graph.Node("w", "Write", Map.of(), Map.of())));
        assertEquals("RAW-TEST", GraphRunner.writerFormat(new Graph.Node("w", "Write", Map.of(), Map.of("formatName", "RAW-TEST"))));
    }

    @Test
    void unsupportedReadParameterIsAWarningNotSilence() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        String xml = "<graph><node id='r'><operator>Read</operator><parameters><file>" + in + "</file>"
                + "<pixelRegion>0,0,10,10</pixelRegion></parameters></node>"
                + "<node id='w'><operator>Write</operator><sources><sourceProduct refid='r'/></sources>"
                + "<parameters><file>" + dir.resolve("copy") + "</file><formatName>RAW-TEST</formatName></parameters></node></graph>";
        List<String> warnings = new ArrayList<>();
        new GraphRunner().run(GraphReader.parse(xml, "g", Map.of()), ProcessingContext.defaults().withWarnings(warnings::add));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("pixelRegion"), warnings.get(0));
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(dir.resolve("copy.a4r")), "a plain copy is byte-identical");
    }

    private String twoSourceGraph(Path a, Path b, String sources, Path out) {
        return "<graph id='two'>"
                + "<node id='a'><operator>Read</operator><parameters><file>" + a + "</file></parameters></node>"
                + "<node id='b'><operator>Read</operator><parameters><file>" + b + "</file></parameters></node>"
                + "<node id='d'><operator>Test-difference</operator><sources>" + sources + "</sources></node>"
                + "<node id='w'><operator>Write</operator><sources><sourceProduct refid='d'/></sources>"
                + "<parameters><file>" + out + "</file><formatName>RAW-TEST</formatName></parameters></node></graph>";
    }

    private float differenceAt(Path in, Path scaled, String sources, String outName, int x, int y) throws IOException {
        Path out = dir.resolve(outName);
        List<Path> w = new GraphRunner().run(GraphReader.parse(twoSourceGraph(in, scaled, sources, out), "g", Map.of()),
                ProcessingContext.defaults());
        return ProductIO.read(w.get(0)).raster().read(0, new Region(x, y, 1, 1)).floats()[0];
    }

    @Test
    void sourcesBindByPositionOrByName() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Graph scale = GraphReader.parse(GraphReaderTest.SNAP_GRAPH, "g",
                Map.of("in", in.toString(), "out", dir.resolve("x3").toString(), "factor", "3", "format", "RAW-TEST"));
        Path tripled = new GraphRunner().run(scale, ProcessingContext.defaults()).get(0);
        // pixel (10, 2): b1 = 210, tripled = 630
        assertEquals(210f - 630f, differenceAt(in, tripled,
                "<sourceProduct refid='a'/><sourceProduct.1 refid='b'/>", "pos", 10, 2));
        assertEquals(630f - 210f, differenceAt(in, tripled,
                "<input2 refid='a'/><input1 refid='b'/>", "named", 10, 2));
        assertEquals(630f - 210f, differenceAt(in, tripled,
                "<input2 refid='a'/><sourceProduct refid='b'/>", "mixed", 10, 2));
        assertEquals(210f - 630f, differenceAt(in, tripled, "<sourceProducts>a,b</sourceProducts>", "list", 10, 2));
    }

    @Test
    void missingOrExtraSourcesAreUsageErrors() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Ai4cException missing = assertThrows(Ai4cException.class, () -> new GraphRunner().check(GraphReader.parse(
                twoSourceGraph(in, in, "<sourceProduct refid='a'/>", dir.resolve("o")), "g", Map.of())));
        assertTrue(missing.getMessage().contains("input2") && missing.getMessage().contains("\"d\""), missing.getMessage());
        Ai4cException extra = assertThrows(Ai4cException.class, () -> new GraphRunner().check(GraphReader.parse(
                twoSourceGraph(in, in, "<sourceProducts>a,b,a</sourceProducts>", dir.resolve("o")), "g", Map.of())));
        assertTrue(extra.getMessage().contains("takes 2"), extra.getMessage());
        Ai4cException unknown = assertThrows(Ai4cException.class, () -> new GraphRunner().check(GraphReader.parse(
                twoSourceGraph(in, in, "<master refid='a'/><input2 refid='b'/>", dir.resolve("o")), "g", Map.of())));
        assertTrue(unknown.getMessage().contains("master") && unknown.getMessage().contains("[input1, input2]"),
                unknown.getMessage());
    }
}
