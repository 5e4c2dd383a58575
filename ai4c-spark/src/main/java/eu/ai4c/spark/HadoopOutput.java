package eu.ai4c.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.stac.StacItems;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The output of a job at a Hadoop FileSystem URI ({@code hdfs://namenode/out},
 * {@code s3a://bucket/out}) rather than a local path. The services write with {@code java.nio}, so
 * such a job runs into a local staging folder on its executor ({@link #stagingFolder}); then
 * {@link #publish} copies each file to the target through Hadoop's {@link FileSystem}: written
 * under a hidden temporary name beside its target, then renamed into place, the STAC items last
 * (an item is what marks a job done, so a job interrupted while copying is not taken as done).
 * {@link #findDone} is the resume check of {@code StacItems.findDone} read through the same API.
 * Not thread-safe; one instance per job.
 */
final class HadoopOutput {
    /**
     * A URI with a scheme of two or more letters and an absolute path ({@code hdfs://nn/x}, or
     * {@code hdfs:/x} as Hadoop prints paths without authority); {@code C:\…}, {@code C:/…} and plain paths are not.
     */
    private static final Pattern URI = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):/.*");
    private static final String SPARK_HADOOP = "spark.hadoop.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    /** The folder the files go to: {@code output_dir}, or the parent of {@code output_path}. */
    private final org.apache.hadoop.fs.Path folder;
    /** The {@code output_path} file, or null for a folder. */
    private final org.apache.hadoop.fs.Path file;

    private HadoopOutput(FileSystem fs, org.apache.hadoop.fs.Path folder, org.apache.hadoop.fs.Path file) {
        this.fs = fs;
        this.folder = folder;
        this.file = file;
    }

    /** True when {@code location} is a URI of a scheme other than {@code file} (a Hadoop FileSystem's). */
    static boolean isHadoopUri(String location) {
        Matcher m = URI.matcher(location);
        return m.matches() && !m.group(1).toLowerCase(Locale.ROOT).equals("file");
    }

    /**
     * The output {@code location} of a job through the Hadoop file system of its scheme.
     *
     * @param folder    whether {@code location} is a folder of outputs ({@code output_dir}) or one file
     * @param sparkConf the batch's Spark settings; {@code spark.hadoop.*} configure the file system
     */
    static HadoopOutput of(String location, boolean folder, Map<String, String> sparkConf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = p.getFileSystem(configuration(sparkConf));
        p = fs.makeQualified(p);
        return folder ? new HadoopOutput(fs, p, null) : new HadoopOutput(fs, p.getParent(), p);
    }

    /** Hadoop's configuration (its {@code core-site.xml} on the class path) with the batch's {@code spark.hadoop.*} settings, as Spark builds it. */
    static Configuration configuration(Map<String, String> sparkConf) {
        Configuration c = new Configuration();
        sparkConf.forEach((k, v) -> {
            if (k.startsWith(SPARK_HADOOP)) c.set(k.substring(SPARK_HADOOP.length()), v);
        });
        return c;
    }

    /**
     * Refuses inputs at Hadoop URIs: every option of every job but its output must be a local (or
     * mounted) path, since the services read with {@code java.nio}.
     *
     * @throws Ai4cException (usage) naming the manifest, row, option and the fix
     */
    static void requireLocalInputs(Path manifest, List<JobRow> jobs) {
        for (JobRow j : jobs) {
            for (Map.Entry<String, String> e : j.options().entrySet()) {
                if (e.getKey().equals(j.outputOption()) || !isHadoopUri(e.getValue())) continue;
                throw Ai4cException.usage("Manifest " + manifest + " row " + j.row() + " (" + j.service() + "): '"
                        + e.getKey() + "' is " + e.getValue() + ", a Hadoop FileSystem URI, but the services read their "
                        + "inputs from local paths. Give a path that every executor mounts (NFS, Lustre, a FUSE mount of "
                        + "the bucket) or copy the input there first; only output_path and output_dir may be Hadoop URIs.");
            }
        }
    }

    /**
     * A new, empty staging folder for one job: under the executor's Spark local folder
     * ({@code SPARK_EXECUTOR_DIRS} of a standalone worker, {@code SPARK_LOCAL_DIRS}, or
     * {@code spark.local.dir}), else {@code java.io.tmpdir}. The caller deletes it ({@link #deleteTree}).
     */
    static Path stagingFolder(Map<String, String> sparkConf, int row) throws IOException {
        String executorDirs = System.getenv("SPARK_EXECUTOR_DIRS"), localDirs = System.getenv("SPARK_LOCAL_DIRS");
        String root;
        if (executorDirs != null && !executorDirs.isBlank()) root = executorDirs.split(java.io.File.pathSeparator)[0];
        else if (localDirs != null && !localDirs.isBlank()) root = localDirs.split(",")[0];
        else if (sparkConf.containsKey("spark.local.dir")) root = sparkConf.get("spark.local.dir").split(",")[0];
        else root = System.getProperty("java.io.tmpdir");
        Files.createDirectories(Path.of(root));
        return Files.createTempDirectory(Path.of(root), "ai4c-staging-row" + row + "-").toAbsolutePath().normalize();
    }

    /** The name of the {@code output_path} file (the staged run writes it under the same name). */
    String fileName() {
        return file.getName();
    }

    /** The target as Hadoop prints it ({@code hdfs://nn/out/x.tif}). */
    String location() {
        return (file != null ? file : folder).toString();
    }

    /**
     * The main asset of a STAC item at the target that records {@code parametersHash} and whose
     * assets all exist, if any: the job is done (see {@code StacItems.findDone}).
     */
    Optional<String> findDone(String parametersHash) throws IOException {
        List<org.apache.hadoop.fs.Path> candidates = new ArrayList<>();
        if (file == null) {
            try {
                for (FileStatus s : fs.listStatus(folder)) {
                    if (s.isFile() && s.getPath().getName().endsWith(".json")) candidates.add(new org.apache.hadoop.fs.Path(folder, s.getPath().getName()));
                }
            } catch (FileNotFoundException none) {
                return Optional.empty();
            }
            candidates.sort(Comparator.comparing(org.apache.hadoop.fs.Path::getName));
        } else {
            candidates.add(new org.apache.hadoop.fs.Path(folder, StacItems.itemFile(Path.of(file.getName())).toString()));
        }
        for (org.apache.hadoop.fs.Path c : candidates) {
            JsonNode item;
            try (InputStream in = fs.open(c)) {
                item = JSON.readTree(in);
            } catch (FileNotFoundException | com.fasterxml.jackson.core.JsonProcessingException notAnItem) {
                continue;
            }
            if (!"Feature".equals(item.path("type").asText())
                    || !parametersHash.equals(item.path("properties").path(StacItems.PARAMETERS_HASH).asText())) {
                continue;
            }
            String main = null;
            boolean whole = item.path("assets").size() > 0;
            for (JsonNode a : item.path("assets")) {
                org.apache.hadoop.fs.Path asset = resolve(c.getParent(), a.path("href").asText());
                if (main == null) main = asset.toString();
                whole &= isFile(asset);
            }
            if (whole) return Optional.of(main);
        }
        return Optional.empty();
    }

    /**
     * Copies every file of {@code staging} (the staged run's output folder, or the folder of its
     * output file) to the target, keeping relative paths: each under a hidden temporary name
     * ({@code .name._COPYING_-…}) renamed into place, replacing an older file; STAC items
     * ({@code .json}) after the files they describe. On failure the files of this copy are deleted.
     *
     * @param writtenMain the main file the run wrote, in {@code staging}
     * @return the main file at the target
     */
    String publish(Path staging, Path writtenMain) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(staging)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString().endsWith(".json")));
        List<org.apache.hadoop.fs.Path> placed = new ArrayList<>();
        try {
            for (Path f : files) {
                org.apache.hadoop.fs.Path target = remote(staging.relativize(f));
                put(f, target);
                placed.add(target);
            }
        } catch (IOException | RuntimeException e) {
            for (org.apache.hadoop.fs.Path p : placed) deleteQuietly(p);
            throw e;
        }
        Path main = writtenMain.toAbsolutePath().normalize();
        return main.startsWith(staging) ? remote(staging.relativize(main)).toString() : location();
    }

    /** The STAC item ({@code <name>.json}) of a main file at a Hadoop URI and its location, if it exists. */
    static Optional<Map.Entry<String, JsonNode>> item(String mainFile, Map<String, String> sparkConf) throws IOException {
        org.apache.hadoop.fs.Path main = new org.apache.hadoop.fs.Path(mainFile);
        FileSystem fs = main.getFileSystem(configuration(sparkConf));
        org.apache.hadoop.fs.Path item = fs.makeQualified(new org.apache.hadoop.fs.Path(main.getParent(),
                StacItems.itemFile(Path.of(main.getName())).toString()));
        try (InputStream in = fs.open(item)) {
            return Optional.of(Map.entry(item.toString(), JSON.readTree(in)));
        } catch (FileNotFoundException none) {
            return Optional.empty();
        }
    }

    /** The target of a staged file. */
    org.apache.hadoop.fs.Path remote(Path relative) {
        return new org.apache.hadoop.fs.Path(folder, relative.toString().replace('\\', '/'));
    }

    private void put(Path local, org.apache.hadoop.fs.Path target) throws IOException {
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(target.getParent(),
                "." + target.getName() + "._COPYING_-" + UUID.randomUUID());
        try {
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                Files.copy(local, out);
            }
            // Hadoop's rename does not replace: the older file goes first (readers then see none, never a part)
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("Cannot replace " + target + ": deleting the existing file failed.");
            }
            if (!fs.rename(tmp, target)) throw new IOException("Cannot rename " + tmp + " to " + target + ".");
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private boolean isFile(org.apache.hadoop.fs.Path p) throws IOException {
        try {
            return fs.getFileStatus(p).isFile();
        } catch (FileNotFoundException none) {
            return false;
        }
    }

    private void deleteQuietly(org.apache.hadoop.fs.Path p) {
        try {
            fs.delete(p, false);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the copy's own failure is what is reported
        }
    }

    /** An asset's href ({@code ./name.tif}, {@code ./sub/name.tif}) against the item's folder. */
    private static org.apache.hadoop.fs.Path resolve(org.apache.hadoop.fs.Path dir, String href) {
        String rel = href.startsWith("./") ? href.substring(2) : href;
        return new org.apache.hadoop.fs.Path(dir, rel);
    }

    /** Deletes a local folder and everything in it; quietly, as cleaning after a job. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a staging folder lies in Spark's local folder, which Spark cleans at the end
        }
    }
}
