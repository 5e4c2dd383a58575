package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.ParameterField;
import eu.ai4c.desktop.form.SourceField;
import eu.ai4c.desktop.form.TargetField;
import eu.ai4c.desktop.products.OpenProduct;
import eu.ai4c.desktop.products.OpenProducts;
import eu.ai4c.desktop.products.ProductChooser;
import eu.ai4c.kit.op.EnabledWhen;
import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * The two tabs of an operator dialog, laid out like SNAP's: "I/O Parameters" (source product
 * pickers with the accepted formats, target folder and format) and "Processing Parameters" (one
 * editor per parameter), each field with its inline validation message below it, named
 * {@code message.<field name>}. A parameter that does not apply with the current values (its
 * descriptor's "enabled when" relations) is disabled, with a tooltip on its label saying when it
 * applies, and is listed right under the parameter it depends on. Each source offers, below its
 * file chooser, the products open in the Products window ({@code source.<name>.products}); choosing
 * one fills in its path, and its bands check the matching polarisations, sub-swaths or bands
 * ({@link FormModel#offerBands}). Both tabs scroll. Event thread only.
 */
public final class FormPanel extends JTabbedPane {
    private final FormModel model;
    /** Message label per field component name ({@code source.x}, {@code param.x}, {@code target.folder}). */
    private final Map<String, JLabel> messages = new LinkedHashMap<>();
    /** Label and editor of each parameter, to enable them by the descriptor's "enabled when" relations. */
    private final Map<ParameterField, JComponent[]> parameterRows = new LinkedHashMap<>();
    private final Runnable changed;
    private final transient OpenProducts products;
    /** Editor of each list parameter, to show the values a chosen product fills in. */
    private final Map<String, JComponent> listEditors = new LinkedHashMap<>();
    /** The "open products" drop-down of each source. */
    private final List<JComboBox<Object>> productChoices = new ArrayList<>();
    private final transient OpenProducts.Listener productsListener = new OpenProducts.Listener() {
        @Override
        public void opened(OpenProduct p) {
            SwingUtilities.invokeLater(FormPanel.this::fillProductChoices);
        }

        @Override
        public void closed(OpenProduct p) {
            SwingUtilities.invokeLater(FormPanel.this::fillProductChoices);
        }
    };

    /** A form whose sources offer the desktop's open products ({@link OpenProducts#getDefault()}). */
    public FormPanel(FormModel model, Runnable afterChange) {
        this(model, afterChange, OpenProducts.getDefault());
    }

    /** A form whose sources offer the products of {@code products} besides the file chooser. */
    public FormPanel(FormModel model, Runnable afterChange, OpenProducts products) {
        this.model = model;
        this.products = products;
        this.changed = () -> {
            refresh();
            afterChange.run();
        };
        setName("tabs");
        addTab("I/O Parameters", scroll(ioTab()));
        addTab("Processing Parameters", scroll(parameterTab()));
        refresh();
    }

    /**
     * Shows the current message of each field (empty when the value is fine) and enables exactly the
     * parameters that apply with the current values (the Frost damping factor only with Frost).
     */
    void refresh() {
        Map<String, String> now = model.messages();
        for (Map.Entry<String, JLabel> e : messages.entrySet()) {
            String m = now.get(e.getKey());
            e.getValue().setText(m == null ? " " : wrapped(m));
        }
        for (Map.Entry<ParameterField, JComponent[]> e : parameterRows.entrySet()) {
            boolean applies = model.applies(e.getKey());
            for (JComponent c : e.getValue()) ParameterEditors.setEnabledDeep(c, applies);
        }
    }

    @Override
    public void addNotify() {
        super.addNotify();
        products.addListener(productsListener);
        fillProductChoices();
    }

    @Override
    public void removeNotify() {
        products.removeListener(productsListener);
        super.removeNotify();
    }

    /** The product chooser (SAFE folders chosen as one product) for a source field. */
    private static void chooseProduct(JTextField text) {
        ProductChooser chooser = new ProductChooser();
        chooser.setMultiSelectionEnabled(false);
        if (!text.getText().isBlank()) chooser.setSelectedFile(new java.io.File(text.getText().strip()));
        chooser.choose(text).stream().findFirst().ifPresent(p -> text.setText(p.toString()));
    }

    /** Lists the open products in each source's drop-down, after a first entry that stands for "none chosen". */
    private void fillProductChoices() {
        List<OpenProduct> open = products.products();
        for (JComboBox<Object> box : productChoices) {
            box.removeAllItems();
            box.addItem(open.isEmpty() ? "No open products (File > Open Product...)" : "Open products (" + open.size() + ")...");
            for (OpenProduct p : open) box.addItem(p);
            box.setSelectedIndex(0);
            box.setEnabled(!open.isEmpty());
        }
    }

    private java.util.Optional<OpenProduct> openProduct(java.nio.file.Path path) {
        try {
            return products.find(path);
        } catch (RuntimeException notAPath) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The product's bands check the matching list values (polarisations, sub-swaths, bands); the
     * editors follow. The parameters whose defaults depend on the product say them under their field.
     */
    private void offerBands(OpenProduct p) {
        for (String name : model.offerBands(p.bandNames())) {
            JComponent editor = listEditors.get(name);
            if (editor != null) ParameterEditors.show(editor, model.parameter(name));
        }
        Map<String, String> hints = model.sourceDefaultHints(p.product());
        for (Map.Entry<String, JLabel> h : sourceDefaultHints.entrySet()) {
            String text = hints.get(h.getKey());
            h.getValue().setText(text == null ? " " : text);
        }
    }

    /** Text as HTML wrapped at a width that keeps the dialog narrow enough for a 1366 px screen. */
    static String wrapped(String text) {
        return "<html><body style='width:" + TEXT_WIDTH_PX + "px'>" + ParameterEditors.html(text) + "</body></html>";
    }

    /** The lines under the parameters whose defaults depend on the chosen product, by parameter name. */
    private final Map<String, JLabel> sourceDefaultHints = new java.util.LinkedHashMap<>();

    /** Width of wrapped hints and messages. */
    private static final int TEXT_WIDTH_PX = 430;

    private JPanel ioTab() {
        Rows rows = new Rows();
        rows.section("Source products");
        for (SourceField s : model.sources()) {
            JTextField text = new JTextField(s.text(), 30);
            text.setName("source." + s.name());
            text.getDocument().addDocumentListener(ParameterEditors.onEdit(() -> {
                s.setText(text.getText());
                // an open product chosen (or its path typed): its bands fill the band check boxes
                if (s == model.sources().get(0)) s.path().flatMap(this::openProduct).ifPresent(this::offerBands);
                changed.run();
            }));
            JComponent picker = ParameterEditors.withButton(text, "source." + s.name() + ".browse", "...",
                    FormPanel::chooseProduct);
            JComboBox<Object> open = new JComboBox<>();
            open.setName("source." + s.name() + ".products");
            open.setToolTipText("Use a product open in the Products window");
            open.addActionListener(e -> {
                if (open.getSelectedItem() instanceof OpenProduct p) {
                    text.setText(p.location().toString());
                    open.setSelectedIndex(0);
                }
            });
            productChoices.add(open);
            JPanel editor = new JPanel(new java.awt.BorderLayout(0, 2));
            editor.add(picker, java.awt.BorderLayout.CENTER);
            editor.add(open, java.awt.BorderLayout.SOUTH);
            editor.setToolTipText(s.descriptor().description());
            rows.field(s.descriptor().label() + (s.descriptor().optional() ? " (optional)" : "") + ":", editor,
                    "source." + s.name(), s.descriptor().description());
        }
        fillProductChoices();
        rows.section("Target product");
        TargetField target = model.target();
        JTextField folder = new JTextField(target.folder(), 30);
        folder.setName("target.folder");
        folder.getDocument().addDocumentListener(ParameterEditors.onEdit(() -> {
            target.setFolder(folder.getText());
            changed.run();
        }));
        rows.field("Directory:", ParameterEditors.withButton(folder, "target.folder.browse", "...",
                t -> ParameterEditors.choose(t, JFileChooser.DIRECTORIES_ONLY, null)), "target.folder",
                model.writesFolder() ? "The output files are written into this folder."
                        : "The product is written here under its own name.");
        if (model.writesFolder()) return rows.done();
        JComboBox<String> format = new JComboBox<>(TargetField.formats().toArray(String[]::new));
        format.setName("target.format");
        format.setSelectedItem(target.format());
        format.addActionListener(e -> {
            target.setFormat((String) format.getSelectedItem());
            changed.run();
        });
        rows.field("Save as:", format, "target.format", null);
        return rows.done();
    }

    private JPanel parameterTab() {
        Rows rows = new Rows();
        for (ParameterField p : besideTheirControllers(model.parameters())) {
            if (!model.hasOwnOption(p.descriptor())) continue; // follows the target format or folder
            String unit = p.descriptor().unit().isEmpty() ? "" : " (" + p.descriptor().unit() + ")";
            JComponent editor = ParameterEditors.create(p, changed);
            if (p.type() == eu.ai4c.kit.op.ParameterType.STRING_LIST) listEditors.put(p.name(), editor);
            JLabel label = rows.field(p.descriptor().label() + unit + ":", editor, "param." + p.name(), null);
            if (model.sourceDependentParameters().contains(p.name())) sourceDefaultHints.put(p.name(), rows.hint("hint." + p.name()));
            String condition = model.descriptor().conditionText(p.descriptor());
            if (!condition.isEmpty()) label.setToolTipText("Applies " + condition + ".");
            parameterRows.put(p, new JComponent[] {label, editor});
        }
        return rows.done();
    }

    /**
     * The parameters in descriptor order, except that a parameter enabled by another (its first
     * "enabled when" condition) comes right after that one, as SNAP groups the filter's options
     * under the filter: the speckle parameters under the speckle filter.
     */
    static List<ParameterField> besideTheirControllers(List<ParameterField> parameters) {
        List<ParameterField> ordered = new ArrayList<>();
        Set<ParameterField> placed = new HashSet<>();
        for (ParameterField p : parameters) place(p, parameters, ordered, placed);
        return ordered;
    }

    private static void place(ParameterField p, List<ParameterField> all, List<ParameterField> ordered,
                              Set<ParameterField> placed) {
        if (!placed.add(p)) return;
        ordered.add(p);
        for (ParameterField q : all) {
            List<EnabledWhen> conditions = q.descriptor().enabledWhen();
            if (!conditions.isEmpty() && conditions.get(0).parameter().equals(p.name())) place(q, all, ordered, placed);
        }
    }

    private static JScrollPane scroll(JPanel panel) {
        JScrollPane pane = new JScrollPane(panel);
        pane.setBorder(BorderFactory.createEmptyBorder());
        pane.getVerticalScrollBar().setUnitIncrement(16);
        return pane;
    }

    /** Label–editor rows with a message line under each editor. */
    private final class Rows {
        private final JPanel panel = new JPanel(new GridBagLayout());
        private int row;

        Rows() {
            panel.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        }

        void section(String title) {
            JLabel l = new JLabel(title);
            l.setFont(l.getFont().deriveFont(java.awt.Font.BOLD));
            panel.add(l, at(0, 2, 0, new Insets(row == 0 ? 0 : 10, 0, 4, 0)));
            row++;
        }

        JLabel field(String label, JComponent editor, String messageKey, String hint) {
            JLabel l = new JLabel(label);
            l.setLabelFor(editor);
            panel.add(l, at(0, 1, 0, new Insets(2, 0, 0, 8)));
            panel.add(editor, at(1, 1, 1, new Insets(2, 0, 0, 0)));
            row++;
            if (hint != null) {
                JLabel h = new JLabel(wrapped(hint));
                h.setForeground(UIManager.getColor("Label.disabledForeground"));
                panel.add(h, at(1, 1, 1, new Insets(0, 0, 0, 0)));
                row++;
            }
            if (messageKey != null) {
                JLabel m = new JLabel(" ");
                m.setName("message." + messageKey);
                m.setForeground(new Color(0xB0, 0x20, 0x20));
                panel.add(m, at(1, 1, 1, new Insets(0, 0, 2, 0)));
                messages.put(messageKey, m);
                row++;
            }
            return l;
        }

        /** A grey line under the last field, empty until set (named {@code name}). */
        JLabel hint(String name) {
            JLabel h = new JLabel(" ");
            h.setName(name);
            h.setForeground(UIManager.getColor("Label.disabledForeground"));
            panel.add(h, at(1, 1, 1, new Insets(0, 0, 2, 0)));
            row++;
            return h;
        }

        JPanel done() {
            GridBagConstraints filler = at(0, 2, 1, new Insets(0, 0, 0, 0));
            filler.weighty = 1;
            panel.add(new JPanel(), filler);
            return panel;
        }

        private GridBagConstraints at(int x, int width, double weightX, Insets insets) {
            GridBagConstraints c = new GridBagConstraints();
            c.gridx = x;
            c.gridy = row;
            c.gridwidth = width;
            c.weightx = weightX;
            c.anchor = GridBagConstraints.LINE_START;
            c.fill = weightX > 0 ? GridBagConstraints.HORIZONTAL : GridBagConstraints.NONE;
            c.insets = insets;
            return c;
        }
    }
}
