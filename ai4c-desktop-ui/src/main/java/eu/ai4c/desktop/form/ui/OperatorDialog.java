package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.run.DesktopRun;
import eu.ai4c.desktop.run.OperatorCatalog;
import eu.ai4c.desktop.run.OperatorRun;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.Map;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.openide.windows.WindowManager;

/**
 * The dialog of an operator, generated from its descriptor: the {@link FormPanel} tabs over a
 * {@link FormModel}, a status line with the first problem, and Run / Cancel / Help. Run refuses
 * while a field has a message; otherwise it starts the run in the background
 * ({@link DesktopRun}) and closes the dialog.
 *
 * <p>Component names for automated tests: {@code tabs}, {@code source.<name>},
 * {@code param.<name>}, {@code target.folder}, {@code target.format}, {@code message.<field>},
 * {@code status}, {@code run}, {@code cancel}, {@code help}; the dialog itself is named
 * {@code operator.<alias>}.</p>
 *
 * <p>Event thread only, except {@link #open(String)} which may be called from any thread.</p>
 */
public final class OperatorDialog extends JDialog {
    private final transient Operator operator;
    private final transient FormModel model;
    private final JLabel status = new JLabel(" ");

    private OperatorDialog(Window owner, Operator operator) {
        super(owner, operator.descriptor().label(), ModalityType.MODELESS);
        this.operator = operator;
        this.model = FormModel.of(operator.descriptor());
        setName("operator." + operator.descriptor().alias());
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        FormPanel form = new FormPanel(model, this::updateStatus);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        buttons.add(button("run", "Run", this::run));
        buttons.add(button("cancel", "Cancel", this::dispose));
        buttons.add(button("help", "Help", this::help));
        status.setName("status");
        JPanel south = new JPanel(new BorderLayout());
        south.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 0));
        south.add(status, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.EAST);
        getContentPane().add(form, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        getRootPane().setDefaultButton((JButton) buttons.getComponent(0));
        setMinimumSize(new Dimension(560, 420));
        pack();
        setLocationRelativeTo(owner);
        updateStatus();
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

    /** The form behind the dialog. */
    public FormModel model() {
        return model;
    }

    private static Window mainWindow() {
        try {
            return WindowManager.getDefault().getMainWindow();
        } catch (RuntimeException | LinkageError outsideThePlatform) {
            return null;
        }
    }

    private void updateStatus() {
        Optional<String> first = model.firstMessage();
        status.setText(first.map(m -> "<html>" + ParameterEditors.html(m) + "</html>").orElse(" "));
    }

    private void run() {
        Map<String, String> problems = model.messages();
        if (!problems.isEmpty()) {
            updateStatus();
            getToolkit().beep();
            return;
        }
        try {
            OperatorRun run = new OperatorRun(operator, model.inputs(), model.toParameterValues(),
                    model.target().folderPath(), model.target().writer());
            DesktopRun.start(run, operator.descriptor().label());
            dispose();
        } catch (Ai4cException e) {
            status.setText("<html>" + ParameterEditors.html(e.getMessage()) + "</html>");
        }
    }

    private void help() {
        OperatorDescriptor d = operator.descriptor();
        StringBuilder sb = new StringBuilder(d.label()).append(" (").append(d.alias()).append(")\n\n")
                .append(d.description()).append("\n\nCommand line: ai4c ").append(String.join(" ", model.toArgs()))
                .append("\n\nParameters:\n");
        for (ParameterDescriptor p : d.parameters()) {
            sb.append("\n").append(p.label()).append(" (").append(p.option()).append(")");
            if (p.defaultValue() != null) sb.append(", default ").append(p.defaultValue());
            if (!p.valueSet().isEmpty()) sb.append(", values ").append(String.join(", ", p.valueSet()));
            if (p.interval() != null) sb.append(", range ").append(p.interval());
            if (!p.unit().isEmpty()) sb.append(" ").append(p.unit());
            sb.append("\n  ").append(p.description()).append('\n');
        }
        JTextArea text = new JTextArea(sb.toString(), 24, 72);
        text.setName("help.text");
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setCaretPosition(0);
        JOptionPane.showMessageDialog(this, new JScrollPane(text), "Help: " + d.label(),
                JOptionPane.INFORMATION_MESSAGE);
    }

    private static JButton button(String name, String text, Runnable action) {
        JButton b = new JButton(text);
        b.setName(name);
        b.addActionListener(e -> action.run());
        return b;
    }
}
