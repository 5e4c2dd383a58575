package eu.ai4c.kit.op;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The engine's services (operators, product readers and writers, model formats) as registered in
 * the {@code META-INF/services} files of the engine jars.
 *
 * <p>They are looked up through the class loader of the service type, never through the thread's
 * context class loader: inside a NetBeans module system (SNAP Desktop, AI4C Desktop) a module's
 * loader does not pass {@code META-INF/} resources on from the modules it depends on, so the
 * context loader set by a caller in another module would not see the engine's service files.
 * On a flat class path (gpt, the {@code ai4c} command, tests) both loaders see the same files.
 * Stateless and thread-safe.</p>
 */
public final class EngineServices {

    private EngineServices() {
    }

    /** The registered implementations of {@code type}, found through {@code type}'s own class loader. */
    public static <S> List<S> load(Class<S> type) {
        return load(type, type.getClassLoader());
    }

    /**
     * The registered implementations of {@code type} that {@code loader} sees (e.g. a platform
     * loader that sees every enabled module); {@code null} means {@code type}'s own class loader.
     */
    public static <S> List<S> load(Class<S> type, ClassLoader loader) {
        List<S> list = new ArrayList<>();
        ServiceLoader.load(type, loader != null ? loader : type.getClassLoader()).forEach(list::add);
        return list;
    }
}
