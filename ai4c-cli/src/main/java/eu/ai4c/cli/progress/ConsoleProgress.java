package eu.ai4c.cli.progress;

import eu.ai4c.kit.progress.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses the progress display for the command line: a bar on a terminal, plain lines otherwise. */
public final class ConsoleProgress {

    private ConsoleProgress() {
    }

    /** Progress written to {@code err}: {@link TerminalProgressBar} when stderr is a terminal, else {@link ProgressLines}. */
    public static Progress forStream(PrintWriter err) {
        return stderrIsTerminal() ? new TerminalProgressBar(err) : new ProgressLines(err);
    }

    /**
     * True when the JVM has a console and, where Linux tells (via {@code /proc/self/fd/2}), stderr
     * is a terminal device rather than a file or pipe ({@code ai4c … 2> run.log}).
     */
    public static boolean stderrIsTerminal() {
        if (System.console() == null) return false;
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException notLinux) {
            return true;
        }
    }
}
