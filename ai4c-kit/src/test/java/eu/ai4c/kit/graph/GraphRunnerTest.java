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
}
