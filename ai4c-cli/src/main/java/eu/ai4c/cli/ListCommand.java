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
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (Operator op : ops) rows.put(op.descriptor().alias(), op.descriptor().summary());
        for (Class<? extends ServiceCommand> c : ServiceCommand.ALL) rows.put(ServiceCommand.name(c), ServiceCommand.summary(c));
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((alias, summary) -> out.println(alias + " ".repeat(width - alias.length() + 2) + summary));
        out.flush();
        return ExitCodes.OK;
    }
}
