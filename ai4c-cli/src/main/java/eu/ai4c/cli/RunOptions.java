package eu.ai4c.cli;

import eu.ai4c.cli.progress.ConsoleProgress;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.CommonOptions;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.progress.WarningListener;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that processes data ({@code --threads}, {@code --quiet},
 * {@code --log-file}, {@code --debug}), used as a picocli mixin, and the {@link ProcessingContext}
 * they give. The logging options take effect through {@link LogSetup} before parsing.
 */
public final class RunOptions {

    @Option(names = CommonOptions.THREADS, paramLabel = "<n>", defaultValue = "0",
            description = "Worker threads for tile computation. Default: all cores.")
    int threads;

    @Option(names = {CommonOptions.QUIET_SHORT, CommonOptions.QUIET}, description = "No progress output; log warnings and errors only.")
    boolean quiet;

    @Option(names = CommonOptions.LOG_FILE, paramLabel = "<file>",
            description = "Write log messages to this file instead of stderr (progress stays on stderr).")
    java.nio.file.Path logFile;

    @Option(names = CommonOptions.DEBUG, description = "Print the stack trace of unexpected errors.")
    boolean debug;

    /** Worker threads: the option, or all cores when not given. */
    public int threads() {
        if (threads < 0) {
            throw Ai4cException.usage("--threads must be 1 or more (or 0 for all cores), got " + threads + ".");
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public boolean quiet() {
        return quiet;
    }

    /**
     * The processing context for a run: threads, a progress display suited to where
     * {@code err} goes (bar on a terminal, periodic lines otherwise, nothing with {@code --quiet}),
     * a tile cache of a quarter of the heap, and warnings to the log.
     */
    public ProcessingContext context(PrintWriter err) {
        Progress progress = quiet ? Progress.silent() : ConsoleProgress.forStream(err);
        long cache = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
        return new ProcessingContext(threads(), progress, cache, WarningListener.LOG);
    }
}
