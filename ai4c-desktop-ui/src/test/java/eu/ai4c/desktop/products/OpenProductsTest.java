package eu.ai4c.desktop.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.run.OperatorRun;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.SampleProducts;
import eu.ai4c.kit.testing.ScaleOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of open products: reading through the engine's readers, band properties, listeners, run outputs. */
class OpenProductsTest {

    /** Records the listener calls as "opened name" / "closed name". */
    private static List<String> events(OpenProducts products) {
        List<String> events = new ArrayList<>();
        products.addListener(new OpenProducts.Listener() {
            @Override
            public void opened(OpenProduct p) {
                events.add("opened " + p.name());
            }

            @Override
            public void closed(OpenProduct p) {
                events.add("closed " + p.name());
            }
        });
        return events;
    }

    @Test
    void geoTiffOpensWithItsBandProperties(@TempDir Path dir) throws Exception {
        Path tif = TestProducts.geoTiff(dir);
        OpenProducts products = new OpenProducts();
        List<String> events = events(products);
        OpenProduct p = products.open(tif);
        assertEquals("GeoTIFF", p.format());
        assertEquals(tif.toAbsolutePath(), p.location());
        assertEquals(List.of("sigma0_VV", "mask"), p.bandNames());
        assertEquals("sigma0_VV: 40 \u00d7 30, FLOAT32, no-data NaN, unit dB", p.bands().get(0).describe());
        assertEquals("mask: 40 \u00d7 30, FLOAT32, no-data NaN, unit unknown", p.bands().get(1).describe());
        assertEquals(1, p.bands().get(1).index());
        assertEquals(List.of("opened scene"), events);
        assertEquals(List.of(p), products.products());
    }

    @Test
    void theSameFileOpensOnceAndCloseTellsTheListeners(@TempDir Path dir) throws Exception {
        Path raw = SampleProducts.twoBandUint16(dir);
        OpenProducts products = new OpenProducts();
        List<String> events = events(products);
        OpenProduct first = products.open(raw);
        assertSame(first, products.open(dir.resolve(".").resolve("in.a4r")));
        assertEquals("b1: 150 \u00d7 70, UINT16, no-data 0, unit unknown", first.bands().get(0).describe());
        assertEquals("b2: 150 \u00d7 70, UINT16, no-data none, unit unknown", first.bands().get(1).describe());
        products.close(first);
        products.close(first); // already closed: no second event
        assertEquals(List.of("opened in", "closed in"), events);
        assertTrue(products.products().isEmpty());
        assertTrue(products.find(raw).isEmpty());
    }

    @Test
    void safeFolderAndItsManifestAreOneProduct(@TempDir Path dir) throws Exception {
        Path safe = TestProducts.grdSafe(dir);
        OpenProducts products = new OpenProducts();
        OpenProduct p = products.open(safe.resolve("manifest.safe"));
        assertEquals(safe.toAbsolutePath(), p.location());
        assertEquals(ProductIO.readerFor(safe).orElseThrow().formatName(), p.format());
        assertEquals(List.of("Amplitude_VV", "Amplitude_VH"), p.bandNames());
        assertEquals("Amplitude_VH: 64 \u00d7 48, UINT16, no-data 0, unit DN", p.bands().get(1).describe());
        assertSame(p, products.open(safe));
        assertEquals(1, products.products().size());
        assertTrue(OpenProducts.isProduct(safe));
        assertTrue(ProductChooser.isProductFolder(safe), "a SAFE folder is chosen, not entered");
        assertTrue(!ProductChooser.isProductFolder(dir), "a plain folder is entered");
    }

    @Test
    void aFileNoReaderAcceptsIsRefusedNamingItAndTheFormats(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a product");
        OpenProducts products = new OpenProducts();
        Ai4cException e = assertThrows(Ai4cException.class, () -> products.open(notes));
        assertTrue(e.getMessage().startsWith("Product " + notes.toAbsolutePath() + " is not in a format AI4C reads ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("GeoTIFF"), e.getMessage());
        Ai4cException missing = assertThrows(Ai4cException.class, () -> products.open(dir.resolve("gone.tif")));
        assertEquals("Product " + dir.resolve("gone.tif").toAbsolutePath() + " does not exist: check the path.",
                missing.getMessage());
        assertTrue(products.products().isEmpty());
    }

    @Test
    void theProductARunWroteIsAddedAndItsTablesPassedOver(@TempDir Path dir) throws Exception {
        Path input = SampleProducts.twoBandUint16(dir);
        Path out = Files.createDirectory(dir.resolve("out"));
        Operator scale = OperatorRegistry.load().get(ScaleOp.ALIAS);
        List<Path> written = new OperatorRun(scale, Map.of("input", input),
                scale.descriptor().validate(Map.of("factor", "2", "outputName", "scaled")), out, ProductIO.writer("RAW-TEST"))
                .execute(ProcessingContext.defaults(), line -> { });
        Path table = Files.writeString(out.resolve("areas.csv"), "class,area\n1,2\n");
        OpenProducts products = new OpenProducts();
        List<String> events = events(products);
        assertEquals(Optional.empty(), products.openRunOutput(List.of(table)));
        OpenProduct p = products.openRunOutput(List.of(table, written.get(0))).orElseThrow();
        assertEquals(written.get(0).toAbsolutePath(), p.location());
        assertEquals("scaled", p.name());
        // the same output written again replaces the product shown
        OpenProduct again = products.openRunOutput(written).orElseThrow();
        assertEquals(List.of("opened scaled", "closed scaled", "opened scaled"), events);
        assertEquals("[2] scaled", again.toString(), "a new reference number: the window shows what is on disk now");
        assertEquals(List.of(again), products.products());
    }
}
