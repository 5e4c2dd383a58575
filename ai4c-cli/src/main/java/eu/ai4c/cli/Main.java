package eu.ai4c.cli;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code ai4c} command. {@link #main} only dispatches; {@link #run} does the
 * work and returns the exit code, so tests call it in-process.
 *
 * <p>Exit codes: {@value ExitCodes#OK} success, {@value ExitCodes#PROCESSING} processing error,
 * {@value ExitCodes#USAGE} usage error, {@value ExitCodes#CANCELLED} cancelled.</p>
 *
 * <p>The per-service launchers ({@code bin/S1-GRD-preprocess}) call this class with the service
 * name as the first argument, so {@code S1-GRD-preprocess --input x} equals
 * {@code ai4c S1-GRD-preprocess --input x}.</p>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogSetup.configure(args);
        eu.ai4c.kit.geo.Projections.silenceDatabaseLog();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line {@code args} writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the heap is too small for the tiles in flight and the cache; the fix is a bigger heap
            err.println("Error: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap). "
                    + "Give Java more memory, e.g. AI4C_JAVA_OPTS=-Xmx8g, or use fewer --threads.");
            return ExitCodes.PROCESSING;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The full command tree: the annotated commands plus one subcommand per registered operator,
     * with the error handlers that map exceptions to exit codes.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Ai4cCommand());
        for (Operator op : OperatorRegistry.load().all()) {
            // a service with its own annotated command (humanfeatures-query: the specification's --output_path
            // names the file) keeps it; its operator serves the dialogs, SNAP and graphs
            if (cl.getSubcommands().containsKey(op.descriptor().alias())) continue;
            cl.addSubcommand(OperatorCommand.commandLine(op));
        }
        CommandLine query = cl.getSubcommands().get("humanfeatures-query");
        java.util.List<String> description = new java.util.ArrayList<>(
                java.util.List.of(query.getCommandSpec().usageMessage().description()));
        for (String line : HumanFeaturesQueryCommand.classHelp()) description.add(HelpText.escape(line));
        query.getCommandSpec().usageMessage().description(description.toArray(String[]::new));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandlers.Execution());
        cl.setParameterExceptionHandler(new ErrorHandlers.Parameters());
        cl.setSubcommandsCaseInsensitive(true);
        RootHelp.install(cl);
        return cl;
    }
}
