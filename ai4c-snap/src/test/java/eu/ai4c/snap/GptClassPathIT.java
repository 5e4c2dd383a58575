package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.snap.flat.FlatClassPathRun;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin as {@code gpt} loads it: SNAP 13's third-party jars first on one flat class path (here
 * those on Maven Central, at SNAP's versions, copied to {@code target/gpt/snap13-lib}), then every
 * jar of the installed {@code .nbm} files ({@code netbeans/modules/**.jar} of the engine, the
 * plugin and the PyTorch natives), as SNAP's installation scanner finds them. No class may be in
 * both sets (JNA and the SLF4J API, bound to native code by name, only when byte-identical: the
 * versions SNAP ships), no AI4C jar may hold
 * GeoTools' {@code org.opengis}/{@code org.geotools} packages, and every AI4C operator runs
 * through its adapter on that class path in a child JVM ({@link FlatClassPathRun}; SNAP's own
 * classes are the in-memory stand-ins of the test sources).
 */
class GptClassPathIT {
    private static final Path GPT = Path.of("target", "gpt");
    private static List<Path> snapJars;
    private static List<Path> ai4cJars;

    @BeforeAll
    static void install() throws IOException {
        snapJars = jars(GPT.resolve("snap13-lib"));
        assertTrue(snapJars.size() >= 15, "SNAP's third-party jars missing in " + GPT.resolve("snap13-lib")
                + " (copied by maven-dependency-plugin in pre-integration-test): " + snapJars);
        Path installation = GPT.resolve("installation");
        List<Path> nbms = new ArrayList<>(List.of(Path.of(System.getProperty("ai4c.engine.nbm")), NbmPackageIT.nbm()));
        ai4cJars = new ArrayList<>();
        for (Path nbm : nbms) {
            assertTrue(Files.isRegularFile(nbm), nbm + " is not built: run mvn verify from the project root");
            try (ZipFile zip = new ZipFile(nbm.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (!entry.getName().startsWith("netbeans/modules/") || !entry.getName().endsWith(".jar")) continue;
                    Path to = installation.resolve(entry.getName().substring("netbeans/".length()));
                    Files.createDirectories(to.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                    ai4cJars.add(to);
                }
            }
        }
        ai4cJars.addAll(jars(GPT.resolve("ml-natives")));
    }

    @Test
    void noClassOfSnapsLibrariesIsInTheInstalledPlugins() throws IOException {
        Map<String, Long> snapClasses = new HashMap<>();
        Map<String, Path> snapOrigin = new HashMap<>();
        for (Path jar : snapJars) {
            for (Map.Entry<String, Long> c : classes(jar).entrySet()) {
                snapClasses.putIfAbsent(c.getKey(), c.getValue());
                snapOrigin.putIfAbsent(c.getKey(), jar);
            }
        }
        TreeSet<String> clashes = new TreeSet<>();
        for (Path jar : ai4cJars) {
            for (Map.Entry<String, Long> c : classes(jar).entrySet()) {
                String name = c.getKey();
                if (name.startsWith("org/opengis/") || name.startsWith("org/geotools/")) {
                    clashes.add(name + " in " + jar.getFileName() + " (a GeoTools package SNAP exports)");
                }
                Long snap = snapClasses.get(name);
                if (snap == null) continue;
                // bound to native code by class name (JNA's natives; DJL's PyTorch JNI library binds
                // org.slf4j.Logger), so kept unrelocated at SNAP's very version
                boolean identicalNativeBound = (name.startsWith("com/sun/jna/") || name.startsWith("org/slf4j/"))
                        && snap.equals(c.getValue());
                if (!identicalNativeBound) {
                    clashes.add(name + " in " + jar.getFileName() + " and " + snapOrigin.get(name).getFileName());
                }
            }
        }
        assertTrue(clashes.isEmpty(), clashes.size() + " classes of the installed AI4C plugins are also on SNAP's "
                + "class path (relocate their library under eu.ai4c.shaded in ai4c-engine-shaded): "
                + clashes.stream().limit(20).toList());
    }

    @Test
    void theEngineModuleExportsOnlyItsOwnPackagesAndPacksNoUnrelocatedLibrary() throws Exception {
        Path nbm = Path.of(System.getProperty("ai4c.engine.nbm"));
        try (ZipFile zip = new ZipFile(nbm.toFile());
             java.util.jar.JarInputStream jar = new java.util.jar.JarInputStream(
                     zip.getInputStream(zip.getEntry("netbeans/modules/eu-ai4c-engine.jar")))) {
            java.util.jar.Attributes m = jar.getManifest().getMainAttributes();
            assertEquals("eu.ai4c.engine", m.getValue("OpenIDE-Module"));
            assertEquals("eu.ai4c.**", m.getValue("OpenIDE-Module-Public-Packages").trim(),
                    "the engine must export its own packages only (third-party ones are relocated under eu.ai4c.shaded)");
            // what may stay unrelocated: bound to native code by class name (SLF4J's API), SLF4J's provider
            // for java.util.logging, and Derby (not shipped by SNAP); JNA is the platform's (a module dependency)
            List<String> allowed = List.of("ai4c-engine-shaded.jar", "slf4j-api.jar", "slf4j-jdk14.jar",
                    "derby.jar", "derbyshared.jar", "derbytools.jar");
            assertTrue(m.getValue("OpenIDE-Module-Module-Dependencies").contains("org.netbeans.libs.jna/2"),
                    "the engine must use the platform's JNA module: " + m.getValue("OpenIDE-Module-Module-Dependencies"));
            for (String entry : m.getValue("Class-Path").trim().split("\\s+")) {
                String name = entry.substring(entry.lastIndexOf('/') + 1);
                assertTrue(allowed.contains(name), entry + " is packed unrelocated in " + nbm.getFileName()
                        + "; relocate it in ai4c-engine-shaded (allowed as they are: " + allowed + ")");
            }
        }
    }

    @Test
    void everyOperatorRunsThroughItsAdapterOnTheFlatClassPath() throws Exception {
        List<String> path = new ArrayList<>();
        snapJars.forEach(j -> path.add(j.toAbsolutePath().toString()));
        // SNAP's own classes: the stand-ins (test classes), the API stubs they complete, and the unrelocated
        // referencing library the GeoTools stand-in answers with
        path.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("snap-api-stubs") || name.startsWith("sis-") || name.startsWith("geoapi-")
                    || name.startsWith("jakarta.xml.bind") || name.startsWith("jakarta.activation-api")) {
                path.add(entry);
            }
        }
        ai4cJars.forEach(j -> path.add(j.toAbsolutePath().toString()));
        Path log = GPT.resolve("flat-run.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dderby.stream.error.field=eu.ai4c.kit.geo.Projections.DATABASE_LOG",
                "-cp", String.join(File.pathSeparator, path), FlatClassPathRun.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("The flat class path run did not end within 10 minutes; see " + log);
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), "The operators failed on the flat class path (log " + log + "):\n" + out);
        List<String> expected = Adapters.serviceLines().stream()
                .map(l -> "OK " + Adapters.alias(classOf(l.replace("$Spi", "")))).toList();
        for (String ok : expected) {
            assertTrue(Arrays.stream(out.split("\n")).anyMatch(l -> l.startsWith(ok + " ")), ok + " missing in:\n" + out);
        }
    }

    private static Class<?> classOf(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is in the services file but not compiled", e);
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Class entries of a jar (no module descriptors or per-release copies) with their CRC-32. */
    private static Map<String, Long> classes(Path jar) throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String n = entry.getName();
                if (n.endsWith(".class") && !n.endsWith("module-info.class") && !n.startsWith("META-INF/")) {
                    out.put(n, entry.getCrc());
                }
            }
        }
        return out;
    }
}
