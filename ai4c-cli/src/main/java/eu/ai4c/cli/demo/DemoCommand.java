package eu.ai4c.cli.demo;

import eu.ai4c.cli.RunOptions;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ai4c demo [--output DIR] [--step NAME]…}: runs the demo steps and writes {@code index.html}. */
@Command(name = "demo", mixinStandardHelpOptions = true, header = "Runs a demonstration of every service.",
        description = {"Runs each service's demo step on sample data and writes outputs, quick-look PNGs and "
                + "an index.html report into the output folder. Prints the path of index.html."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "<folder>", defaultValue = "ai4c-demo",
            description = "Output folder. Default: ${DEFAULT-VALUE}")
    Path output;

    @Option(names = "--step", paramLabel = "<name>", description = "Run only this step; repeatable.")
    List<String> only = new ArrayList<>();

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        List<DemoStep> steps = Demo.steps();
        List<String> known = steps.stream().map(DemoStep::name).toList();
        if (!only.isEmpty()) {
            for (String s : only) {
                if (known.stream().noneMatch(k -> k.equalsIgnoreCase(s))) {
                    throw Ai4cException.usage("Unknown demo step \"" + s + "\". Steps: " + known + ".");
                }
            }
            steps = steps.stream().filter(s -> only.stream().anyMatch(o -> o.equalsIgnoreCase(s.name()))).toList();
        }
        List<Demo.StepRecord> records = Demo.run(steps, output, run.context(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        out.println(output.resolve("index.html").toAbsolutePath().normalize());
        out.flush();
        List<String> failed = records.stream().filter(Demo.StepRecord::failed).map(Demo.StepRecord::name).toList();
        if (!failed.isEmpty()) {
            throw new Ai4cException(failed.size() + " demo step(s) failed: " + failed + ". See the report for the messages.");
        }
        return 0;
    }
}
