package eu.ai4c.kit.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.io.ProductIO;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Engine services are found through the engine's own class loader whatever the thread's context
 * class loader is: inside NetBeans the caller's module loader does not see the engine's
 * {@code META-INF/services}, which an empty context loader models here.
 */
class EngineServicesTest {

    @Test
    void operatorsReadersAndWritersIgnoreTheContextClassLoader() throws Exception {
        int operators = OperatorRegistry.load().all().size();
        int readers = ProductIO.readers().size();
        int writers = ProductIO.writers().size();
        assertTrue(operators > 0 && readers > 0 && writers > 0, "nothing registered on the test class path");

        assertEquals(operators, withBlindContextLoader(() -> OperatorRegistry.load().all().size()));
        assertEquals(readers, withBlindContextLoader(() -> ProductIO.readers().size()));
        assertEquals(writers, withBlindContextLoader(() -> ProductIO.writers().size()));
        assertEquals("Warp", withBlindContextLoader(() -> OperatorRegistry.load().get("AI4C-Warp").descriptor().alias()));
    }

    @Test
    void anExplicitLoaderIsSearchedInstead() throws Exception {
        try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            assertEquals(List.of(), EngineServices.load(Operator.class, blind));
        }
    }

    private static <T> T withBlindContextLoader(Callable<T> call) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            t.setContextClassLoader(blind);
            return call.call();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
