package eu.ai4c.desktop.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.testing.Components;
import java.awt.Rectangle;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.event.MouseEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Products window's content without a display: tree, properties, double-click, close, drop. */
class ProductsPanelTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final OpenProducts products = new OpenProducts();
    private final List<List<Path>> opened = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private int chooserShown;

    private ProductsPanel panel() throws Exception {
        ProductsPanel[] p = new ProductsPanel[1];
        SwingUtilities.invokeAndWait(() -> {
            p[0] = new ProductsPanel(products, opened::add, () -> chooserShown++,
                    (product, band) -> shown.add(product.name() + "/" + band.name() + "#" + band.index()));
            p[0].setSize(300, 600);
            p[0].doLayout();
        });
        return p[0];
    }

    /** The texts of the visible rows. */
    private static List<String> rows(JTree tree) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < tree.getRowCount(); i++) rows.add(tree.getPathForRow(i).getLastPathComponent().toString());
        return rows;
    }

    @Test
    void aProductOpenedOffTheEventThreadAppearsWithItsBandsAndProperties(@TempDir Path dir) throws Exception {
        Path tif = TestProducts.geoTiff(dir);
        ProductsPanel panel = panel();
        int[] changes = new int[1];
        SwingUtilities.invokeAndWait(() -> panel.addChangeListener(() -> changes[0]++));
        OpenProduct p = products.open(tif); // a background reader thread in the desktop
        SwingUtilities.invokeAndWait(() -> {
            JTree tree = panel.tree();
            assertEquals(List.of("[1] scene", ProductsPanel.BANDS, "sigma0_VV", "mask", ProductsPanel.METADATA), rows(tree));
            assertEquals(1, changes[0]);
            assertSame(p, panel.selectedProduct());
            assertTrue(panel.propertiesText().startsWith("Product: scene\nFormat: GeoTIFF\nLocation: " + tif.toAbsolutePath()
                    + "\nSize: 40 \u00d7 30 pixels\nBands: sigma0_VV, mask"), panel.propertiesText());
            panel.selectBand(p, "sigma0_VV");
            assertEquals("Band: sigma0_VV\nSize: 40 \u00d7 30 pixels\nData type: FLOAT32\nNo-data: NaN\nUnit: dB\n"
                    + "(double-click to view)", panel.propertiesText());
            assertTrue(Components.named(panel, "products.close").isEnabled());
        });
    }

    @Test
    void doubleClickOnABandShowsIt(@TempDir Path dir) throws Exception {
        ProductsPanel panel = panel();
        products.open(TestProducts.geoTiff(dir));
        SwingUtilities.invokeAndWait(() -> {
            JTree tree = panel.tree();
            tree.setSize(300, 400);
            Rectangle mask = tree.getRowBounds(rows(tree).indexOf("mask"));
            click(tree, mask, 1);
            assertEquals(List.of(), shown, "a single click shows nothing");
            click(tree, mask, 2);
            click(tree, tree.getRowBounds(rows(tree).indexOf(ProductsPanel.BANDS)), 2); // a folder: nothing to show
            assertEquals(List.of("scene/mask#1"), shown);
        });
    }

    @Test
    void closeRemovesTheSelectedProductAndOpenAsksForFiles(@TempDir Path dir) throws Exception {
        ProductsPanel panel = panel();
        OpenProduct scene = products.open(TestProducts.geoTiff(dir));
        OpenProduct raw = products.open(eu.ai4c.kit.testing.SampleProducts.twoBandUint16(dir));
        SwingUtilities.invokeAndWait(() -> {
            assertEquals(raw, panel.selectedProduct(), "the newest product is selected");
            panel.selectBand(scene, "mask");
            ((AbstractButton) Components.named(panel, "products.close")).doClick();
            assertEquals(List.of(raw), products.products());
            assertFalse(rows(panel.tree()).contains("[1] scene"));
            assertTrue(rows(panel.tree()).contains("[2] in"), rows(panel.tree()).toString());
            assertFalse(Components.named(panel, "products.close").isEnabled(), "nothing selected after the close");
            products.close(raw);
            assertEquals(ProductsPanel.EMPTY_HINT, panel.propertiesText(), "an empty window says how to open products");
            ((AbstractButton) Components.named(panel, "products.open")).doClick();
            assertEquals(1, chooserShown);
        });
    }

    @Test
    void filesDroppedOnTheWindowAreOpened(@TempDir Path dir) throws Exception {
        ProductsPanel panel = panel();
        Path tif = TestProducts.geoTiff(dir);
        Transferable files = new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor f) {
                return DataFlavor.javaFileListFlavor.equals(f);
            }

            @Override
            public Object getTransferData(DataFlavor f) {
                return List.of(tif.toFile(), new File(dir.toFile(), "other.tif"));
            }
        };
        SwingUtilities.invokeAndWait(() -> {
            TransferHandler h = panel.tree().getTransferHandler();
            TransferHandler.TransferSupport drop = new TransferHandler.TransferSupport(panel.tree(), files);
            assertTrue(h.canImport(drop));
            assertTrue(h.importData(drop));
        });
        assertEquals(List.of(List.of(tif, dir.resolve("other.tif"))), opened);
    }

    private static void assertSame(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertSame(expected, actual);
    }

    private static void click(JTree tree, Rectangle row, int count) {
        int x = row.x + row.width / 2, y = row.y + row.height / 2;
        // only the click: the tree's own press handling asks the toolkit for shortcut keys, which fails headless
        tree.dispatchEvent(new MouseEvent(tree, MouseEvent.MOUSE_CLICKED, 0, 0, x, y, count, false, MouseEvent.BUTTON1));
    }
}
