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
import eu.ai4c.kit.op.ProductKind;
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
    void servicesFollowTheirSourcesStatedKinds(@TempDir Path dir) throws Exception {
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
    void statedKindsDecide() {
        ProductServices.Kind slc = new ProductServices.Kind("S1", "SLC", false, false, false);
        ProductServices.Kind l2a = new ProductServices.Kind("S2", "L2A", true, false, false);
        ProductServices.Kind lonLat = new ProductServices.Kind(null, null, true, true, false);
        ProductServices.Kind sigma0 = new ProductServices.Kind(null, null, true, false, true);
        SourceDescriptor s1Any = SourceDescriptor.required("input", "A Sentinel-1 product", ProductKind.SENTINEL1_GRD,
                ProductKind.SENTINEL1_SLC);
        SourceDescriptor s1Grd = SourceDescriptor.required("input", "Sentinel-1 GRD product", ProductKind.SENTINEL1_GRD);
        SourceDescriptor s2L1c = SourceDescriptor.required("input", "Sentinel-2 L1C product", ProductKind.SENTINEL2_L1C);
        SourceDescriptor s2Both = SourceDescriptor.required("input", "Sentinel-2 L2A or L1C product",
                ProductKind.SENTINEL2_L1C, ProductKind.SENTINEL2_L2A);
        SourceDescriptor grid = SourceDescriptor.required("input", "on a latitude-longitude grid", ProductKind.LAT_LON_GRID);
        SourceDescriptor sar = SourceDescriptor.required("input", "SAR product", ProductKind.SAR);
        assertTrue(ProductServices.accepts(s1Any, slc));
        assertFalse(ProductServices.accepts(s1Grd, slc));
        assertFalse(ProductServices.accepts(s2L1c, l2a));
        assertTrue(ProductServices.accepts(s2Both, l2a));
        assertTrue(ProductServices.accepts(grid, lonLat));
        assertFalse(ProductServices.accepts(grid, l2a), "a UTM grid is not a latitude-longitude grid");
        assertTrue(ProductServices.accepts(sar, slc) && ProductServices.accepts(sar, sigma0));
        assertFalse(ProductServices.accepts(sar, l2a), "no backscatter bands");
        assertTrue(ProductServices.accepts(SourceDescriptor.required("input", "Any raster"), slc), "no statement: any product");
    }

    /**
     * What a source states it takes and what its description tells the user (dialog hint, --help,
     * SNAP help) agree, for every registered service: each stated kind is named in the text, and a
     * text naming a kind of product states one.
     */
    @Test
    void everyStatedKindIsNamedInItsDescription() {
        java.util.Map<ProductKind, List<String>> words = java.util.Map.of(
                ProductKind.SENTINEL1_GRD, List.of("sentinel-1", "grd"), ProductKind.SENTINEL1_SLC, List.of("sentinel-1", "slc"),
                ProductKind.SENTINEL2_L1C, List.of("sentinel-2", "l1c"), ProductKind.SENTINEL2_L2A, List.of("sentinel-2", "l2a"),
                ProductKind.SAR, List.of("sar product"), ProductKind.MAP_GRID, List.of("map"),
                ProductKind.LAT_LON_GRID, List.of("latitude-longitude"));
        int stated = 0;
        for (OperatorDescriptor d : ALL) {
            for (SourceDescriptor s : d.sources()) {
                String text = s.description().toLowerCase(java.util.Locale.ROOT);
                for (ProductKind k : s.accepts()) {
                    for (String w : words.get(k)) assertTrue(text.contains(w), d.alias() + " " + s.name() + " takes " + k
                            + " but its description does not say \"" + w + "\": " + s.description());
                }
                boolean namesAKind = text.contains("sentinel-1") || text.contains("sentinel-2") || text.contains("sar product")
                        || text.contains("map-projected") || text.contains("map geocoding") || text.contains("latitude-longitude");
                assertEquals(namesAKind, !s.accepts().isEmpty(), d.alias() + " " + s.name() + ": " + s.description());
                if (!s.accepts().isEmpty()) stated++;
            }
        }
        assertTrue(stated >= 11, stated + " sources state their kinds");
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
