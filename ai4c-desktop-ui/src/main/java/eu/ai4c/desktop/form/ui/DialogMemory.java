package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.ParameterField;
import eu.ai4c.desktop.form.SourceField;
import java.awt.Dimension;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What an operator dialog remembers between runs and sessions, per operator: the size the user
 * gave it and the values of its last run (sources, parameters, target folder and format). Kept
 * in a preferences node (in the platform: the module's preferences in the user directory,
 * {@code config/Preferences/eu/ai4c/desktop/operators/<alias>.properties}). Values that are no
 * longer valid (a source since deleted) come back as typed and show their message. Event thread only.
 */
final class DialogMemory {
    private static final String WIDTH = "dialog.width";
    private static final String HEIGHT = "dialog.height";
    private static final String SOURCE = "source.";
    private static final String PARAM = "param.";
    private static final String FOLDER = "target.folder";
    private static final String FORMAT = "target.format";
    private final Preferences node;

    /** @param node the preferences node of one operator */
    DialogMemory(Preferences node) {
        this.node = node;
    }

    /** The memory of operator {@code alias} in the platform's module preferences. */
    static DialogMemory of(String alias) {
        return new DialogMemory(org.openide.util.NbPreferences.forModule(DialogMemory.class).node("operators").node(alias));
    }

    /** The remembered dialog size, if any. */
    Optional<Dimension> size() {
        int w = node.getInt(WIDTH, -1);
        int h = node.getInt(HEIGHT, -1);
        return w > 0 && h > 0 ? Optional.of(new Dimension(w, h)) : Optional.empty();
    }

    void rememberSize(Dimension size) {
        node.putInt(WIDTH, size.width);
        node.putInt(HEIGHT, size.height);
        flush();
    }

    /** Fills {@code model} with the values of the last run (fields never run keep their defaults). */
    void restore(FormModel model) {
        for (SourceField s : model.sources()) {
            String v = node.get(SOURCE + s.name(), null);
            if (v != null) s.setText(v);
        }
        for (ParameterField p : model.parameters()) {
            String v = node.get(PARAM + p.name(), null);
            if (v != null) p.setText(v);
        }
        String folder = node.get(FOLDER, null);
        if (folder != null) model.target().setFolder(folder);
        String format = node.get(FORMAT, null);
        if (format != null && eu.ai4c.desktop.form.TargetField.formats().contains(format)) model.target().setFormat(format);
    }

    /** Remembers the values of {@code model} (called when the user presses Run). */
    void remember(FormModel model) {
        for (SourceField s : model.sources()) node.put(SOURCE + s.name(), s.text());
        for (ParameterField p : model.parameters()) node.put(PARAM + p.name(), p.text());
        node.put(FOLDER, model.target().folder());
        node.put(FORMAT, model.target().format());
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // the values stay in memory for this session; the next start shows the defaults again
            java.util.logging.Logger.getLogger(DialogMemory.class.getName())
                    .fine("dialog values not saved: " + e.getMessage());
        }
    }
}
