package eu.ai4c.snapbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import junit.framework.TestResult;
import org.junit.jupiter.api.Test;

/**
 * The harness sees the failure it exists for. The engine module is turned back into what it was
 * before its libraries were relocated, in one respect: it packs GeoAPI 3.0.2 and exports
 * {@code org.opengis.**} beside SNAP's core module, which exports GeoTools' {@code org.opengis}.
 * The SNAP binding then sees that package from two modules, and the same checks as
 * {@link SnapModuleSystemIT} must fail with NetBeans' "Will not load class … arbitrarily" rule
 * (its own JVM: a module system starts once per JVM).
 */
class ForeignLibraryClashIT {

    @Test
    void anEngineExportingOrgOpengisIsRefusedInsideSnap() throws Exception {
        Path clusters = SnapBox.assembleFromBuild();
        Path engine = clusters.resolve("ai4c/modules/eu-ai4c-engine.jar");
        Path geoapi;
        try (var jars = Files.list(clusters.resolve("snap/modules/ext/org.esa.snap.snap.core"))) {
            geoapi = jars.filter(p -> p.getFileName().toString().startsWith("geoapi-")).findFirst().orElseThrow();
        }
        Path ext = Files.createDirectories(clusters.resolve("ai4c/modules/ext/eu.ai4c.engine/org-opengis"));
        Files.copy(geoapi, ext.resolve("geoapi.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        exportAlso(engine, "org.opengis.**", "ext/eu.ai4c.engine/org-opengis/geoapi.jar");

        TestResult result = SnapBox.runInside(clusters, InsideSnap.class);
        String failures = SnapBox.failures(result);
        assertFalse(result.wasSuccessful(), "A second org.opengis exported to the SNAP binding went unnoticed");
        assertTrue(failures.contains("arbitrarily") && failures.contains("org.opengis"),
                "The run failed, but not on the doubly exported org.opengis:" + failures);
    }

    /** Rewrites a module jar's manifest with one more public package and one more Class-Path entry. */
    private static void exportAlso(Path jar, String publicPackage, String classPathEntry) throws Exception {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".new");
        try (InputStream in = Files.newInputStream(jar); JarInputStream src = new JarInputStream(in)) {
            Manifest mf = new Manifest(src.getManifest());
            Attributes a = mf.getMainAttributes();
            a.putValue("OpenIDE-Module-Public-Packages", a.getValue("OpenIDE-Module-Public-Packages") + ", " + publicPackage);
            a.putValue("Class-Path", a.getValue("Class-Path") + " " + classPathEntry);
            try (OutputStream out = Files.newOutputStream(rewritten); JarOutputStream dst = new JarOutputStream(out, mf)) {
                for (JarEntry e; (e = src.getNextJarEntry()) != null; ) {
                    dst.putNextEntry(new JarEntry(e.getName()));
                    src.transferTo(dst);
                    dst.closeEntry();
                }
            }
        }
        Files.move(rewritten, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
