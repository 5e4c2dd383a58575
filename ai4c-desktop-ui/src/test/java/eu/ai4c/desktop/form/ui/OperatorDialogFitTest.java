package eu.ai4c.desktop.form.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.kit.op.OperatorRegistry;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.AbstractPreferences;
import org.junit.jupiter.api.Test;

/** Dialog size and place on a 1366 × 768 screen, and the values remembered per operator. */
class OperatorDialogFitTest {
    /** A 1366 × 768 screen with a 24 px panel at the top. */
    private static final Rectangle LAPTOP = new Rectangle(0, 24, 1366, 744);

    @Test
    void aTallFormIsLimitedToTheScreenAndScrolls() {
        Dimension size = OperatorDialog.fit(new Dimension(960, 1096), Optional.empty(), LAPTOP);
        assertEquals(744 - 2 * OperatorDialog.SCREEN_MARGIN, size.height);
        assertEquals(OperatorDialog.MAX_INITIAL_WIDTH + OperatorDialog.SCROLL_BAR_ALLOWANCE, size.width);
        Point at = OperatorDialog.centred(size, new Rectangle(68, 38, 1229, 691), LAPTOP);
        assertTrue(at.y >= LAPTOP.y && at.y + size.height <= LAPTOP.y + LAPTOP.height, "inside the screen: " + at);
        assertEquals(68 + (1229 - size.width) / 2, at.x, "centred on the main window");
    }

    @Test
    void aSmallFormKeepsItsSizeAndTheMinimum() {
        assertEquals(new Dimension(640, 500), OperatorDialog.fit(new Dimension(640, 500), Optional.empty(), LAPTOP));
        assertEquals(OperatorDialog.MINIMUM, OperatorDialog.fit(new Dimension(300, 200), Optional.empty(), LAPTOP));
    }

    @Test
    void aRememberedSizeIsUsedWithinTheScreen() {
        assertEquals(new Dimension(700, 600),
                OperatorDialog.fit(new Dimension(960, 1096), Optional.of(new Dimension(700, 600)), LAPTOP));
        Dimension fromBiggerScreen = OperatorDialog.fit(new Dimension(600, 500), Optional.of(new Dimension(1800, 1100)), LAPTOP);
        assertEquals(new Dimension(1366 - 32, 744 - 32), fromBiggerScreen);
    }

    @Test
    void aDialogLargerThanItsOwnerStaysOnScreen() {
        Point at = OperatorDialog.centred(new Dimension(900, 700), new Rectangle(0, 0, 400, 300), LAPTOP);
        assertEquals(new Point(0, 24), at);
    }

    @Test
    void lastUsedValuesComeBackPerOperator() {
        MemoryPreferences prefs = new MemoryPreferences();
        DialogMemory memory = new DialogMemory(prefs);
        FormModel used = FormModel.of(OperatorRegistry.load().get("S1-GRD-preprocess"));
        used.source("input").setText("/data/S1A.SAFE");
        used.parameter("speckle").setText("Frost");
        used.parameter("dampingFactor").setText("3");
        used.target().setFolder("/data/out");
        memory.remember(used);
        memory.rememberSize(new Dimension(720, 640));

        FormModel next = FormModel.of(OperatorRegistry.load().get("S1-GRD-preprocess"));
        memory.restore(next);
        assertEquals("/data/S1A.SAFE", next.source("input").text());
        assertEquals("Frost", next.parameter("speckle").text());
        assertEquals("3", next.parameter("dampingFactor").text());
        assertEquals("/data/out", next.target().folder());
        assertEquals("Sigma", next.parameter("calibration").text(), "unchanged values stay");
        assertEquals(Optional.of(new Dimension(720, 640)), memory.size());
        assertEquals(Optional.empty(), new DialogMemory(new MemoryPreferences()).size());
    }

    /** Preferences held in a map (the platform keeps them in the user directory). */
    private static final class MemoryPreferences extends AbstractPreferences {
        private final Map<String, String> values = new HashMap<>();

        MemoryPreferences() {
            super(null, "");
        }

        @Override protected void putSpi(String key, String value) { values.put(key, value); }
        @Override protected String getSpi(String key) { return values.get(key); }
        @Override protected void removeSpi(String key) { values.remove(key); }
        @Override protected void removeNodeSpi() { values.clear(); }
        @Override protected String[] keysSpi() { return values.keySet().toArray(String[]::new); }
        @Override protected String[] childrenNamesSpi() { return new String[0]; }
        @Override protected AbstractPreferences childSpi(String name) { return new MemoryPreferences(); }
        @Override protected void syncSpi() { }
        @Override protected void flushSpi() { }
    }
}
