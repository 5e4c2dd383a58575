package eu.ai4c.cli.bench;

import eu.ai4c.cli.RunOptions;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ai4c bench NAME [--size N] [--repeat R]}: runs a registered {@link Benchmark} and prints
 * one JSON line per result on stdout; {@code ai4c bench list} lists the benchmarks.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, header = "Runs a benchmark; prints JSON lines.",
        description = {"Runs the benchmark NAME ('list' lists them) and prints one JSON line per result: "
                + "name, input, seconds, peer, peer_seconds, ratio (seconds / peer_seconds, below 1 = faster "
                + "than the peer) and extra fields such as peak RSS and heap.",
                "Exit code 1 when a case failed (a line with \"pass\": false), after printing every line."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Benchmark name, or 'list'.")
    String name;

    @Option(names = "--size", paramLabel = "<n>", defaultValue = "0",
            description = "Input size N as 'bench list' describes it (mostly an edge length in pixels). "
                    + "Default: the benchmark's own, a full scene.")
    int size;

    @Option(names = "--warmup", paramLabel = "<n>", defaultValue = "1",
            description = "Untimed runs before timing each case. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--repeat", paramLabel = "<n>", defaultValue = "1",
            description = "Timings per case; the median is reported. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--work-dir", paramLabel = "<folder>",
            description = "Scratch folder for inputs and outputs. Default: a new temporary folder.")
    Path workDir;

    @Option(names = "-P", paramLabel = "key=value", description = "Benchmark-specific option; repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (name.equals("list")) {
            for (Benchmark b : BenchRegistry.all()) out.println(b.name() + "  " + b.description());
            out.flush();
            return 0;
        }
        Benchmark benchmark = BenchRegistry.get(name);
        for (String key : options.keySet()) {
            if (!benchmark.optionKeys().contains(key)) {
                throw eu.ai4c.kit.Ai4cException.usage("Benchmark " + benchmark.name() + " has no option -P" + key
                        + (benchmark.optionKeys().isEmpty() ? "; it takes none."
                        : "; it takes " + new java.util.TreeSet<>(benchmark.optionKeys()) + "."));
            }
        }
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("ai4c-bench-");
        // no progress display: drawing it would be part of the measured time
        ProcessingContext ctx = run.context(spec.commandLine().getErr()).withProgress(Progress.silent());
        boolean failed = false;
        try {
            for (BenchResult r : benchmark.run(new BenchContext(size, warmup, repeat, dir, options, ctx))) {
                out.println(r.toJson());
                out.flush();
                failed |= r.failed();
            }
        } finally {
            // a scratch folder of our own goes away; a --work-dir the user chose (to reuse inputs) stays
            if (workDir == null) eu.ai4c.kit.io.AtomicOutput.deleteTree(dir);
        }
        // every line is printed first, then a failed case (e.g. a service out of its fixed heap) fails the run
        return failed ? eu.ai4c.cli.ExitCodes.PROCESSING : 0;
    }
}
