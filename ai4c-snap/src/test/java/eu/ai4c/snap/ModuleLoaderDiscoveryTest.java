package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The adapters find their engine operators when this module has its own class loader that, like a
 * NetBeans module loader, does not pass {@code META-INF/} resources on from the modules it depends
 * on (apache/netbeans {@code ModuleManager.shouldDelegateResource}). Engine discovery that goes
 * through this module's loader, or through the thread's context class loader set to it, finds no
 * engine operator here.
 */
class ModuleLoaderDiscoveryTest {

    @Test
    void everyAdapterFindsItsEngineOperatorThroughAModuleLoader() throws Exception {
        List<String> adapters = Adapters.serviceLines().stream().map(l -> l.replace("$Spi", "")).toList();
        assertFalse(adapters.isEmpty());
        URL module = EngineOperatorAdapter.class.getProtectionDomain().getCodeSource().getLocation();
        try (ModuleLikeLoader loader = new ModuleLikeLoader(module, ModuleLoaderDiscoveryTest.class.getClassLoader())) {
            Class<?> base = loader.loadClass(EngineOperatorAdapter.class.getName());
            assertNotSame(EngineOperatorAdapter.class, base, "the adapter classes must come from the module loader");
            Method engineOperator = base.getMethod("engineOperator", Class.class);
            Thread t = Thread.currentThread();
            ClassLoader previous = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                for (String name : adapters) {
                    Class<?> adapter = loader.loadClass(name);
                    eu.ai4c.kit.op.Operator op = (eu.ai4c.kit.op.Operator) engineOperator.invoke(null, adapter);
                    assertEquals(Adapters.alias(Class.forName(name)), AdapterNames.snapAlias(op.descriptor().alias()),
                            name);
                }
            } finally {
                t.setContextClassLoader(previous);
            }
        }
    }

    /**
     * Defines the classes of one module itself (child first for {@code eu.ai4c.snap}) and
     * delegates the rest to its dependencies, but serves {@code META-INF/} resources only from
     * its own jar, as the NetBeans module system does.
     */
    private static final class ModuleLikeLoader extends URLClassLoader {
        ModuleLikeLoader(URL module, ClassLoader dependencies) {
            super(new URL[] {module}, dependencies);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("eu.ai4c.snap.")) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) c = findClass(name);
                if (resolve) resolveClass(c);
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("META-INF/") ? findResource(name) : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/") ? findResources(name) : super.getResources(name);
        }
    }
}
