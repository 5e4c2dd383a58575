package eu.ai4c.snapbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import junit.framework.TestFailure;
import junit.framework.TestResult;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.netbeans.junit.NbModuleSuite;
import org.netbeans.junit.NbTestCase;

/**
 * Lays out a SNAP-like installation for the module-system test, as clusters beside each other:
 * <ul>
 *   <li>{@code platform}: the NetBeans platform RELEASE210 cluster of the AI4C Desktop build;</li>
 *   <li>{@code snap}: stand-in modules under SNAP's code-name-bases ({@code org.esa.snap.ceres.core},
 *       {@code org.esa.snap.snap.core}, {@code org.esa.snap.snap.gpf}, {@code org.esa.snap.snap.gpf.ui})
 *       exporting what SNAP 13.0.2's modules export, with SNAP's third-party jars at SNAP's versions;</li>
 *   <li>{@code ai4c}: the built {@code .nbm} files unpacked as the plugin manager installs them
 *       (their {@code netbeans/} folder).</li>
 * </ul>
 */
final class SnapBox {
    /** The third-party packages snap-core 13.0.2 exports (snap13-modules.md), as NetBeans patterns. */
    private static final List<String> SNAP_CORE_EXPORTS = List.of("com.fasterxml.jackson.**", "javax.measure.**",
            "org.geotools.**", "org.opengis.**", "org.locationtech.jts.**", "org.apache.**", "com.google.common.**",
            "org.esa.snap.core.**", "org.esa.snap.runtime.**", "org.esa.snap.dataio.**");
    private static final List<String> CERES_CORE_EXPORTS = List.of("org.apache.commons.lang3.**",
            "org.apache.commons.logging.**", "org.apache.commons.math3.**", "org.slf4j.**", "com.bc.ceres.core.*",
            "com.bc.ceres.core.runtime.*", "com.bc.ceres.util.*");

    private SnapBox() {
    }

    /**
     * Builds the clusters from what Maven put into {@code ai4c.box.dir} (the {@code .nbm} files, the
     * platform, SNAP's third-party jars) and the stand-in classes in {@code ai4c.box.standins}.
     */
    static Path assembleFromBuild() throws Exception {
        Path box = Path.of(System.getProperty("ai4c.box.dir"));
        Path standIns = Path.of(System.getProperty("ai4c.box.standins"));
        Path stubs = Path.of(Parameter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return assemble(box, standIns, stubs);
    }

    /**
     * Starts the NetBeans module system on the clusters in this JVM (headless, no GUI) with every
     * module of the {@code snap} and {@code ai4c} clusters enabled, and runs the checks class inside
     * it. Any warning or exception the platform logs fails the run: a package that two modules both
     * export to a module is logged as "Will not load class … arbitrarily". Once per JVM.
     */
    static TestResult runInside(Path clusters, Class<? extends NbTestCase> checks) throws Exception {
        Path box = clusters.getParent();
        Files.createDirectories(box.resolve("snap-user"));
        System.setProperty("all.clusters", clusters.toString());
        System.setProperty("ai4c.box.work", Files.createDirectories(box.resolve("work")).toString());
        junit.framework.Test suite = NbModuleSuite.createConfiguration(checks)
                .clusters("snap|ai4c")
                .enableModules("snap|ai4c", ".*")
                .enableClasspathModules(false)
                .honorAutoloadEager(true)
                .gui(false)
                .failOnMessage(Level.WARNING)
                .failOnException(Level.INFO)
                .suite();
        return junit.textui.TestRunner.run(suite);
    }

    /** The failures and errors of a run, each with its trace. */
    static String failures(TestResult result) {
        StringBuilder s = new StringBuilder();
        for (TestFailure f : Collections.list(result.failures())) s.append('\n').append(f.trace());
        for (TestFailure f : Collections.list(result.errors())) s.append('\n').append(f.trace());
        return s.toString();
    }

    /** Builds {@code <box>/clusters} afresh from {@code <box>/input} and {@code <box>/ext}; returns it. */
    static Path assemble(Path box, Path standInClasses, Path stubsJar) throws IOException {
        Path clusters = box.resolve("clusters");
        delete(clusters);
        unzip(box.resolve("input/ai4c-desktop-app.zip"), "ai4cdesktop/platform/", clusters.resolve("platform"));
        Path snap = clusters.resolve("snap");
        List<StandInModule> modules = List.of(
                new StandInModule("org.esa.snap.ceres.core", n -> n.startsWith("com/bc/ceres/core/"),
                        CERES_CORE_EXPORTS, List.of(), box.resolve("ext/ceres-core")),
                new StandInModule("org.esa.snap.snap.core", n -> n.startsWith("org/esa/snap/core/")
                        && !n.startsWith("org/esa/snap/core/gpf/") || n.startsWith("org/geotools/")
                        || n.startsWith("org/opengis/"), SNAP_CORE_EXPORTS,
                        List.of("org.esa.snap.ceres.core > 13.0.0"), box.resolve("ext/snap-core")),
                new StandInModule("org.esa.snap.snap.gpf", n -> n.startsWith("org/esa/snap/core/gpf/")
                        && !n.startsWith("org/esa/snap/core/gpf/ui/") || n.startsWith("com/bc/ceres/binding/"),
                        List.of("org.esa.snap.core.gpf.**"),
                        List.of("org.esa.snap.ceres.core > 13.0.0", "org.esa.snap.snap.core > 13.0.0"), null),
                new StandInModule("org.esa.snap.snap.gpf.ui", n -> n.startsWith("org/esa/snap/core/gpf/ui/"),
                        List.of("org.esa.snap.core.gpf.ui.*"),
                        List.of("org.esa.snap.snap.core > 13.0.0", "org.esa.snap.snap.gpf > 13.0.0"), null),
                // the Optical Toolbox's Sentinel-2 reader: the only SNAP 13.0.2 module with sqlite-jdbc
                // (3.42.0.0, a private library: its public packages are eu.esa.opt.dataio.s2.* and org.apache.commons.*)
                new StandInModule("eu.esa.opt.opttbx.s2msi.reader", n -> false,
                        List.of("eu.esa.opt.dataio.s2.*", "org.apache.commons.*"),
                        List.of("org.esa.snap.snap.core > 13.0.0"), box.resolve("ext/opttbx-s2msi-reader")));
        for (StandInModule m : modules) m.writeInto(snap, standInClasses, stubsJar);
        try (Stream<Path> nbms = Files.list(box.resolve("input"))) {
            for (Path nbm : nbms.filter(p -> p.toString().endsWith(".nbm")).sorted().toList()) {
                unzip(nbm, "netbeans/", clusters.resolve("ai4c"));
            }
        }
        return clusters;
    }

    /** Extracts the entries under {@code prefix} into {@code target}, without the prefix. */
    static void unzip(Path zip, String prefix, Path target) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                if (e.isDirectory() || !e.getName().startsWith(prefix)) continue;
                Path out = target.resolve(e.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(target)) throw new IOException(zip + ": entry outside its folder: " + e.getName());
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, out);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
