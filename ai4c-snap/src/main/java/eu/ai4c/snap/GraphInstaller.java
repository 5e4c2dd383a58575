package eu.ai4c.snap;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.esa.snap.core.util.SystemUtils;
import org.openide.modules.OnStart;

/**
 * Puts the module's ready-made graphs where SNAP's Graph Builder lists them: SNAP Desktop's
 * Graph Builder builds its <i>Graphs</i> menu from {@code <SNAP user dir>/graphs} and its
 * sub-folders, so the graphs go to {@code <SNAP user dir>/graphs/AI4C/}, as the toolboxes install
 * theirs at module start.
 *
 * <p>A graph the user has edited there is never overwritten. The installer records the digest of
 * each file it wrote in {@value #RECORD}; a file whose content still has that digest is the
 * user's untouched copy and is updated to the module's version, any other content is kept.</p>
 *
 * <p>Not thread-safe; runs once at module start.</p>
 */
public final class GraphInstaller {
    /** Folder of the graphs inside the module jar. */
    static final String RESOURCE_FOLDER = "eu/ai4c/snap/graphs/";
    /** Sub-folder of {@code <SNAP user dir>/graphs} that holds the AI4C graphs. */
    static final String TARGET_FOLDER = "AI4C";
    /** Hidden file of the graph folder: graph file name → SHA-256 of the content last installed. */
    static final String RECORD = ".ai4c-installed.properties";

    private static final Logger LOG = Logger.getLogger(GraphInstaller.class.getName());

    private GraphInstaller() {
    }

    /** Run by the NetBeans module system when the module starts in SNAP Desktop. */
    @OnStart
    public static final class OnModuleStart implements Runnable {
        @Override
        public void run() {
            Path folder = SystemUtils.getApplicationDataDir().toPath().resolve("graphs").resolve(TARGET_FOLDER);
            try {
                install(folder, moduleGraphs());
            } catch (IOException | UncheckedIOException e) {
                LOG.warning("AI4C graphs not installed in " + folder + ": " + e.getMessage()
                        + ". The Graph Builder will not list them; they can be loaded from the plugin's graphs folder "
                        + "instead. Check that the folder is writable, then restart SNAP.");
            }
        }
    }

    /** What {@link #install} did with each graph. */
    enum Outcome { ADDED, UPDATED, UNCHANGED, KEPT_USER_EDIT }

    /**
     * Installs {@code graphs} (file name → content) into {@code folder}, creating it.
     *
     * @return per graph file name, what was done
     * @throws IOException when the folder or a file cannot be written
     */
    static Map<String, Outcome> install(Path folder, Map<String, byte[]> graphs) throws IOException {
        Files.createDirectories(folder);
        Path recordFile = folder.resolve(RECORD);
        Properties record = new Properties();
        if (Files.exists(recordFile)) {
            try (InputStream in = Files.newInputStream(recordFile)) {
                record.load(in);
            }
        }
        Map<String, Outcome> done = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> g : graphs.entrySet()) {
            Path file = folder.resolve(g.getKey());
            String ours = sha256(g.getValue());
            Outcome outcome;
            if (!Files.exists(file)) {
                outcome = Outcome.ADDED;
            } else {
                String present = sha256(Files.readAllBytes(file));
                if (present.equals(ours)) {
                    outcome = Outcome.UNCHANGED;
                } else if (present.equals(record.getProperty(g.getKey()))) {
                    outcome = Outcome.UPDATED; // the user's copy is the one we installed: bring it up to date
                } else {
                    LOG.info("Kept " + file + ": it differs from the AI4C plugin's version of this graph (edited). "
                            + "Delete or rename it to receive the plugin's version at the next start.");
                    done.put(g.getKey(), Outcome.KEPT_USER_EDIT);
                    continue;
                }
            }
            if (outcome != Outcome.UNCHANGED) writeAtomically(file, g.getValue());
            record.setProperty(g.getKey(), ours);
            done.put(g.getKey(), outcome);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        record.store(buffer, "Graphs installed by the AI4C SNAP plugin; a file whose digest differs was edited and is kept");
        writeAtomically(recordFile, buffer.toByteArray());
        return done;
    }

    /** The graphs packed in this module (file name → content), read from its jar or classes folder. */
    static Map<String, byte[]> moduleGraphs() throws IOException {
        URL self = GraphInstaller.class.getResource(GraphInstaller.class.getSimpleName() + ".class");
        if (self == null) throw new IOException("cannot locate the AI4C plugin's own classes");
        Map<String, byte[]> graphs = new LinkedHashMap<>();
        for (String name : graphNames(self)) {
            try (InputStream in = GraphInstaller.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + name)) {
                if (in == null) throw new IOException("graph " + RESOURCE_FOLDER + name + " is listed but cannot be read");
                graphs.put(name, in.readAllBytes());
            }
        }
        if (graphs.isEmpty()) throw new IOException("no graphs under " + RESOURCE_FOLDER + " next to " + self);
        return graphs;
    }

    /**
     * File names of the {@code .xml} graphs under {@link #RESOURCE_FOLDER}, sorted, found beside
     * {@code classResource} (a {@code jar:…!/…} or {@code file:} URL of a class of this module).
     */
    static List<String> graphNames(URL classResource) throws IOException {
        String url = classResource.toString();
        List<String> names = new ArrayList<>();
        if (url.startsWith("jar:")) {
            String jar = url.substring("jar:".length(), url.indexOf("!/"));
            try (JarFile jarFile = new JarFile(new File(toUri(jar)))) {
                for (Enumeration<JarEntry> e = jarFile.entries(); e.hasMoreElements(); ) {
                    String entry = e.nextElement().getName();
                    if (entry.startsWith(RESOURCE_FOLDER) && entry.endsWith(".xml")
                            && entry.indexOf('/', RESOURCE_FOLDER.length()) < 0) {
                        names.add(entry.substring(RESOURCE_FOLDER.length()));
                    }
                }
            }
        } else if (url.startsWith("file:")) {
            Path classFile = Path.of(toUri(url));
            int depth = GraphInstaller.class.getName().split("\\.").length;
            Path root = classFile;
            for (int i = 0; i < depth; i++) root = root.getParent();
            Path folder = root.resolve(RESOURCE_FOLDER);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.list(folder)) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).forEach(names::add);
                }
            }
        } else {
            throw new IOException("cannot list the graphs of the AI4C plugin loaded from " + url);
        }
        names.sort(null);
        return names;
    }

    private static URI toUri(String url) throws IOException {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IOException("unreadable location of the AI4C plugin: " + url, e);
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
