package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.run.OperatorRun;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Toolkit;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

/**
 * The content of an operator dialog: the {@link FormPanel} tabs over a {@link FormModel}, a
 * status line with the first problem ({@code status}), and the buttons {@code run},
 * {@code cancel} and {@code help}. Run is enabled only while no field has a message (required
 * values given, values within the descriptor's ranges and value sets), its tooltip naming the
 * first problem; it hands the {@link OperatorRun} to the starter (the desktop starts it in the
 * background) and closes, or shows the message of a check the descriptor makes only on the whole
 * set of values.
 * Needs no window, so it is built in headless tests too. Event thread only.
 */
public final class OperatorPanel extends JPanel {
    private final transient Operator operator;
    private final transient FormModel model;
    private final transient Consumer<OperatorRun> starter;
    private final transient Runnable close;
    private final JLabel status = new JLabel(" ");
    private JButton runButton;
    private final java.util.List<Runnable> changeListeners = new java.util.ArrayList<>();

    /**
     * @param starter receives the run when Run is pressed with a valid form
     * @param close   closes the window (after Run, or on Cancel)
     */
    public OperatorPanel(Operator operator, Consumer<OperatorRun> starter, Runnable close) {
        this(operator, FormModel.of(operator), starter, close);
    }

    /**
     * A panel over a prepared form (e.g. with the values of the last run filled in).
     *
     * @param model a form of {@code operator}
     */
    public OperatorPanel(Operator operator, FormModel model, Consumer<OperatorRun> starter, Runnable close) {
        super(new BorderLayout());
        this.operator = operator;
        this.model = model;
        this.starter = starter;
        this.close = close;
        setName("operator." + operator.descriptor().alias());
        FormPanel form = new FormPanel(model, this::updateStatus);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        runButton = button("run", "Run", this::run);
        buttons.add(runButton);
        buttons.add(button("cancel", "Cancel", close));
        buttons.add(button("help", "Help", this::help));
        status.setName("status");
        JPanel south = new JPanel(new BorderLayout());
        south.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 0));
        south.add(status, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.EAST);
        add(form, BorderLayout.CENTER);
        add(south, BorderLayout.SOUTH);
        updateStatus();
    }

    /** The form behind the panel. */
    public FormModel model() {
        return model;
    }

    /** The Run button (the dialog's default button). */
    JButton runButton() {
        return runButton;
    }

    /** Runs {@code listener} after every edit of the form (once messages and enabled states are updated). */
    void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    private void updateStatus() {
        Optional<String> first = model.firstMessage();
        status.setText(first.map(FormPanel::wrapped).orElse(" "));
        // Run only with a valid form; the tooltip says what is missing (checks that need the data stay in run())
        if (runButton == null) return; // an editor fired while the panel is being built
        runButton.setEnabled(first.isEmpty());
        runButton.setToolTipText(first.map(m -> "Not yet: " + m).map(FormPanel::wrapped)
                .orElse("Run " + operator.descriptor().label() + " with these values"));
        for (Runnable r : changeListeners) r.run();
    }

    private void run() {
        if (!model.messages().isEmpty()) {
            updateStatus();
            Toolkit.getDefaultToolkit().beep();
            return;
        }
        try {
            OperatorRun run = new OperatorRun(operator, model.inputs(), model.toParameterValues(),
                    model.target().folderPath(), model.target().writer());
            starter.accept(run);
            close.run();
        } catch (Ai4cException e) {
            status.setText(FormPanel.wrapped(e.getMessage()));
        }
    }

    /**
     * Shows the operator's help page: inside SNAP Desktop through SNAP's help system, otherwise the
     * generated page ({@link OperatorHelp}) in a window ({@code help.page}); for an operator without a
     * page, the description and parameters as text ({@code help.text}).
     */
    private void help() {
        String alias = operator.descriptor().alias();
        if (OperatorHelp.showInSnap(alias)) return;
        JComponent content;
        java.util.Optional<java.net.URL> page = OperatorHelp.page(alias);
        if (page.isPresent()) {
            content = helpPage(page.get());
        } else {
            JTextArea text = new JTextArea(helpText(), 24, 72);
            text.setName("help.text");
            text.setEditable(false);
            text.setLineWrap(true);
            text.setWrapStyleWord(true);
            text.setCaretPosition(0);
            content = text;
        }
        JScrollPane scroll = new JScrollPane(content);
        scroll.setPreferredSize(new java.awt.Dimension(760, 520)); // fits a 1366 x 768 screen
        JOptionPane.showMessageDialog(this, scroll, "Help: " + operator.descriptor().label(), JOptionPane.PLAIN_MESSAGE);
    }

    /** The HTML page in a read-only editor named {@code help.page}. */
    static JEditorPane helpPage(java.net.URL page) {
        JEditorPane html = new JEditorPane();
        html.setName("help.page");
        html.setEditable(false);
        html.setContentType("text/html");
        // the page declares its charset in a meta tag; the text is already decoded
        html.getDocument().putProperty("IgnoreCharsetDirective", Boolean.TRUE);
        try (java.io.InputStream in = page.openStream()) {
            // read at once (setPage loads HTML asynchronously): the page is small and local
            html.setText(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            html.setCaretPosition(0);
        } catch (java.io.IOException e) {
            html.setText("Cannot read the help page " + page + ": " + e.getMessage());
        }
        return html;
    }

    /** Description, the equivalent command line and every parameter with default, values, range and unit. */
    String helpText() {
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
        return sb.toString();
    }

    private static JButton button(String name, String text, Runnable action) {
        JButton b = new JButton(text);
        b.setName(name);
        b.addActionListener(e -> action.run());
        return b;
    }
}
