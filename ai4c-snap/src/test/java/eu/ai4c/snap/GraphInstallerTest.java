package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.snap.GraphInstaller.Outcome;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.esa.snap.core.util.SystemUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ready-made graphs land where SNAP's Graph Builder lists them ({@code <user dir>/graphs/AI4C},
 * snap-graph-builder 13.0.2 {@code GraphsMenu}: {@code ResourceUtils.getGraphFolder("")} and its
 * sub-folders), and a graph the user edited there survives every start and update.
 */
class GraphInstallerTest {
    @TempDir
    Path dir;

    @Test
    void moduleStartInstallsEveryGraphIntoTheAi4cFolderOfTheUserGraphs() throws Exception {
        SystemUtils.applicationDataDir = dir.toFile();
        new GraphInstaller.OnModuleStart().run();
        Path folder = dir.resolve("graphs").resolve("AI4C");
        List<Path> shipped = GraphXmlTest.graphs();
        assertTrue(shipped.size() >= 5, "graphs: " + shipped);
        for (Path graph : shipped) {
            Path installed = folder.resolve(graph.getFileName().toString());
            assertTrue(Files.exists(installed), installed + " not installed");
            assertArrayEquals(Files.readAllBytes(graph), Files.readAllBytes(installed), installed.toString());
        }
        try (var s = Files.list(folder)) {
            assertEquals(shipped.size(), s.filter(p -> p.toString().endsWith(".xml")).count(), "only the shipped graphs");
        }
    }

    @Test
    void userEditsAreKeptAndUntouchedCopiesFollowTheModule() throws Exception {
        Path folder = dir.resolve("AI4C");
        Map<String, byte[]> v1 = graphs("<graph id=\"a\"/>", "<graph id=\"b\"/>");
        assertEquals(Map.of("A.xml", Outcome.ADDED, "B.xml", Outcome.ADDED), GraphInstaller.install(folder, v1));
        assertEquals(Map.of("A.xml", Outcome.UNCHANGED, "B.xml", Outcome.UNCHANGED), GraphInstaller.install(folder, v1));

        byte[] edited = "<graph id=\"a\"><!-- my DEM --></graph>".getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve("A.xml"), edited);
        Map<String, byte[]> v2 = graphs("<graph id=\"a2\"/>", "<graph id=\"b2\"/>");
        assertEquals(Map.of("A.xml", Outcome.KEPT_USER_EDIT, "B.xml", Outcome.UPDATED), GraphInstaller.install(folder, v2));
        assertArrayEquals(edited, Files.readAllBytes(folder.resolve("A.xml")), "the user's edit is kept");
        assertArrayEquals(v2.get("B.xml"), Files.readAllBytes(folder.resolve("B.xml")), "untouched copy updated");
        // still kept at the next start, and a user file of the same name that we never wrote is kept too
        assertEquals(Outcome.KEPT_USER_EDIT, GraphInstaller.install(folder, v2).get("A.xml"));
        Files.writeString(folder.resolve("C.xml"), "<graph id=\"mine\"/>");
        Map<String, byte[]> v3 = new LinkedHashMap<>(v2);
        v3.put("C.xml", "<graph id=\"c\"/>".getBytes(StandardCharsets.UTF_8));
        assertEquals(Outcome.KEPT_USER_EDIT, GraphInstaller.install(folder, v3).get("C.xml"));
        assertEquals("<graph id=\"mine\"/>", Files.readString(folder.resolve("C.xml")));
        // a deleted graph comes back
        Files.delete(folder.resolve("B.xml"));
        assertEquals(Outcome.ADDED, GraphInstaller.install(folder, v3).get("B.xml"));
    }

    /** Inside SNAP the module is a jar: the graphs are listed from its entries, sub-folders excluded. */
    @Test
    void graphsAreListedFromTheModuleJar() throws Exception {
        Path jar = dir.resolve("eu-ai4c-ai4c-snap.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"eu/ai4c/snap/GraphInstaller.class", "eu/ai4c/snap/graphs/",
                    "eu/ai4c/snap/graphs/Z.xml", "eu/ai4c/snap/graphs/A.xml", "eu/ai4c/snap/graphs/old/B.xml",
                    "eu/ai4c/snap/graphs/readme.txt", "eu/ai4c/snap/layer.xml"}) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        URL classInJar = new URL("jar:" + jar.toUri() + "!/eu/ai4c/snap/GraphInstaller.class");
        assertEquals(List.of("A.xml", "Z.xml"), GraphInstaller.graphNames(classInJar));
        assertEquals(GraphXmlTest.graphs().stream().map(p -> p.getFileName().toString()).toList(),
                GraphInstaller.graphNames(GraphInstaller.class.getResource("GraphInstaller.class")), "classes folder");
    }

    private static Map<String, byte[]> graphs(String a, String b) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("A.xml", a.getBytes(StandardCharsets.UTF_8));
        m.put("B.xml", b.getBytes(StandardCharsets.UTF_8));
        return m;
    }
}
