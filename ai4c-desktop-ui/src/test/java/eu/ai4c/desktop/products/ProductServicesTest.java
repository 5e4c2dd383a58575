package eu.ai4c.desktop.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.ui.OperatorPanel;
import eu.ai4c.desktop.testing.Components;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.SourceDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Products window's "Run" menu: the services that accept a product, and their dialog prepared with it. */
class ProductServicesTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final List<OperatorDescriptor> ALL = OperatorRegistry.load().all().stream().map(Operator::descriptor)
            .filter(d -> !d.alias().startsWith("Test-")).toList();

    private static List<String> aliases(List<OperatorDescriptor> ds) {
        return ds.stream().map(OperatorDescriptor::alias).toList();
    }

    @Test
    void servicesFollowTheSourceDescriptions(@TempDir Path dir) throws Exception {
        OpenProducts products = new OpenProducts();
        OpenProduct grd = products.open(TestProducts.grdSafe(dir));
        OpenProduct utm = products.open(TestProducts.geoTiff(dir));
        List<String> forGrd = aliases(ProductServices.accepting(grd, ALL));
        List<String> forUtm = aliases(ProductServices.accepting(utm, ALL));
        // the GRD: its pre-processing and the speckle filter, not the SLC, Sentinel-2 or map-grid services
        assertEquals(List.of("S1-GRD-preprocess", "Speckle-Filter"), forGrd.stream().sorted().toList(), forGrd.toString());
        // the UTM GeoTIFF: the services of map-projected products, none of the Sentinel ones, not the
        // air-quality downscaling (its inputs are on a latitude-longitude grid)
        assertTrue(forUtm.containsAll(List.of("Warp", "humanfeatures-query", "Speckle-Filter")), forUtm.toString());
        assertTrue(forUtm.stream().noneMatch(a -> a.startsWith("S1-") || a.startsWith("S2-")), forUtm.toString());
        assertFalse(forUtm.contains("AQ-Downscale"), forUtm.toString());
        // services without sources (training, folder tools) are never offered
        assertTrue(ALL.stream().filter(d -> d.sources().isEmpty()).noneMatch(d -> forUtm.contains(d.alias())));
    }

    @Test
    void sourceTextsDecide() {
        ProductServices.Kind slc = new ProductServices.Kind("S1", "SLC", false, false, false);
        ProductServices.Kind l2a = new ProductServices.Kind("S2", "L2A", true, false, false);
        ProductServices.Kind lonLat = new ProductServices.Kind(null, null, true, true, false);
        SourceDescriptor s1Any = SourceDescriptor.required("input", "A Sentinel-1 product (SAFE)");
        SourceDescriptor s1Grd = SourceDescriptor.required("input", "Sentinel-1 GRD product in SENTINEL-SAFE format");
        SourceDescriptor s2L1c = SourceDescriptor.required("input", "Sentinel-2 L1C product");
        SourceDescriptor s2Both = SourceDescriptor.required("input", "Sentinel-2 L2A or L1C product");
        SourceDescriptor grid = SourceDescriptor.required("input", "inputs on a regular latitude-longitude grid");
        assertTrue(ProductServices.accepts(s1Any, slc));
        assertFalse(ProductServices.accepts(s1Grd, slc));
        assertFalse(ProductServices.accepts(s2L1c, l2a));
        assertTrue(ProductServices.accepts(s2Both, l2a));
        assertTrue(ProductServices.accepts(grid, lonLat));
        assertFalse(ProductServices.accepts(grid, l2a), "a UTM grid is not a latitude-longitude grid");
        assertTrue(ProductServices.accepts(SourceDescriptor.required("input", "Any raster"), slc), "no statement: any product");
    }

    @Test
    void theContextMenuOpensTheDialogWithTheProductChosen(@TempDir Path dir) throws Exception {
        OpenProducts products = new OpenProducts();
        OpenProduct grd = products.open(TestProducts.grdSafe(dir));
        List<String> run = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            ProductsPanel panel = new ProductsPanel(products, f -> { }, () -> { }, (p, b) -> { });
            panel.setRunMenu(() -> ALL, (p, alias) -> run.add(p.name() + " -> " + alias));
            JPopupMenu menu = panel.popupMenu(grd);
            JMenu runMenu = (JMenu) Components.named(menu, "products.run");
            assertTrue(runMenu.isEnabled());
            List<String> items = new ArrayList<>();
            for (int i = 0; i < runMenu.getItemCount(); i++) items.add(runMenu.getItem(i).getName());
            assertEquals(List.of("products.run.S1-GRD-preprocess", "products.run.Speckle-Filter"), items.stream().sorted().toList());
            JMenuItem grdItem = runMenu.getItem(items.indexOf("products.run.S1-GRD-preprocess"));
            grdItem.doClick();
            assertEquals(List.of(grd.name() + " -> S1-GRD-preprocess"), run);
            ((AbstractButton) Components.named(menu, "products.popup.close")).doClick();
            assertTrue(products.products().stream().noneMatch(p -> p == grd), "Close Product closes it");
        });
    }

    @Test
    void theFormIsPreparedAsChoosingTheProductInTheDialogDoes(@TempDir Path dir) throws Exception {
        OpenProducts products = new OpenProducts();
        OpenProduct grd = products.open(TestProducts.grdSafe(dir));
        Operator op = OperatorRegistry.load().get("S1-GRD-preprocess");
        FormModel form = FormModel.of(op);
        assertEquals("VV", form.parameter("polarization").text(), "the default before");
        ProductServices.prepare(form, grd);
        assertEquals(grd.location().toString(), form.source("input").text());
        assertEquals("VV,VH", form.parameter("polarization").text(), "both polarisations of the product ticked");
        assertEquals(grd.location().getParent().toString(), form.target().folder(), "written beside the product");
        assertTrue(form.messages().isEmpty(), form.messages().toString());
        // a remembered target folder is kept
        FormModel remembered = FormModel.of(op);
        remembered.target().setFolder(dir.resolve("elsewhere").toString());
        ProductServices.prepare(remembered, grd);
        assertEquals(dir.resolve("elsewhere").toString(), remembered.target().folder());
        // and the dialog's panel over the prepared form shows it so
        FormModel shown = FormModel.of(op);
        ProductServices.prepare(shown, grd);
        SwingUtilities.invokeAndWait(() -> {
            OperatorPanel panel = new OperatorPanel(op, shown, r -> { }, () -> { });
            assertEquals(grd.location().toString(), ((JTextField) Components.named(panel, "source.input")).getText());
            assertTrue(((AbstractButton) Components.named(panel, "param.polarization.VH")).isSelected());
            assertTrue(((AbstractButton) Components.named(panel, "run")).isEnabled(), "ready to run");
        });
    }
}
