package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.run.DesktopRun;
import eu.ai4c.desktop.run.OperatorCatalog;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import java.awt.Dimension;
import java.awt.Window;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.openide.windows.WindowManager;

/**
 * The dialog of an operator, generated from its descriptor: an {@link OperatorPanel} (tabs
 * "I/O Parameters" and "Processing Parameters", status line, Run / Cancel / Help) in a modeless
 * window over the main window. Run starts the operator in the background ({@link DesktopRun}).
 *
 * <p>Component names for automated tests: the dialog {@code operator.<alias>}; {@code tabs},
 * {@code source.<name>} (+ {@code .browse}), {@code param.<name>} (+ {@code .browse} for paths,
 * {@code .load} for areas of interest), {@code target.folder} (+ {@code .browse}),
 * {@code target.format}, {@code message.<field name>}, {@code status}, {@code run},
 * {@code cancel}, {@code help}.</p>
 *
 * <p>Event thread only, except {@link #open(String)} which may be called from any thread.</p>
 */
public final class OperatorDialog extends JDialog {
    private final OperatorPanel panel;

    private OperatorDialog(Window owner, Operator operator) {
        super(owner, operator.descriptor().label() + " (" + operator.descriptor().alias() + ")", ModalityType.MODELESS);
        setName("operator." + operator.descriptor().alias());
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        panel = new OperatorPanel(operator, run -> DesktopRun.start(run, operator.descriptor().label()), this::dispose);
        setContentPane(panel);
        getRootPane().setDefaultButton(panel.runButton());
        setMinimumSize(new Dimension(560, 420));
        pack();
        setLocationRelativeTo(owner);
    }

    /**
     * Opens the dialog of the registered operator {@code alias} on the event thread, over the
     * main window. An unknown alias shows the known ones in an error message.
     */
    public static void open(String alias) {
        SwingUtilities.invokeLater(() -> {
            try {
                create(OperatorCatalog.get(alias), mainWindow()).setVisible(true);
            } catch (Ai4cException e) {
                JOptionPane.showMessageDialog(mainWindow(), e.getMessage(), "AI4C", JOptionPane.ERROR_MESSAGE);
            }
        });
    }

    /** The dialog of {@code operator}, not yet shown (event thread). */
    public static OperatorDialog create(Operator operator, Window owner) {
        return new OperatorDialog(owner, operator);
    }

    /** The panel with the form. */
    public OperatorPanel panel() {
        return panel;
    }

    private static Window mainWindow() {
        try {
            return WindowManager.getDefault().getMainWindow();
        } catch (RuntimeException | LinkageError outsideThePlatform) {
            return null;
        }
    }
}
