package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.esa.snap.core.datamodel.ProductNodeGroup;
import org.esa.snap.core.datamodel.VectorDataNode;
import org.junit.jupiter.api.Test;

/**
 * The call the adapters make to SNAP's importer: its operator and parameters are SNAP 13.0.2's
 * ({@code snap-13.0.2-operators.tsv}, read from snap-engine's {@code ImportVectorOp}), and only the
 * nodes the importer's copy has beyond the product's own are moved into the product.
 */
class VectorDataImportTest {

    @Test
    void callsImportVectorWithItsThirteenParameters() throws Exception {
        GraphXmlTest.SnapOperator op = GraphXmlTest.snap13().operators().get(VectorDataImport.OPERATOR);
        assertNotNull(op, "Import-Vector is a SNAP 13.0.2 operator");
        Map<String, Object> p = VectorDataImport.parameters(Path.of("/data/out/scene_humanfeatures_point.shp"));
        assertEquals(op.parameters().keySet(), p.keySet(), "every parameter, each one SNAP's");
        assertEquals(new File("/data/out/scene_humanfeatures_point.shp"), p.get(VectorDataImport.VECTOR_FILE),
                "a java.io.File, the type of ImportVectorOp.vectorFile");
        // SNAP's default (true) splits a file into one node per feature; one node per file is wanted
        assertEquals("true", op.parameters().get(VectorDataImport.SEPARATE_SHAPES).defaultValue());
        assertEquals(Boolean.FALSE, p.get(VectorDataImport.SEPARATE_SHAPES));
    }

    @Test
    void onlyShapefilesAreImported() {
        List<Path> files = List.of(Path.of("a.geojson"), Path.of("b_point.shp"), Path.of("b.gpkg"), Path.of("C.SHP"));
        assertEquals(List.of(Path.of("b_point.shp"), Path.of("C.SHP")), VectorDataImport.shapefiles(files));
    }

    @Test
    void movesOnlyTheNodesTheProductLacks() {
        ProductNodeGroup<VectorDataNode> product = new ProductNodeGroup<>("vector_data");
        product.add(new VectorDataNode("pins", 2));
        product.add(new VectorDataNode("roads", 5));
        // Import-Vector's target: copies of the product's nodes, then the imported one, named uniquely
        ProductNodeGroup<VectorDataNode> imported = new ProductNodeGroup<>("vector_data");
        imported.add(new VectorDataNode("pins", 2));
        imported.add(new VectorDataNode("roads", 5));
        VectorDataNode fresh = new VectorDataNode("roads_1", 7);
        imported.add(fresh);
        assertEquals(List.of("roads_1"), VectorDataImport.moveNew(imported, product));
        assertEquals(List.of("pins", "roads", "roads_1"), List.of(product.getNodeNames()));
        assertTrue(product.get("roads_1") == fresh, "the imported node itself");
        assertEquals(5, product.get("roads").featureCount, "the product's own nodes unchanged");
        assertFalse(imported.contains("roads_1"), "no longer owned by the importer's product, which is disposed");
        assertEquals(List.of(), VectorDataImport.moveNew(imported, product));
    }
}
