package eu.ai4c.desktop.run;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import org.openide.util.Lookup;

/**
 * The registered operators as the desktop sees them. In the NetBeans platform the registry is
 * searched through the platform's system class loader (from the default lookup), which sees the
 * service files of every enabled module; outside the platform through the engine's own class
 * loader. The thread's context class loader is neither read nor changed. Stateless.
 */
public final class OperatorCatalog {

    private OperatorCatalog() {
    }

    /** All operators registered on the class path or in enabled modules, sorted by alias. */
    public static OperatorRegistry load() {
        return OperatorRegistry.load(Lookup.getDefault().lookup(ClassLoader.class));
    }

    /** The operator {@code alias}; fails with the list of known aliases. */
    public static Operator get(String alias) {
        return load().get(alias);
    }
}
