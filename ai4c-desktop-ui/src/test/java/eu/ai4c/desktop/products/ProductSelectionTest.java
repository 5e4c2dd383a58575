package eu.ai4c.desktop.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import javax.swing.tree.TreePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selected product is shared: the Products window's tree and the World View's footprints follow each other. */
class ProductSelectionTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theTreeAndTheListShareTheSelection(@TempDir Path dir) throws Exception {
        OpenProducts products = new OpenProducts();
        Path da = Files.createDirectories(dir.resolve("a")), db = Files.createDirectories(dir.resolve("b"));
        List<OpenProduct> told = new ArrayList<>();
        products.addListener(new OpenProducts.Listener() {
            @Override
            public void opened(OpenProduct p) {
            }

            @Override
            public void closed(OpenProduct p) {
            }

            @Override
            public void selected(OpenProduct p) {
                told.add(p);
            }
        });
        ProductsPanel[] panel = new ProductsPanel[1];
        SwingUtilities.invokeAndWait(() -> panel[0] = new ProductsPanel(products, f -> { }, () -> { }, (p, b) -> { }));
        OpenProduct a = products.open(TestProducts.geoTiff(da));
        OpenProduct b = products.open(TestProducts.geoTiff(db));
        SwingUtilities.invokeAndWait(() -> {
            assertEquals(b, panel[0].selectedProduct(), "the product opened last is selected in the tree");
            assertEquals(b, products.selected().orElseThrow(), "and in the list");
            products.select(a); // a double-click on its footprint
            assertEquals(a, panel[0].selectedProduct(), "the tree follows");
            panel[0].tree().setSelectionPath(new TreePath(panel[0].tree().getModel().getRoot()).pathByAddingChild(
                    panel[0].tree().getModel().getChild(panel[0].tree().getModel().getRoot(), 1)));
            assertEquals(b, products.selected().orElseThrow(), "a click in the tree selects in the list");
        });
        products.close(b);
        SwingUtilities.invokeAndWait(() -> { });
        assertTrue(products.selected().isEmpty() || products.selected().get().equals(a), products.selected().toString());
        assertTrue(told.contains(a) && told.contains(b), told.toString());
    }
}
