package eu.ai4c.cli;

import eu.ai4c.kit.graph.Graph;
import eu.ai4c.kit.graph.GraphReader;
import eu.ai4c.kit.graph.GraphRunner;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ai4c graph FILE -Pname=value …}: runs a SNAP-style graph XML with the AI4C operators. */
@Command(name = "graph", mixinStandardHelpOptions = true, header = "Runs a processing graph (SNAP graph XML).",
        description = {"Runs the nodes of a graph saved by SNAP's Graph Builder or written by hand: Read, Write "
                + "and the AI4C services by their names. $${name} in the graph is replaced by -Pname=value; "
                + "$${name:-default} has a default. Prints the files written."})
final class GraphCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The graph XML file.")
    Path file;

    @Option(names = "-P", paramLabel = "name=value", mapFallbackValue = "",
            description = "Value of a graph variable $${name}; repeat for several.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        Graph graph = GraphReader.read(file, variables);
        PrintWriter out = spec.commandLine().getOut();
        ProcessingContext context = run.context(spec.commandLine().getErr());
        List<Path> written;
        try (CancelOnInterrupt ignored = new CancelOnInterrupt(context.progress())) {
            written = new GraphRunner().run(graph, context);
        }
        for (Path p : written) out.println(p);
        out.flush();
        return ExitCodes.OK;
    }
}
