package eu.ai4c.desktop.form.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;

/**
 * Where an operator's help page is: the page generated at build time from its descriptor
 * ({@code eu/ai4c/desktop/help/<alias>.html}, written by the SNAP plugin's help generator, so it is
 * the page SNAP shows) and, inside SNAP Desktop with the AI4C SNAP plugin, the JavaHelp id of the same
 * page in SNAP's help system. Thread-safe (no state).
 */
final class OperatorHelp {
    /** Resource folder of the generated pages. */
    static final String FOLDER = "eu/ai4c/desktop/help/";
    /** A class of the AI4C SNAP plugin: with it, SNAP's help system has the operators' pages. */
    private static final String SNAP_BINDING_CLASS = "eu.ai4c.snap.EngineOperatorAdapter";

    private OperatorHelp() {
    }

    /** The generated help page of the operator {@code alias}, if the module has one. */
    static Optional<URL> page(String alias) {
        return Optional.ofNullable(OperatorHelp.class.getClassLoader().getResource(FOLDER + alias + ".html"));
    }

    /** The JavaHelp id of the operator's page in the SNAP plugin, if it has one. */
    static Optional<String> snapHelpId(String alias) {
        try (InputStream in = OperatorHelp.class.getClassLoader().getResourceAsStream(FOLDER + "help-ids.properties")) {
            if (in == null) return Optional.empty();
            Properties ids = new Properties();
            ids.load(in);
            return Optional.ofNullable(ids.getProperty(alias));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the help index of the AI4C desktop module", e);
        }
    }

    /**
     * Inside SNAP Desktop with the AI4C SNAP plugin: asks SNAP's help system to show the page
     * (the NetBeans help context of the generated page).
     *
     * @return whether SNAP showed it; false outside SNAP (then the dialog shows the page itself)
     */
    static boolean showInSnap(String alias) {
        if (!snapBinding() || Lookup.getDefault().lookup(HelpCtx.Displayer.class) == null) return false;
        return snapHelpId(alias).map(id -> new HelpCtx(id).display()).orElse(false);
    }

    private static boolean snapBinding() {
        ClassLoader platform = Lookup.getDefault().lookup(ClassLoader.class);
        try {
            Class.forName(SNAP_BINDING_CLASS, false, platform != null ? platform : OperatorHelp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
