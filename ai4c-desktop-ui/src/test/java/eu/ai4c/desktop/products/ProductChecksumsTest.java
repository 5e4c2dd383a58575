package eu.ai4c.desktop.products;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.testing.Components;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Products window's "Verify Checksums": offered for SAFE products only; a whole product is
 * reported whole, a damaged one with the damaged file named, off the event thread.
 */
class ProductChecksumsTest {

    @Test
    void safeProductsAreCheckedWholeAndDamageIsNamed(@TempDir Path dir) throws Exception {
        OpenProducts products = new OpenProducts();
        OpenProduct grd = products.open(TestProducts.grdSafe(dir));
        OpenProduct tif = products.open(TestProducts.geoTiff(dir));
        assertTrue(ProductChecksums.applies(grd));
        assertFalse(ProductChecksums.applies(tif));

        ProductChecksums.Outcome whole = report(products, grd);
        assertTrue(whole.whole() && whole.message().contains("is whole") && whole.message().contains("files match"),
                whole.message());

        Path measurement;
        try (Stream<Path> s = Files.walk(grd.location())) {
            measurement = s.filter(p -> p.getFileName().toString().endsWith(".tiff")).findFirst().orElseThrow();
        }
        byte[] d = Files.readAllBytes(measurement);
        d[d.length / 2] ^= 0x10;
        Files.write(measurement, d);
        ProductChecksums.Outcome damaged = report(products, grd);
        assertFalse(damaged.whole());
        assertTrue(damaged.message().contains(measurement.getFileName().toString()) && damaged.message().contains("MD5"),
                damaged.message());

        SwingUtilities.invokeAndWait(() -> {
            ProductsPanel panel = new ProductsPanel(products, f -> { }, () -> { }, (p, b) -> { });
            JPopupMenu menu = panel.popupMenu(tif);
            assertFalse(((JMenuItem) Components.named(menu, "products.popup.verify")).isEnabled(),
                    "a GeoTIFF carries no checksums");
        });
    }

    /** Clicks "Verify Checksums" in the product's context menu and waits for the report. */
    private static ProductChecksums.Outcome report(OpenProducts products, OpenProduct p) throws Exception {
        CompletableFuture<ProductChecksums.Outcome> got = new CompletableFuture<>();
        SwingUtilities.invokeAndWait(() -> {
            ProductsPanel panel = new ProductsPanel(products, f -> { }, () -> { }, (q, b) -> { });
            panel.setChecksumReport(o -> {
                assertTrue(SwingUtilities.isEventDispatchThread(), "reported on the event thread");
                got.complete(o);
            });
            JMenuItem item = (JMenuItem) Components.named(panel.popupMenu(p), "products.popup.verify");
            assertTrue(item.isEnabled());
            item.doClick();
            assertFalse(got.isDone(), "the check runs off the event thread");
        });
        return got.get(60, TimeUnit.SECONDS);
    }

    @Test
    void notASafeProduct(@TempDir Path dir) {
        ProductChecksums.Outcome o = ProductChecksums.check(dir.resolve("missing.SAFE"), 1);
        assertFalse(o.whole());
        assertTrue(o.message().contains("not a Sentinel-1 or Sentinel-2 SAFE product"), o.message());
    }
}
