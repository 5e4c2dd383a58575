package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.form.AoiText;
import eu.ai4c.desktop.form.ParameterField;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.ParameterDescriptor;
import java.awt.BorderLayout;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.filechooser.FileNameExtensionFilter;

/**
 * One Swing editor per parameter type, bound to a {@link ParameterField}: a drop-down for a value
 * set, a check box for a boolean, check boxes for a list with a value set (polarisations, bands),
 * an editable drop-down of common projections, a text field for numbers, other lists and text, a text
 * field with a file/folder picker for paths, and for an area of interest a WKT field with
 * "Load from vector file…" and "Draw…" (on the World View, {@link AoiField}). The input component is
 * named {@code param.<name>}, its button {@code param.<name>.browse} or {@code param.<name>.load} and
 * {@code param.<name>.draw}. Event thread only.
 */
final class ParameterEditors {

    private ParameterEditors() {
    }

    /**
     * The editor of {@code field}; {@code changed} runs after every edit (to refresh messages).
     */
    static JComponent create(ParameterField field, Runnable changed) {
        ParameterDescriptor p = field.descriptor();
        String name = "param." + p.name();
        JComponent editor = switch (p.type()) {
            case BOOLEAN -> checkBox(field, changed);
            case CHOICE -> comboBox(field, changed);
            case STRING_LIST -> p.valueSet().isEmpty() ? textField(field, changed) : checkBoxes(field, changed);
            case PROJECTION -> withSearch(projectionBox(field, changed), name + ".search");
            case PATH -> withButton(textField(field, changed), name + ".browse", "...",
                    f -> choose(f, JFileChooser.FILES_AND_DIRECTORIES, null));
            case GEOMETRY -> aoiEditor(field, changed);
            default -> textField(field, changed);
        };
        editor.setToolTipText(tooltip(p));
        return editor;
    }

    /** Enables or disables an editor with everything in it (text field and its button, check boxes). */
    static void setEnabledDeep(java.awt.Component c, boolean enabled) {
        c.setEnabled(enabled);
        if (c instanceof java.awt.Container k && !(c instanceof JComboBox)) {
            for (java.awt.Component child : k.getComponents()) setEnabledDeep(child, enabled);
        }
    }

    /** Shows the field's current text in its check-box editor (after the model changed it). */
    static void show(JComponent editor, ParameterField field) {
        java.util.Set<String> given = new java.util.HashSet<>();
        for (String v : field.text().split(",")) given.add(v.strip().toUpperCase(java.util.Locale.ROOT));
        for (java.awt.Component c : editor.getComponents()) {
            if (c instanceof JCheckBox box) box.setSelected(given.contains(box.getText().toUpperCase(java.util.Locale.ROOT)));
        }
    }

    /** Description, accepted values, range and unit, for the tooltip. */
    static String tooltip(ParameterDescriptor p) {
        StringBuilder sb = new StringBuilder("<html><body style='width:360px'>").append(html(p.description()));
        if (!p.valueSet().isEmpty()) sb.append("<br>Values: ").append(html(String.join(", ", p.valueSet())));
        if (p.interval() != null) sb.append("<br>Range: ").append(p.interval());
        if (!p.unit().isEmpty()) sb.append("<br>Unit: ").append(html(p.unit()));
        if (p.defaultValue() != null) sb.append("<br>Default: ").append(html(p.defaultValue()));
        return sb.append("<br>Command line: ").append(html(p.option())).append("</body></html>").toString();
    }

    private static JCheckBox checkBox(ParameterField field, Runnable changed) {
        JCheckBox box = new JCheckBox();
        box.setName("param." + field.name());
        box.setSelected(Boolean.parseBoolean(field.text().strip()));
        box.addActionListener(e -> {
            field.setText(Boolean.toString(box.isSelected()));
            changed.run();
        });
        return box;
    }

    private static JComboBox<String> comboBox(ParameterField field, Runnable changed) {
        List<String> items = new ArrayList<>();
        if (field.descriptor().defaultValue() == null) items.add(""); // "not given" stays choosable
        items.addAll(field.descriptor().valueSet());
        JComboBox<String> box = new JComboBox<>(items.toArray(String[]::new));
        box.setName("param." + field.name());
        box.setSelectedItem(field.text());
        box.addActionListener(e -> {
            Object v = box.getSelectedItem();
            field.setText(v == null ? "" : v.toString());
            changed.run();
        });
        return box;
    }

    /**
     * One check box per value of a list parameter with a value set (polarisations, bands), named
     * {@code param.<name>.<value>}, in a panel named {@code param.<name>}; the text is the checked
     * values in value-set order, comma-separated, as the command line takes them.
     */
    private static JComponent checkBoxes(ParameterField field, Runnable changed) {
        JPanel panel = new JPanel(new java.awt.GridLayout(0, Math.min(7, field.descriptor().valueSet().size()), 4, 0));
        panel.setName("param." + field.name());
        java.util.Set<String> given = new java.util.HashSet<>();
        for (String v : field.text().split(",")) given.add(v.strip().toUpperCase(java.util.Locale.ROOT));
        List<JCheckBox> boxes = new ArrayList<>();
        for (String value : field.descriptor().valueSet()) {
            JCheckBox box = new JCheckBox(value, given.contains(value.toUpperCase(java.util.Locale.ROOT)));
            box.setName("param." + field.name() + "." + value);
            boxes.add(box);
            panel.add(box);
        }
        for (JCheckBox box : boxes) {
            box.addActionListener(e -> {
                field.setText(String.join(",", boxes.stream().filter(JCheckBox::isSelected).map(JCheckBox::getText).toList()));
                changed.run();
            });
        }
        return panel;
    }

    /**
     * An editable drop-down of the common projections ({@link eu.ai4c.kit.geo.Projections#PRESETS},
     * the descriptor's default first); any other accepted form (EPSG code, WKT) can be typed.
     */
    private static JComboBox<String> projectionBox(ParameterField field, Runnable changed) {
        List<String> items = new ArrayList<>();
        if (field.descriptor().defaultValue() != null) items.add(field.descriptor().defaultValue());
        for (String preset : eu.ai4c.kit.geo.Projections.PRESETS) if (!items.contains(preset)) items.add(preset);
        JComboBox<String> box = new JComboBox<>(items.toArray(String[]::new));
        box.setName("param." + field.name());
        box.setEditable(true);
        box.setSelectedItem(field.text());
        JTextField editor = (JTextField) box.getEditor().getEditorComponent();
        editor.getDocument().addDocumentListener(onEdit(() -> {
            field.setText(editor.getText());
            changed.run();
        }));
        box.addActionListener(e -> {
            Object v = box.getSelectedItem();
            String text = v == null ? "" : v.toString();
            if (!text.equals(field.text())) {
                field.setText(text);
                changed.run();
            }
        });
        return box;
    }

    /** The projection drop-down with a button that searches the EPSG database ({@link CrsChooser}). */
    private static JComponent withSearch(JComboBox<String> box, String buttonName) {
        JPanel panel = new JPanel(new BorderLayout(4, 0));
        panel.add(box, BorderLayout.CENTER);
        JButton button = new JButton("EPSG...");
        button.setName(buttonName);
        button.setToolTipText("Search the EPSG database by code or name");
        button.addActionListener(e -> {
            String code = CrsChooser.choose(box);
            if (code != null) box.setSelectedItem(code);
        });
        panel.add(button, BorderLayout.EAST);
        return panel;
    }

    private static JTextField textField(ParameterField field, Runnable changed) {
        JTextField text = new JTextField(field.text(), 24);
        text.setName("param." + field.name());
        text.getDocument().addDocumentListener(onEdit(() -> {
            field.setText(text.getText());
            changed.run();
        }));
        return text;
    }

    /** A text field with a button right of it; the button acts on the text field. */
    static JComponent withButton(JTextField text, String buttonName, String buttonText, Consumer<JTextField> action) {
        JPanel panel = new JPanel(new BorderLayout(4, 0));
        panel.add(text, BorderLayout.CENTER);
        JButton button = new JButton(buttonText);
        button.setName(buttonName);
        button.addActionListener(e -> action.accept(text));
        panel.add(button, BorderLayout.EAST);
        return panel;
    }

    /**
     * The area-of-interest editor: the WKT field, "Load from vector file…" and "Draw…", which lets
     * the user draw the area on the World View and puts it into the field. The editor panel holds its
     * {@link AoiField} as client property {@link AoiField#CLIENT_KEY} (the dialog activates it).
     */
    private static JComponent aoiEditor(ParameterField field, Runnable changed) {
        JTextField text = textField(field, changed);
        AoiField target = new AoiField(field, text);
        JButton load = new JButton("Load from vector file...");
        load.setName("param." + field.name() + ".load");
        load.addActionListener(e -> loadAoi(text));
        JButton draw = new JButton("Draw...");
        draw.setName("param." + field.name() + ".draw");
        draw.setToolTipText("Draw the area on the World View: a rectangle, or a polygon by its corners");
        draw.addActionListener(e -> target.draw());
        JPanel buttons = new JPanel(new BorderLayout(4, 0));
        buttons.add(load, BorderLayout.CENTER);
        buttons.add(draw, BorderLayout.EAST);
        JPanel editor = new JPanel(new BorderLayout(4, 0));
        editor.add(text, BorderLayout.CENTER);
        editor.add(buttons, BorderLayout.EAST);
        editor.putClientProperty(AoiField.CLIENT_KEY, target);
        return editor;
    }

    /** Lets the user pick a file or folder into {@code text}. */
    static void choose(JTextField text, int mode, FileNameExtensionFilter filter) {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(mode);
        if (filter != null) chooser.setFileFilter(filter);
        if (!text.getText().isBlank()) chooser.setSelectedFile(new File(text.getText().strip()));
        if (chooser.showOpenDialog(text) == JFileChooser.APPROVE_OPTION) {
            text.setText(chooser.getSelectedFile().getPath());
        }
    }

    private static void loadAoi(JTextField text) {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter("Vector files (GeoJSON, Shapefile, KML, GeoPackage)",
                AoiText.VECTOR_EXTENSIONS.toArray(String[]::new)));
        if (chooser.showOpenDialog(text) != JFileChooser.APPROVE_OPTION) return;
        try {
            text.setText(AoiText.fromVectorFile(chooser.getSelectedFile().toPath()));
        } catch (Ai4cException e) {
            JOptionPane.showMessageDialog(text, e.getMessage(), "Area of interest", JOptionPane.ERROR_MESSAGE);
        }
    }

    static DocumentListener onEdit(Runnable r) {
        return new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { r.run(); }
            @Override public void removeUpdate(DocumentEvent e) { r.run(); }
            @Override public void changedUpdate(DocumentEvent e) { r.run(); }
        };
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
