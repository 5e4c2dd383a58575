package eu.ai4c.desktop.form.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.form.AoiTargets;
import eu.ai4c.desktop.world.AoiDrawing;
import eu.ai4c.desktop.world.MapView;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.testutil.Gdal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An area drawn on the World View reaches the operator's form through the dialog's area-of-interest
 * field, as typed WKT does: the model holds it, the inline message and Run follow its validity.
 */
class AoiFieldTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void aDrawnRectangleFillsTheFormAndRunFollowsItsValidity(@TempDir Path dir) throws Exception {
        Path tif = dir.resolve("scene.tif");
        Gdal.run("gdal_create", "-q", "-of", "GTiff", "-outsize", "20", "15", "-bands", "1", "-ot", "UInt16",
                "-a_srs", "EPSG:32633", "-a_ullr", "500000", "5300000", "502000", "5298500", tif.toString());
        Throwable[] failure = new Throwable[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                OperatorPanel panel = new OperatorPanel(OperatorRegistry.load().get("Warp"), run -> { }, () -> { });
                ((JTextField) find(panel, "source.input")).setText(tif.toString());
                ((JTextField) find(panel, "target.folder")).setText(dir.toString());
                AbstractButton run = (AbstractButton) find(panel, "run");
                assertTrue(run.isEnabled(), "source and folder given, no area: " + run.getToolTipText());
                assertNotNull(find(panel, "param.aoi.draw"), "the Draw... button");

                List<AoiField> fields = AoiField.in(panel);
                assertEquals(1, fields.size());
                AoiTargets targets = AoiTargets.getDefault();
                targets.activate(fields.get(0));
                AtomicInteger told = new AtomicInteger();
                Runnable listener = told::incrementAndGet;
                targets.addListener(listener);
                try {
                    // a rectangle dragged from (380, 170) to (400, 160) on the whole world at 2 px per degree
                    String wkt = AoiDrawing.rectangle(MapView.world(720, 360), 380, 170, 400, 160).orElseThrow();
                    targets.current().orElseThrow().accept(wkt);
                    assertEquals(wkt, panel.model().parameter("aoi").text(), "the form holds the drawn area");
                    assertEquals(wkt, ((JTextField) find(panel, "param.aoi")).getText());
                    assertEquals(wkt, targets.current().orElseThrow().text());
                    assertFalse(panel.model().messages().containsKey("param.aoi"), panel.model().messages().toString());
                    assertTrue(run.isEnabled());
                    assertTrue(panel.model().toArgs().contains("--AoI=" + wkt), panel.model().toArgs().toString());
                    assertTrue(told.get() > 0, "the World View is told the current area changed");

                    // a degenerate drawing (two distinct corners) is refused as typed text would be
                    targets.current().orElseThrow().accept("POLYGON ((10 5, 20 5, 10 5))");
                    assertTrue(panel.model().messages().containsKey("param.aoi"));
                    assertFalse(run.isEnabled(), "Run waits for a valid area");
                    assertFalse(((JLabel) find(panel, "message.param.aoi")).getText().isBlank());
                } finally {
                    targets.removeListener(listener);
                    targets.remove(fields.get(0));
                }
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        if (failure[0] instanceof Exception e) throw e;
        if (failure[0] instanceof Error e) throw e;
    }

    @Test
    void theDialogActiveLastIsTheTarget() {
        AoiTargets targets = new AoiTargets();
        AoiTargets.Target a = target("a"), b = target("b");
        assertTrue(targets.current().isEmpty());
        targets.activate(a);
        targets.activate(b);
        assertSame(b, targets.current().orElseThrow(), "opened last");
        targets.activate(a);
        assertSame(a, targets.current().orElseThrow(), "gained the focus");
        targets.remove(a);
        assertSame(b, targets.current().orElseThrow(), "the one before, once a closes");
        targets.remove(b);
        assertTrue(targets.current().isEmpty());
    }

    private static AoiTargets.Target target(String name) {
        return new AoiTargets.Target() {
            @Override
            public String label() {
                return name;
            }

            @Override
            public String text() {
                return "";
            }

            @Override
            public void accept(String wkt) {
            }
        };
    }

    private static java.awt.Component find(java.awt.Container root, String name) {
        java.awt.Component c = eu.ai4c.desktop.testing.Components.named(root, name);
        assertNotNull(c, "no component named " + name);
        return c;
    }
}
