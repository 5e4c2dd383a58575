package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.testing.SampleProducts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
    @TempDir
    Path dir;

    static final String GRAPH = """
            <graph id="scale">
              <version>1.0</version>
              <node id="Read"><operator>Read</operator>
                <parameters><file>${input}</file><formatName>RAW-TEST</formatName></parameters></node>
              <node id="Scale"><operator>Test-scale</operator>
                <sources><sourceProduct refid="Read"/></sources>
                <parameters><factor>${factor:-2.5}</factor><mode>square</mode><bands>b1</bands></parameters></node>
              <node id="Write"><operator>Write</operator>
                <sources><sourceProduct refid="Scale"/></sources>
                <parameters><file>${output}</file><formatName>RAW-TEST</formatName></parameters></node>
            </graph>
            """;

    @Test
    void graphGivesTheSameBytesAsTheDirectCommand() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Path graph = Files.writeString(dir.resolve("scale.xml"), GRAPH);
        Cli g = Cli.run("graph", graph.toString(), "-Pinput=" + in, "-Poutput=" + dir.resolve("via-graph"), "--quiet");
        assertEquals(0, g.exit(), g.toString());
        Path viaGraph = dir.resolve("via-graph.a4r").toAbsolutePath();
        assertEquals(viaGraph.toString(), g.out().strip());

        Cli c = Cli.run("Test-scale", "--input", in.toString(), "--output_path", dir.resolve("via-cli").toString(),
                "--output_format", "RAW-TEST", "--factor", "2.5", "--mode", "square", "--bands", "b1", "--quiet");
        assertEquals(0, c.exit(), c.toString());
        byte[] a = Files.readAllBytes(viaGraph), b = Files.readAllBytes(dir.resolve("via-cli.a4r"));
        assertTrue(a.length > SampleProducts.WIDTH * SampleProducts.HEIGHT * 4, "one float32 band written");
        assertArrayEquals(b, a);
    }

    @Test
    void variableOverridesDefaultAndChangesTheResult() throws IOException {
        Path in = SampleProducts.twoBandUint16(dir);
        Path graph = Files.writeString(dir.resolve("scale.xml"), GRAPH);
        Cli g1 = Cli.run("graph", graph.toString(), "-Pinput=" + in, "-Poutput=" + dir.resolve("a"), "-q");
        Cli g2 = Cli.run("graph", graph.toString(), "-Pinput=" + in, "-Poutput=" + dir.resolve("b"), "-Pfactor=3", "-q");
        assertEquals(0, g1.exit(), g1.toString());
        assertEquals(0, g2.exit(), g2.toString());
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a.a4r")), Files.readAllBytes(dir.resolve("b.a4r"))));
    }

    @Test
    void missingVariableIsUsageErrorNamingIt() throws IOException {
        Path graph = Files.writeString(dir.resolve("scale.xml"), GRAPH);
        Cli g = Cli.run("graph", graph.toString(), "-Poutput=x");
        assertEquals(2, g.exit(), g.toString());
        assertTrue(g.err().contains("${input}") && g.err().contains("-Pinput="), g.toString());
    }

    @Test
    void missingGraphFileIsUsageError() {
        Cli g = Cli.run("graph", dir.resolve("none.xml").toString());
        assertEquals(2, g.exit(), g.toString());
        assertTrue(g.err().contains("none.xml"), g.toString());
    }
}
