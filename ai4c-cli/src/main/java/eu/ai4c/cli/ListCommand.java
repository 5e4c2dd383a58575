package eu.ai4c.cli;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ai4c list}: one line per service, its name then its one-line summary, aligned. */
@Command(name = "list", mixinStandardHelpOptions = true, header = "Lists the services.",
        description = "Prints one line per registered service: the command name and what it does.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Operator> ops = OperatorRegistry.load().all();
        PrintWriter out = spec.commandLine().getOut();
        int width = ops.stream().mapToInt(o -> o.descriptor().alias().length()).max().orElse(0);
        for (Operator op : ops) {
            String alias = op.descriptor().alias();
            out.println(alias + " ".repeat(width - alias.length() + 2) + op.descriptor().summary());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
