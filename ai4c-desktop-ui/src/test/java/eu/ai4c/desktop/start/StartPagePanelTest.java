package eu.ai4c.desktop.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractButton;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The start page: every service once, under its domain, its link opening its dialog. */
class StartPagePanelTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void servicesAreGroupedByDomain() {
        List<OperatorDescriptor> all = OperatorRegistry.load().all().stream().map(Operator::descriptor).toList();
        Map<String, List<OperatorDescriptor>> groups = ServiceDomains.group(all);
        assertEquals(ServiceDomains.ORDER, List.copyOf(groups.keySet()));
        assertEquals(all.size(), groups.values().stream().mapToInt(List::size).sum(), "each service once");
        assertEquals(List.of("S1-CD", "S1-GRD-preprocess", "S1-SLC-preprocess", "S2-CD", "S2-preprocess"),
                aliases(groups.get(ServiceDomains.SECURITY)).stream().filter(a -> !a.startsWith("Test-")).toList(),
                "the Sentinel services (the kit's test operators, category Raster, land there too)");
        assertEquals(List.of("Speckle-Filter", "Warp"), aliases(groups.get(ServiceDomains.TOOLS)));
        assertEquals(ServiceDomains.AGRICULTURE, ServiceDomains.of(OperatorRegistry.load().get("train_lstm").descriptor()));
        assertEquals(ServiceDomains.HEALTH, ServiceDomains.of(OperatorRegistry.load().get("aqgan-train").descriptor()));
        assertEquals(List.of("humanfeatures-query"), aliases(groups.get(ServiceDomains.ENERGY)),
                "the Human features (OSM) dialog, with the energy tools");
    }

    @Test
    void eachLinkOpensItsServicesDialog() throws Exception {
        List<OperatorDescriptor> all = OperatorRegistry.load().all().stream().map(Operator::descriptor).toList();
        List<String> opened = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            StartPagePanel page = new StartPagePanel(all, opened::add);
            for (OperatorDescriptor d : all) {
                Component link = search(page, "start." + d.alias());
                assertNotNull(link, "no link for " + d.alias());
                ((AbstractButton) link).doClick();
            }
            assertNotNull(search(page, "start.domain.Energy"), "Energy is shown");
        });
        assertEquals(all.stream().map(OperatorDescriptor::alias).toList(), opened);
    }

    @Test
    void demoDataAndRecentProducts() throws Exception {
        List<OperatorDescriptor> all = OperatorRegistry.load().all().stream().map(Operator::descriptor).toList();
        int[] demo = new int[1];
        List<java.nio.file.Path> opened = new ArrayList<>();
        java.nio.file.Path a = java.nio.file.Path.of("/data/a.tif"), b = java.nio.file.Path.of("/data/S1A_x.SAFE");
        SwingUtilities.invokeAndWait(() -> {
            StartPagePanel page = new StartPagePanel(all, alias -> { }, () -> demo[0]++, List.of(), opened::add);
            assertNotNull(search(page, "start.recent.none"), "no recent products yet");
            ((AbstractButton) search(page, "start.demo")).doClick();
            page.showRecent(List.of(b, a));
            assertEquals(null, search(page, "start.recent.none"));
            assertEquals("<html><u>S1A_x.SAFE</u></html>", ((AbstractButton) search(page, "start.recent.0")).getText());
            ((AbstractButton) search(page, "start.recent.1")).doClick();
            ((AbstractButton) search(page, "start.recent.0")).doClick();
            assertNotNull(search(page, "start.S1-GRD-preprocess"), "the services follow");
        });
        assertEquals(1, demo[0]);
        assertEquals(List.of(a, b), opened);
        SwingUtilities.invokeAndWait(() -> assertEquals(null,
                search(new StartPagePanel(all, alias -> { }), "start.demo"), "inside SNAP: no demo link"));
    }

    private static List<String> aliases(List<OperatorDescriptor> ds) {
        return ds.stream().map(OperatorDescriptor::alias).sorted().toList();
    }

    private static Component search(Container root, String name) {
        return eu.ai4c.desktop.testing.Components.named(root, name);
    }
}
