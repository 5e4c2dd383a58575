package eu.ai4c.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs at a Hadoop FileSystem URI, without an HDFS: the scheme {@code ai4ctest} is a
 * {@link CountingFileSystem} (a local folder behind Hadoop's API that counts creates, renames and
 * opens). A {@code local[2]} batch writes three jobs to {@code ai4ctest://…} (two {@code output_path},
 * one {@code output_dir}) and one bad job: the files at the target equal, byte for byte, what the same
 * command lines write alone to a local folder, every one of them was created and renamed through
 * Hadoop, no temporary or staging file is left, the bad row leaves nothing, the collection's item
 * links and the items' asset links resolve through Hadoop; a rerun skips all three by reading the
 * items through Hadoop and writes nothing. Inputs at Hadoop URIs are refused with the row named.
 */
class HadoopOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = CountingFileSystem.SCHEME + ":///out";
    @TempDir
    Path dir;

    @Test
    void outputsGoThroughHadoopFileSystemAndResume() throws Exception {
        Path image = BatchTest.utmImage(Files.createDirectories(dir.resolve("in"))
                .resolve("S1A_IW_GRDH_1SDV_20210613T052511_20210613T052536_038336_048610_5C3D_sigma0.tif"));
        List<Map<String, String>> rows = List.of(
                Map.of("service", "Warp", "input", image.toString(), "output_path", TARGET + "/warp.tif"),
                Map.of("service", "Speckle-Filter", "source", image.toString(), "output_path", TARGET + "/lee.tif", "filter", "Lee"),
                Map.of("service", "Warp", "input", image.toString(), "output_dir", TARGET + "/utm32", "resolution", "30",
                        "projection", "EPSG:32632"),
                Map.of("service", "Warp", "input", image.toString(), "output_path", TARGET + "/bad.tif", "resolution", "-5"));
        List<String> columns = List.of("service", "input", "source", "output_path", "output_dir", "filter", "resolution", "projection");
        StringBuilder csv = new StringBuilder(String.join(",", columns) + "\n");
        for (Map<String, String> r : rows) {
            csv.append(String.join(",", columns.stream().map(c -> ResultsTable.cell(r.getOrDefault(c, ""))).toList())).append('\n');
        }
        Path manifest = Files.writeString(dir.resolve("jobs.csv"), csv);

        // the reference: the same command lines, alone, writing to a local folder
        Path single = Files.createDirectories(dir.resolve("single"));
        List<String> referenceErrors = new ArrayList<>();
        for (Map<String, String> r : rows) {
            List<String> args = new ArrayList<>(List.of(r.get("service")));
            for (String c : columns.subList(1, columns.size())) {
                if (r.containsKey(c)) args.add("--" + c + "=" + r.get(c).replace(TARGET, single.toString()));
            }
            args.add("--quiet");
            StringWriter o = new StringWriter(), e = new StringWriter();
            Main.run(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true));
            referenceErrors.add(e.toString().strip());
        }

        Path root = Files.createDirectories(dir.resolve("hadoop-root"));
        Path localDir = Files.createDirectories(dir.resolve("spark-local"));
        Path results = dir.resolve("results.csv");
        CountingFileSystem.reset();
        Batch first = batch(manifest, results, root, localDir);
        assertEquals(1, first.exit(), first.toString());
        List<JobRow> table = JobManifest.read(results);
        for (int i = 0; i < 3; i++) {
            assertEquals("succeeded", table.get(i).options().get("status"), table.get(i).toString());
            assertTrue(table.get(i).options().get("output").startsWith("ai4ctest:/out/"), table.get(i).toString());
        }
        assertEquals("failed", table.get(3).options().get("status"));
        assertTrue(referenceErrors.get(3).startsWith("Error:") && referenceErrors.get(3).contains("resolution"), referenceErrors.get(3));
        assertEquals(referenceErrors.get(3).replace(single.toString(), "ai4ctest:/out"), table.get(3).options().get("error"));

        // what is at the target: the reference's files, the same bytes, and nothing else (no temporary, nothing of the bad row)
        Path out = root.resolve("out");
        Map<String, Path> written = files(out), reference = files(single);
        assertEquals(reference.keySet(), written.keySet());
        assertEquals(6, written.size(), written.keySet().toString());
        for (Map.Entry<String, Path> e : reference.entrySet()) {
            if (e.getKey().endsWith(".json")) {
                assertEquals(timeless(e.getValue()), timeless(written.get(e.getKey())), e.getKey());
            } else {
                assertArrayEquals(Files.readAllBytes(e.getValue()), Files.readAllBytes(written.get(e.getKey())), e.getKey());
            }
        }
        assertEquals(written.size(), CountingFileSystem.CREATES.get(), "every file created through Hadoop");
        assertEquals(written.size(), CountingFileSystem.RENAMES.get(), "every file renamed into place through Hadoop");
        try (Stream<Path> s = Files.list(localDir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("ai4c-staging")).toList(), "staging deleted");
        }

        // the collection links each item by its Hadoop URI; each item's assets resolve beside it
        FileSystem fs = FileSystem.get(URI.create(TARGET), hadoop(root));
        JsonNode collection = JSON.readTree(dir.resolve("results_collection.json").toFile());
        List<String> items = new ArrayList<>();
        for (JsonNode l : collection.get("links")) {
            if (l.get("rel").asText().equals("item")) items.add(l.get("href").asText());
        }
        assertEquals(3, items.size(), items.toString());
        for (String href : items) {
            assertTrue(href.startsWith("ai4ctest:/out/"), href);
            org.apache.hadoop.fs.Path item = new org.apache.hadoop.fs.Path(href);
            JsonNode it;
            try (InputStream in = fs.open(item)) {
                it = JSON.readTree(in);
            }
            assertTrue(it.get("assets").size() > 0, href);
            for (JsonNode a : it.get("assets")) {
                org.apache.hadoop.fs.Path asset = new org.apache.hadoop.fs.Path(item.getParent(), a.get("href").asText().substring(2));
                assertTrue(fs.getFileStatus(asset).isFile(), asset.toString());
            }
        }

        // rerun: every good job is found done through Hadoop and skipped, nothing is written
        Map<String, FileTime> stamps = new TreeMap<>();
        for (Map.Entry<String, Path> e : written.entrySet()) stamps.put(e.getKey(), Files.getLastModifiedTime(e.getValue()));
        CountingFileSystem.reset();
        Batch again = batch(manifest, results, root, localDir);
        assertEquals(1, again.exit(), again.toString());
        List<JobRow> second = JobManifest.read(results);
        for (int i = 0; i < 3; i++) {
            assertEquals("skipped", second.get(i).options().get("status"), second.get(i).toString());
            assertEquals(table.get(i).options().get("output"), second.get(i).options().get("output"));
        }
        assertEquals(0, CountingFileSystem.CREATES.get());
        assertEquals(0, CountingFileSystem.RENAMES.get());
        assertTrue(CountingFileSystem.OPENS.get() >= 3, "items read through Hadoop: " + CountingFileSystem.OPENS.get());
        for (Map.Entry<String, Path> e : files(out).entrySet()) assertEquals(stamps.get(e.getKey()), Files.getLastModifiedTime(e.getValue()));
    }

    @Test
    void inputsAtHadoopUrisAreRefusedNamingTheRow() throws Exception {
        Path manifest = Files.writeString(dir.resolve("jobs.csv"), "service,input,output_path\n"
                + "Warp," + dir.resolve("a.tif") + ",ai4ctest:///out/a.tif\n"
                + "Warp,hdfs://namenode:8020/data/b.tif," + dir.resolve("b.tif") + "\n");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = BatchMain.run(new String[] {"--manifest", manifest.toString(), "--master", "local[1]"},
                new PrintWriter(o, true), new PrintWriter(e, true));
        assertEquals(2, code, e.toString());
        assertTrue(e.toString().contains("row 2 (Warp): 'input' is hdfs://namenode:8020/data/b.tif, a Hadoop FileSystem URI"), e.toString());
        assertTrue(e.toString().contains("Give a path that every executor mounts"), e.toString());
        assertFalse(Files.exists(dir.resolve("jobs_results.csv")), "nothing ran");
    }

    private record Batch(int exit, String out, String err) {
    }

    private static Batch batch(Path manifest, Path results, Path root, Path localDir) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = BatchMain.run(new String[] {"--manifest", manifest.toString(), "--master", "local[2]", "--results", results.toString(),
                "--conf", "spark.hadoop.fs.ai4ctest.impl=" + CountingFileSystem.class.getName(),
                "--conf", "spark.hadoop.fs.ai4ctest.root=" + root,
                "--conf", "spark.hadoop.fs.ai4ctest.impl.disable.cache=true",
                "--conf", "spark.local.dir=" + localDir}, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Batch(code, o.toString(), e.toString());
    }

    private static Configuration hadoop(Path root) {
        Configuration c = new Configuration();
        c.set("fs.ai4ctest.impl", CountingFileSystem.class.getName());
        c.set("fs.ai4ctest.root", root.toString());
        c.set("fs.ai4ctest.impl.disable.cache", "true");
        return c;
    }

    /** Every file under {@code folder} (hidden ones too) by its relative path. */
    private static Map<String, Path> files(Path folder) throws IOException {
        Map<String, Path> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(folder.relativize(p).toString(), p);
        }
        return m;
    }

    /** A STAC item without the times of its run (when it was made is all that differs between two runs). */
    private static JsonNode timeless(Path item) throws IOException {
        ObjectNode it = (ObjectNode) JSON.readTree(item.toFile());
        ObjectNode props = (ObjectNode) it.get("properties");
        if (props.path("datetime").asText().equals(props.path("created").asText())) props.remove("datetime");
        for (String k : List.of("created", "processing:datetime")) props.remove(k);
        return it;
    }
}
