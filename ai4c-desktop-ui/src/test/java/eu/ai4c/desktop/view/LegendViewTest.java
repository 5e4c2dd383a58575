package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.ai4c.kit.render.ClassLegend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legend lines: counts, and areas in hectares when the pixel's ground area is known. */
class LegendViewTest {
    @Test
    void areasFollowCountsAndPixelArea() {
        ClassLegend legend = new ClassLegend(new int[] {0xFF000000, 0xFF00FF00, 0xFFFF0000},
                new String[] {"background", "Maize", "Soy"}, new long[] {5, 12_345, 0});
        LegendView v = new LegendView();
        v.setLegend(legend);
        assertEquals(List.of("0  background  (5 px)", "1  Maize  (12,345 px)", "2  Soy  (0 px)"), v.lines());
        // 10 m pixels of 100.08 m² (UTM on its central meridian): 12,345 px = 123.5 ha
        v.setLegend(legend, 100.08);
        assertEquals("1  Maize  (12,345 px, 123.5 ha)", v.lines().get(1));
        assertEquals("0  background  (5 px, 0.1 ha)", v.lines().get(0));
    }
}
