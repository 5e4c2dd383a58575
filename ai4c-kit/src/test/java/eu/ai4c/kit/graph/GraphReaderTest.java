package eu.ai4c.kit.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphReaderTest {

    /** Shaped like a graph saved by SNAP's Graph Builder, nodes deliberately out of order. */
    static final String SNAP_GRAPH = """
            <graph id="Graph">
              <version>1.0</version>
              <node id="Write">
                <operator>Write</operator>
                <sources><sourceProduct refid="Scale"/></sources>
                <parameters class="com.bc.ceres.binding.dom.XppDomElement">
                  <file>${out}</file>
                  <formatName>${format:-GeoTIFF}</formatName>
                </parameters>
              </node>
              <node id="Scale">
                <operator>Test-scale</operator>
                <sources><sourceProduct refid="Read"/></sources>
                <parameters>
                  <factor>${factor}</factor>
                  <bands><band>b1</band><band>b2</band></bands>
                  <offset/>
                </parameters>
              </node>
              <node id="Read">
                <operator>Read</operator>
                <parameters><file>${in}</file><formatName>GeoTIFF</formatName></parameters>
              </node>
              <applicationData id="Presentation">
                <node id="Read"><displayPosition x="37.0" y="134.0"/></node>
              </applicationData>
            </graph>
            """;

    @Test
    void parsesNodesSourcesParametersAndSubstitutes() {
        Graph g = GraphReader.parse(SNAP_GRAPH, "test.xml", Map.of("in", "/data/a.tif", "out", "/tmp/o", "factor", "3"));
        assertEquals("Graph", g.id());
        assertEquals("1.0", g.version());
        assertEquals(3, g.nodes().size(), "applicationData must not add nodes");
        Graph.Node scale = g.node("Scale");
        assertEquals("Test-scale", scale.operator());
        assertEquals(Map.of("sourceProduct", "Read"), scale.sources());
        assertEquals("3", scale.parameters().get("factor"));
        assertEquals("b1,b2", scale.parameters().get("bands"));
        assertTrue(!scale.parameters().containsKey("offset"), "empty elements mean 'not set'");
        assertEquals("/data/a.tif", g.node("Read").parameters().get("file"));
        assertEquals("GeoTIFF", g.node("Write").parameters().get("formatName"), "default after :-");
    }

    @Test
    void givenVariableOverridesDefault() {
        Graph g = GraphReader.parse(SNAP_GRAPH, "test.xml",
                Map.of("in", "a", "out", "b", "factor", "3", "format", "BEAM-DIMAP"));
        assertEquals("BEAM-DIMAP", g.node("Write").parameters().get("formatName"));
    }

    @Test
    void unsetVariableIsUsageErrorNamingIt() {
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> GraphReader.parse(SNAP_GRAPH, "test.xml", Map.of("in", "a", "out", "b")));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().contains("${factor}") && e.getMessage().contains("-Pfactor="), e.getMessage());
    }

    @Test
    void topologicalOrderPutsSourcesFirst() {
        Graph g = GraphReader.parse(SNAP_GRAPH, "t", Map.of("in", "a", "out", "b", "factor", "3"));
        assertEquals(List.of("Read", "Scale", "Write"), g.topologicalOrder().stream().map(Graph.Node::id).toList());
    }

    @Test
    void diamondAndSourceProductsList() {
        String xml = """
                <graph id="d">
                  <node id="w"><operator>Write</operator><sources><sourceProduct>m</sourceProduct></sources></node>
                  <node id="m"><operator>Merge</operator><sources><sourceProducts>a,b</sourceProducts></sources></node>
                  <node id="b"><operator>X</operator><sources><sourceProduct refid="r"/></sources></node>
                  <node id="a"><operator>X</operator><sources><input refid="r"/></sources></node>
                  <node id="r"><operator>Read</operator></node>
                </graph>""";
        Graph g = GraphReader.parse(xml, "d.xml", Map.of());
        assertEquals(Map.of("sourceProduct.1", "a", "sourceProduct.2", "b"), g.node("m").sources());
        assertEquals(Map.of("input", "r"), g.node("a").sources());
        List<String> order = g.topologicalOrder().stream().map(Graph.Node::id).toList();
        assertEquals(List.of("r", "b", "a", "m", "w"), order);
    }

    @Test
    void cycleIsReportedWithItsNodes() {
        String xml = """
                <graph id="c">
                  <node id="r"><operator>Read</operator></node>
                  <node id="a"><operator>X</operator><sources><s1 refid="r"/><s2 refid="b"/></sources></node>
                  <node id="b"><operator>X</operator><sources><sourceProduct refid="a"/></sources></node>
                </graph>""";
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> GraphReader.parse(xml, "c.xml", Map.of()).topologicalOrder());
        assertTrue(e.getMessage().contains("cycle") && e.getMessage().contains("[a, b]"), e.getMessage());
    }

    @Test
    void unknownReferenceAndDuplicateIdsAreErrors() {
        String dangling = "<graph><node id='a'><operator>X</operator><sources><sourceProduct refid='zz'/></sources></node></graph>";
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> GraphReader.parse(dangling, "g", Map.of()).topologicalOrder());
        assertTrue(e.getMessage().contains("\"zz\""), e.getMessage());
        String dup = "<graph><node id='a'><operator>X</operator></node><node id='a'><operator>Y</operator></node></graph>";
        assertThrows(Ai4cException.class, () -> GraphReader.parse(dup, "g", Map.of()));
    }

    @Test
    void notAGraphIsAClearError() {
        Ai4cException e = assertThrows(Ai4cException.class, () -> GraphReader.parse("<html/>", "x.xml", Map.of()));
        assertTrue(e.getMessage().contains("<graph>"), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> GraphReader.parse("<graph><node", "y.xml", Map.of()));
        assertTrue(e.getMessage().contains("y.xml"), e.getMessage());
    }
}
