package eu.ai4c.snapbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One stand-in SNAP module: a NetBeans module jar under one of SNAP 13.0.2's code-name-bases, with
 * the public packages SNAP's module declares ({@code snap13-modules.md}), its module dependencies,
 * and third-party jars on its {@code Class-Path} in {@code modules/ext/<cnb>/}, as nbm-maven-plugin
 * lays them out. Its classes are the stand-in SNAP classes (and, where none stands in, the API
 * stubs) whose resource path the filter accepts.
 */
record StandInModule(String codeNameBase, Predicate<String> classes, List<String> publicPackages,
                     List<String> dependencies, Path extFolder) {

    /** Writes {@code modules/<cnb-with-dashes>.jar}, its ext jars and {@code config/Modules/<cnb>.xml} into the cluster. */
    void writeInto(Path cluster, Path standInClasses, Path stubsJar) throws IOException {
        String file = codeNameBase.replace('.', '-');
        Path modules = Files.createDirectories(cluster.resolve("modules"));
        List<String> classPath = new ArrayList<>();
        if (extFolder != null) {
            Path ext = Files.createDirectories(modules.resolve("ext").resolve(codeNameBase));
            try (Stream<Path> jars = Files.list(extFolder)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    Files.copy(jar, ext.resolve(jar.getFileName()));
                    classPath.add("ext/" + codeNameBase + "/" + jar.getFileName());
                }
            }
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("OpenIDE-Module", codeNameBase);
        a.putValue("OpenIDE-Module-Specification-Version", "13.0.2");
        a.putValue("OpenIDE-Module-Implementation-Version", "13.0.2-standin");
        a.putValue("OpenIDE-Module-Java-Dependencies", "Java > 17");
        if (!publicPackages.isEmpty()) a.putValue("OpenIDE-Module-Public-Packages", String.join(", ", publicPackages));
        if (!dependencies.isEmpty()) a.putValue("OpenIDE-Module-Module-Dependencies", String.join(", ", dependencies));
        if (!classPath.isEmpty()) a.putValue("Class-Path", String.join(" ", classPath));
        Set<String> written = new TreeSet<>();
        try (OutputStream out = Files.newOutputStream(modules.resolve(file + ".jar"));
             JarOutputStream jar = new JarOutputStream(out, mf)) {
            // stand-ins first: they take the place of the stubs of the same name
            try (Stream<Path> all = Files.walk(standInClasses)) {
                for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                    String name = standInClasses.relativize(p).toString().replace('\\', '/');
                    if (classes.test(name) && written.add(name)) {
                        jar.putNextEntry(new JarEntry(name));
                        Files.copy(p, jar);
                        jar.closeEntry();
                    }
                }
            }
            try (ZipFile stubs = new ZipFile(stubsJar.toFile())) {
                for (ZipEntry e : stubs.stream().filter(e -> !e.isDirectory()).toList()) {
                    if (classes.test(e.getName()) && written.add(e.getName())) {
                        jar.putNextEntry(new JarEntry(e.getName()));
                        try (InputStream in = stubs.getInputStream(e)) {
                            in.transferTo(jar);
                        }
                        jar.closeEntry();
                    }
                }
            }
        }
        Path config = Files.createDirectories(cluster.resolve("config").resolve("Modules"));
        Files.writeString(config.resolve(file + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE module PUBLIC "-//NetBeans//DTD Module Status 1.0//EN"
                                        "http://www.netbeans.org/dtds/module-status-1_0.dtd">
                <module name="%s">
                    <param name="autoload">false</param>
                    <param name="eager">false</param>
                    <param name="enabled">true</param>
                    <param name="jar">modules/%s.jar</param>
                    <param name="reloadable">false</param>
                </module>
                """.formatted(codeNameBase, file));
    }
}
