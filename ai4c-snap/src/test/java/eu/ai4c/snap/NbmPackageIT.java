package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The {@code .nbm} built in the package phase (run by failsafe in {@code mvn verify}): a SNAP
 * plugin whose module jar declares the SNAP module dependencies and the layer, carries the
 * adapters, GPF services, layer and graphs but no SNAP classes, and uses the engine through a
 * module dependency on the shared library-wrapper module {@code eu.ai4c.engine} (one copy of the
 * engine per installation, also used by AI4C Desktop) instead of packing it.
 */
class NbmPackageIT {
    static final String CNB = "eu.ai4c.ai4c.snap";
    static final String MODULE_JAR = "netbeans/modules/eu-ai4c-ai4c-snap.jar";
    /** Where the NetBeans annotation processor registers an {@code @OnStart} runnable. */
    static final String ON_START = "META-INF/namedservices/Modules/Start/java.lang.Runnable";

    static Path nbm() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> nbms = s.filter(p -> p.toString().endsWith(".nbm")).toList();
            assertEquals(1, nbms.size(), "one .nbm in target/: " + nbms);
            return nbms.get(0);
        }
    }

    static byte[] entry(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        assertNotNull(e, name + " missing from " + zip.getName());
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    @Test
    void moduleManifestDeclaresSnapDependenciesAndLayer() throws Exception {
        try (ZipFile zip = new ZipFile(nbm().toFile());
             JarInputStream jar = new JarInputStream(new ByteArrayInputStream(entry(zip, MODULE_JAR)))) {
            Attributes m = jar.getManifest().getMainAttributes();
            assertEquals(CNB, m.getValue("OpenIDE-Module"));
            assertEquals("eu/ai4c/snap/layer.xml", m.getValue("OpenIDE-Module-Layer"));
            String deps = m.getValue("OpenIDE-Module-Module-Dependencies");
            assertNotNull(deps, "OpenIDE-Module-Module-Dependencies");
            List<String> names = Arrays.stream(deps.split(",")).map(d -> d.trim().split("[ >=]")[0]).toList();
            for (String cnb : new String[] {"org.esa.snap.snap.core", "org.esa.snap.snap.gpf", "org.esa.snap.snap.gpf.ui"}) {
                assertTrue(names.contains(cnb), "module dependency on " + cnb + " in " + deps);
            }
            assertNotNull(m.getValue("OpenIDE-Module-Specification-Version"));
            // the engine is a module dependency on the shared library-wrapper module, not a second copy
            assertTrue(names.contains("eu.ai4c.engine"), "module dependency on eu.ai4c.engine in " + deps);
            String cp = m.getValue("Class-Path");
            List<String> classPath = cp == null ? List.of() : Arrays.asList(cp.trim().split("\\s+"));
            List<String> entries = new ArrayList<>();
            String startRegistration = null;
            for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                entries.add(e.getName());
                if (e.getName().equals(ON_START)) startRegistration = new String(jar.readAllBytes(), StandardCharsets.UTF_8);
            }
            // the graphs are installed for the Graph Builder at module start (@OnStart registration)
            assertNotNull(startRegistration, ON_START + " missing: GraphInstaller is not run at module start");
            assertTrue(startRegistration.contains(GraphInstaller.OnModuleStart.class.getName()), startRegistration);
            assertTrue(names.contains("org.openide.modules"), "module dependency on org.openide.modules in " + deps);
            assertFalse(classPath.stream().anyMatch(c -> c.contains("org-openide")), "NetBeans modules packed: " + classPath);
            assertTrue(entries.contains("eu/ai4c/snap/layer.xml"));
            assertTrue(entries.contains("eu/ai4c/snap/helpset.xml"));
            assertTrue(entries.contains(Adapters.SERVICES));
            assertTrue(entries.contains("eu/ai4c/snap/graphs/S1-GRD-Preprocess.xml"));
            assertTrue(entries.contains("eu/ai4c/snap/op/Ai4cWarpOp.class"));
            assertFalse(entries.stream().anyMatch(e -> e.startsWith("org/esa/") || e.startsWith("com/bc/")
                    || e.startsWith("org/geotools/")), "SNAP API stubs must not be packaged");
            // every Class-Path entry is in the .nbm; no engine or third-party engine jar is among them
            for (String c : classPath) assertNotNull(zip.getEntry("netbeans/modules/" + c), c + " not in the .nbm");
            for (String engine : new String[] {"ai4c-kit", "ai4c-s1-ops", "ai4c-s2-ops", "sis-referencing", "geoapi", "jts-core", "api-0"}) {
                assertFalse(classPath.stream().anyMatch(c -> c.contains(engine)), engine + " packed again: " + classPath);
                assertFalse(zip.stream().anyMatch(e -> e.getName().contains("/" + engine)), engine + " in the .nbm");
            }
            assertFalse(classPath.stream().anyMatch(c -> c.contains("snap-api-stubs")), "stubs on the Class-Path");
        }
    }

    @Test
    void autoUpdateInfoNamesTheModuleAndItsDependencies() throws Exception {
        try (ZipFile zip = new ZipFile(nbm().toFile())) {
            Element module = LayerAndHelpTest.parse(new ByteArrayInputStream(entry(zip, "Info/info.xml"))).getDocumentElement();
            assertEquals(CNB, module.getAttribute("codenamebase"));
            Element manifest = (Element) module.getElementsByTagName("manifest").item(0);
            assertTrue(manifest.getAttribute("OpenIDE-Module-Module-Dependencies").contains("org.esa.snap.snap.gpf"));
            assertNotNull(zip.getEntry("netbeans/modules/docs/eu-ai4c-ai4c-snap.jar"), "JavaHelp jar");
            Manifest help = new JarInputStream(new ByteArrayInputStream(
                    entry(zip, "netbeans/modules/docs/eu-ai4c-ai4c-snap.jar"))).getManifest();
            assertTrue(help == null || help.getMainAttributes() != null);
        }
    }

    @Test
    void helpJarHoldsTheHelpSetAndPages() throws Exception {
        try (ZipFile zip = new ZipFile(nbm().toFile());
             JarInputStream jar = new JarInputStream(new ByteArrayInputStream(entry(zip, "netbeans/modules/docs/eu-ai4c-ai4c-snap.jar")))) {
            List<String> entries = new ArrayList<>();
            for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) entries.add(e.getName());
            String docs = "eu/ai4c/ai4c/snap/docs/";
            for (String f : new String[] {"help.hs", "map.jhm", "toc.xml", "AI4C-Warp.html", "AI4C-S1-GRD-Preprocess.html"}) {
                assertTrue(entries.contains(docs + f), f + " not in the help jar: " + entries);
            }
            assertTrue(entries.stream().anyMatch(e -> e.startsWith(docs + "JavaHelpSearch/")), "search index");
        }
    }
}
