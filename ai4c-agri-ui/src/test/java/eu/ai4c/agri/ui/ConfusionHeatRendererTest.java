package eu.ai4c.agri.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Component;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;
import org.junit.jupiter.api.Test;

/** The heat map of a confusion table: each count's share of its row, white to dark blue; text columns plain. */
class ConfusionHeatRendererTest {
    @Test
    void cellsAreShadedByTheirShareOfTheRow() {
        DefaultTableModel m = new DefaultTableModel(new Object[][] {
                {"0 background", 90L, 10L, 0L, "0.900"},
                {"1 fields", 0L, 0L, 0L, "–"},
                {"2 roads", 25L, 25L, 50L, "0.500"}}, new Object[] {"true \\ predicted", "0", "1", "2", "accuracy"});
        ConfusionHeatRenderer r = new ConfusionHeatRenderer(1);
        assertEquals(0.9, r.rowShare(m, 0, 1), 1e-12);
        assertEquals(0.1, r.rowShare(m, 0, 2), 1e-12);
        assertEquals(0.0, r.rowShare(m, 1, 1), 0, "an empty row has no shares");
        assertEquals(0.5, r.rowShare(m, 2, 3), 1e-12);
        assertEquals(Color.WHITE, ConfusionHeatRenderer.colour(0));
        assertEquals(new Color(0x08306B), ConfusionHeatRenderer.colour(1));
        // halfway: the mean of the end colours, rounded
        assertEquals(new Color((255 + 0x08 + 1) / 2, (255 + 0x30 + 1) / 2, (255 + 0x6B + 1) / 2),
                ConfusionHeatRenderer.colour(0.5));

        JTable table = new JTable(m);
        Component diagonal = r.getTableCellRendererComponent(table, m.getValueAt(0, 1), false, false, 0, 1);
        assertEquals(ConfusionHeatRenderer.colour(0.9), diagonal.getBackground());
        assertEquals(Color.WHITE, diagonal.getForeground(), "light text on dark cells");
        Component label = r.getTableCellRendererComponent(table, m.getValueAt(0, 4), false, false, 0, 4);
        assertEquals(table.getBackground(), label.getBackground(), "the score column is not shaded");
    }
}
