package eu.ai4c.cli;

import eu.ai4c.cli.bench.BenchCommand;
import eu.ai4c.cli.demo.DemoCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code ai4c} command. Without a subcommand it prints its usage; the services are
 * added at run time by {@link Main#commandLine}.
 */
@Command(name = "ai4c", mixinStandardHelpOptions = true, versionProvider = Ai4cCommand.Version.class,
        header = "AI4C: analysis-ready Sentinel data and change detection, headless.",
        description = {"Runs the AI4Copernicus bootstrapping services. Each service is a subcommand "
                + "with the options of the specification; 'ai4c list' lists them."},
        synopsisSubcommandLabel = "<service | command>",
        subcommands = {ListCommand.class, GraphCommand.class, BenchCommand.class, DemoCommand.class,
                AliasesCommand.class, PredictCommand.class, HumanFeaturesLoadCommand.class,
                HumanFeaturesQueryCommand.class, EnergyLoadCommand.class, Era5ExtractCommand.class, ServeCommand.class,
                VerifyCommand.class},
        footer = {"", "Run 'ai4c <service> --help' for the options of a service.",
                "Exit codes: 0 success, 1 processing error, 2 usage error, 130 cancelled."})
final class Ai4cCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ai4c " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
