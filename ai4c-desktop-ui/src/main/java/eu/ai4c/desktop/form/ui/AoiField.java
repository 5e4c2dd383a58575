package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.form.AoiTargets;
import eu.ai4c.desktop.form.ParameterField;
import eu.ai4c.desktop.world.WorldViewWindow;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JComponent;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * The area-of-interest field of a dialog as a target of the World View ({@link AoiTargets.Target}):
 * a drawn area is put into the text field as if typed, so the form validates it and the dialog
 * enables Run exactly as for typed WKT. Its "Draw…" button opens the World View in drawing mode
 * for this field ({@link WorldViewWindow#drawAoi}).
 *
 * <p>With the component trace on (logger {@value OperatorDialog#TRACE_LOGGER} at FINE) each area
 * received is logged with the form's verdict, read back from the field:
 * {@code ui aoi <alias> <parameter> valid <text>} or {@code … invalid <message>}.</p>
 *
 * <p>Event thread only.</p>
 */
final class AoiField implements AoiTargets.Target {
    /** Client property of the editor panel that holds its {@code AoiField}. */
    static final String CLIENT_KEY = "eu.ai4c.desktop.aoiField";
    private static final Logger TRACE = Logger.getLogger(OperatorDialog.TRACE_LOGGER);
    private final ParameterField field;
    private final JTextField text;

    AoiField(ParameterField field, JTextField text) {
        this.field = field;
        this.text = text;
        text.getDocument().addDocumentListener(ParameterEditors.onEdit(() -> AoiTargets.getDefault().changed(this)));
    }

    @Override
    public String label() {
        Window w = SwingUtilities.getWindowAncestor(text);
        String owner = w instanceof Dialog d && d.getTitle() != null && !d.getTitle().isBlank() ? d.getTitle()
                : field.operatorAlias();
        return owner + ": " + field.descriptor().label();
    }

    @Override
    public String text() {
        return text.getText();
    }

    @Override
    public void accept(String wkt) {
        text.setText(wkt); // the document listener updates the form, its messages and Run
        if (TRACE.isLoggable(Level.FINE)) {
            String verdict = field.message().map(m -> "invalid " + m).orElse("valid " + text.getText());
            TRACE.fine("ui aoi " + field.operatorAlias() + " " + field.name() + " " + verdict);
        }
    }

    /** "Draw…": this field becomes the target and the World View opens in drawing mode. */
    void draw() {
        AoiTargets.getDefault().activate(this);
        WorldViewWindow.drawAoi(this, SwingUtilities.getWindowAncestor(text));
    }

    /** The area-of-interest fields below {@code root}. */
    static List<AoiField> in(Container root) {
        List<AoiField> out = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (c instanceof JComponent j && j.getClientProperty(CLIENT_KEY) instanceof AoiField f) out.add(f);
            if (c instanceof Container k) out.addAll(in(k));
        }
        return out;
    }
}
