package eu.ai4c.cli;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * A service of the specification that is a picocli command of its own rather than an engine
 * operator (its inputs and outputs are not raster products: the human-features store, the energy datasets). Listed
 * with the services by {@code ai4c list}, the root help and {@code ai4c aliases}.
 */
interface ServiceCommand {

    /** The command classes that are services, in listing order. */
    List<Class<? extends ServiceCommand>> ALL = List.of(HumanFeaturesLoadCommand.class,
            HumanFeaturesQueryCommand.class, EnergyLoadCommand.class, Era5ExtractCommand.class);

    /** The command name of a service class. */
    static String name(Class<?> c) {
        return c.getAnnotation(Command.class).name();
    }

    /** The one-line summary of a service class. */
    static String summary(Class<?> c) {
        return c.getAnnotation(Command.class).header()[0];
    }
}
