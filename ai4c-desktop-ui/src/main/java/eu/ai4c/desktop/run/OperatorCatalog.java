package eu.ai4c.desktop.run;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import org.openide.util.Lookup;

/**
 * The registered operators as the desktop sees them. In the NetBeans platform
 * {@link java.util.ServiceLoader} must search all enabled modules, so the registry is loaded with
 * the platform's system class loader (from the default lookup) as context class loader; outside
 * the platform the module's own class loader is used. Stateless.
 */
public final class OperatorCatalog {

    private OperatorCatalog() {
    }

    /** All operators registered on the class path or in enabled modules, sorted by alias. */
    public static OperatorRegistry load() {
        ClassLoader system = Lookup.getDefault().lookup(ClassLoader.class);
        ClassLoader loader = system != null ? system : OperatorCatalog.class.getClassLoader();
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return OperatorRegistry.load();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** The operator {@code alias}; fails with the list of known aliases. */
    public static Operator get(String alias) {
        return load().get(alias);
    }
}
