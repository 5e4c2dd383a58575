package eu.ai4c.spark;

import eu.ai4c.kit.Ai4cException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of {@code ai4c batch} ({@code bin/ai4c-batch}; on a cluster the main class given to
 * {@code spark-submit}), and of {@code ai4c-batch bench spark-batch}. {@link #run} returns the exit code so tests call it in-process.
 */
public final class BatchMain {
    private BatchMain() {
    }

    public static void main(String[] args) {
        eu.ai4c.kit.geo.Projections.silenceDatabaseLog();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line {@code args}; returns 0, 1 or 2 (see {@link BatchCommand}). {@code bench …}
     * is {@code ai4c bench …} with this module on the class path, so its {@code spark-batch} entry is listed.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && args[0].equals("bench")) return eu.ai4c.cli.Main.run(args, out, err);
        CommandLine cl = new CommandLine(new BatchCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof Ai4cException a) {
                c.getErr().println("Error: " + a.getMessage());
                return a.isUsageError() ? 2 : 1;
            }
            c.getErr().println("Error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
