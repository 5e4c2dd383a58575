package eu.ai4c.agri.ui;

import java.awt.Color;
import java.awt.Component;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableModel;

/**
 * Shades the count cells of a confusion-matrix table as a heat map: each cell's share of its row
 * (the true class's pixels or series, i.e. the recall of that prediction) from white (0) to dark
 * blue (1), so the diagonal stands out and confusions show where they are. The matrix is the
 * numeric cells from model column {@code first} on (label and score columns hold text and are
 * drawn plainly). Use on the event thread.
 */
public final class ConfusionHeatRenderer extends DefaultTableCellRenderer {
    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(0x08306B);
    private final int first;

    /** @param first the first matrix column of the table model */
    public ConfusionHeatRenderer(int first) {
        this.first = first;
        setHorizontalAlignment(SwingConstants.RIGHT);
    }

    /** The share of the row's counts that {@code column} holds. */
    double rowShare(TableModel m, int row, int column) {
        double total = 0;
        for (int c = first; c < m.getColumnCount(); c++) total += count(m.getValueAt(row, c));
        return total > 0 ? count(m.getValueAt(row, column)) / total : 0;
    }

    private static double count(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** The colour of a share 0–1: linear from white to dark blue. */
    static Color colour(double share) {
        double s = Math.max(0, Math.min(1, share));
        return new Color((int) Math.round(LOW.getRed() + s * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + s * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + s * (HIGH.getBlue() - LOW.getBlue())));
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                                                   int row, int column) {
        super.getTableCellRendererComponent(table, value, selected, focused, row, column);
        int modelColumn = table.convertColumnIndexToModel(column);
        int modelRow = table.convertRowIndexToModel(row);
        if (modelColumn >= first && value instanceof Number) {
            double share = rowShare(table.getModel(), modelRow, modelColumn);
            setBackground(colour(share));
            setForeground(share > 0.5 ? Color.WHITE : Color.BLACK);
            setToolTipText(String.format(java.util.Locale.ROOT, "%.1f %% of the row", 100 * share));
        } else {
            setBackground(selected ? table.getSelectionBackground() : table.getBackground());
            setForeground(selected ? table.getSelectionForeground() : table.getForeground());
            setToolTipText(null);
        }
        return this;
    }
}
