package eu.ai4c.snap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;

/** What the tests inspect: the adapter classes, from the services file and from the compiled package. */
final class Adapters {
    static final String SERVICES = "META-INF/services/org.esa.snap.core.gpf.OperatorSpi";

    private Adapters() {
    }

    /** Lines of the GPF services file (SPI class names). */
    static List<String> serviceLines() throws IOException {
        try (InputStream in = Adapters.class.getClassLoader().getResourceAsStream(SERVICES)) {
            if (in == null) throw new IllegalStateException(SERVICES + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** Every concrete EngineOperatorAdapter compiled into eu.ai4c.snap.op (whether registered or not). */
    @SuppressWarnings("unchecked")
    static List<Class<? extends EngineOperatorAdapter>> compiled() throws IOException, ClassNotFoundException {
        Path dir;
        try {
            dir = Path.of(EngineOperatorAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve("eu/ai4c/snap/op");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<? extends EngineOperatorAdapter>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".class") || n.contains("$")) continue;
                Class<?> c = Class.forName("eu.ai4c.snap.op." + n.substring(0, n.length() - 6));
                if (EngineOperatorAdapter.class.isAssignableFrom(c)) out.add((Class<? extends EngineOperatorAdapter>) c);
            }
        }
        return out;
    }

    static String alias(Class<?> adapter) {
        return adapter.getAnnotation(OperatorMetadata.class).alias();
    }
}
