package eu.ai4c.snap.codegen;

import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.snap.AdapterNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the operators' help pages for the desktop module (ai4c-desktop-ui), the same pages
 * {@link SnapBindingSources} writes into the SNAP plugin's JavaHelp set: one
 * {@code eu/ai4c/desktop/help/<engine alias>.html} per engine operator, and
 * {@code eu/ai4c/desktop/help/help-ids.properties} mapping each engine alias to the JavaHelp id of
 * its page in SNAP ({@link AdapterNames#helpId}), so the desktop can show the page itself or, inside
 * SNAP Desktop, ask SNAP's help system for it.
 *
 * <p>Argument: the resource output folder.
 */
public final class DesktopHelpPages {
    /** Resource folder of the pages inside the desktop module. */
    static final String FOLDER = "eu/ai4c/desktop/help";

    private DesktopHelpPages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: DesktopHelpPages <resource output folder>");
        Path folder = Files.createDirectories(Path.of(args[0]).resolve(FOLDER));
        List<Operator> operators = OperatorRegistry.load().all();
        StringBuilder ids = new StringBuilder("# engine alias = JavaHelp id of the same page in the SNAP plugin\n");
        for (Operator o : operators) {
            String alias = o.descriptor().alias();
            write(folder.resolve(alias + ".html"), HelpPage.html(o.descriptor(), o instanceof FileOperator));
            ids.append(alias).append('=').append(AdapterNames.helpId(alias)).append('\n');
        }
        write(folder.resolve("help-ids.properties"), ids.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
