package eu.ai4c.desktop.form.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.CrsCatalog;
import java.util.List;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The EPSG chooser behind the projection field's "EPSG..." button (headless): a typed code comes
 * first with its WKT shown, words of the name narrow the list, and the button sits beside every
 * projection drop-down.
 */
class CrsChooserTest {
    @Test
    void searchSelectAndWkt() throws Exception {
        System.setProperty("java.awt.headless", "true");
        CrsChooser[] c = new CrsChooser[1];
        SwingUtilities.invokeAndWait(() -> c[0] = new CrsChooser());
        c[0].awaitResults();
        SwingUtilities.invokeAndWait(() -> c[0].search("32632"));
        c[0].awaitResults();
        String[] selected = new String[2];
        SwingUtilities.invokeAndWait(() -> {
            selected[0] = c[0].selectedCode();
            selected[1] = c[0].wktText();
        });
        assertEquals("EPSG:32632", selected[0], "the exact code first, selected");
        assertTrue(selected[1].contains("UTM zone 32N"), selected[1]);
        SwingUtilities.invokeAndWait(() -> c[0].search("wgs 84 utm zone 33n"));
        c[0].awaitResults();
        List<CrsCatalog.Entry> shown = c[0].shown();
        assertTrue(shown.stream().anyMatch(e -> e.code().equals("EPSG:32633")), shown.toString());
        assertTrue(shown.size() < 10, "words narrow the list: " + shown);
    }

    @Test
    void everyProjectionFieldHasTheSearchButton() throws Exception {
        System.setProperty("java.awt.headless", "true");
        eu.ai4c.kit.op.Operator op = eu.ai4c.kit.op.OperatorRegistry.load().get("S1-GRD-preprocess");
        Object[] button = new Object[1];
        SwingUtilities.invokeAndWait(() -> {
            OperatorPanel panel = new OperatorPanel(op, run -> { }, () -> { });
            button[0] = find(panel, "param.projection.search");
        });
        assertNotNull(button[0], "EPSG search beside the projection drop-down");
        assertTrue(button[0] instanceof JButton);
    }

    private static java.awt.Component find(java.awt.Container c, String name) {
        for (java.awt.Component child : c.getComponents()) {
            if (name.equals(child.getName())) return child;
            if (child instanceof java.awt.Container cc) {
                java.awt.Component f = find(cc, name);
                if (f != null) return f;
            }
        }
        return null;
    }
}
