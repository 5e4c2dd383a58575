package eu.ai4c.cli;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.Progress;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to messages and exit codes. Users see messages, not stack traces: an
 * {@link Ai4cException} prints its message only (it already names input, problem and fix); any
 * other exception prints one line and the hint to use {@code --debug}, which prints the trace.
 */
final class ErrorHandlers {

    private ErrorHandlers() {
    }

    /** Failures while a command runs. */
    static final class Execution implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult fullParseResult) {
            PrintWriter err = cl.getErr();
            boolean debug = debugRequested(fullParseResult);
            int code;
            if (ex instanceof Ai4cException a) {
                err.println(cl.getColorScheme().errorText("Error: " + a.getMessage()));
                if (a.isUsageError()) err.println(helpPointer(cl));
                code = a.isUsageError() ? ExitCodes.USAGE : ExitCodes.PROCESSING;
            } else if (ex instanceof Progress.Cancelled) {
                err.println("Cancelled: no output was written.");
                code = ExitCodes.CANCELLED;
            } else if (ex instanceof java.io.IOException) {
                err.println(cl.getColorScheme().errorText("Error: cannot read or write a file: "
                        + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
                if (!debug) err.println("Run with --debug for the stack trace.");
                code = ExitCodes.PROCESSING;
            } else {
                err.println(cl.getColorScheme().errorText("Error: unexpected " + ex.getClass().getSimpleName()
                        + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
                if (!debug) err.println("Run with --debug for the stack trace, and report it if it looks like a defect.");
                code = ExitCodes.PROCESSING;
            }
            if (debug) ex.printStackTrace(err);
            err.flush();
            return code;
        }
    }

    /** Bad command lines (unknown option, missing required option, bad value). */
    static final class Parameters implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println(cl.getColorScheme().errorText("Error: " + ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println(helpPointer(cl));
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    static String helpPointer(CommandLine cl) {
        return "Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.";
    }

    /** True when {@code --debug} was given to the root or any subcommand. */
    static boolean debugRequested(ParseResult root) {
        if (root == null) return false;
        for (ParseResult pr = root; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--debug")) return true;
        }
        return false;
    }
}
