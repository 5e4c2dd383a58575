package eu.ai4c.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eu.ai4c.cli.Main;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;

/**
 * {@code ai4c batch} on a real Spark standalone cluster on loopback: a master and two workers (one
 * core each) as separate JVMs started from this test's class path, the driver in this JVM. While
 * a worker's executor runs a job, the worker is killed (SIGKILL); Spark runs that job again on the
 * other worker. The batch completes; every output exists once and equals, byte for byte, what the
 * command line writes alone; no temporary is left; the results table lists every row succeeded;
 * the task of the killed executor failed and a later attempt of it succeeded elsewhere. One job
 * writes to a Hadoop FileSystem URI (a {@link CountingFileSystem}), so it is staged on its executor
 * and copied through Hadoop, with the settings the driver passes on. The driver
 * ({@link BatchMain}) runs in a JVM of its own too. Every JVM started is killed at the end, also
 * when the test fails. Its files are under
 * {@code target/standalone-cluster/} (kept when the test fails: master, worker and executor logs).
 */
class StandaloneClusterTest {
    /**
     * Writes the task ends the driver sees to the file {@code spark.ai4c.test.taskEnds}, a line each:
     * partition, attempt, executor, successful, reason (a listener Spark creates from {@code spark.extraListeners}).
     */
    public static final class TaskEnds extends SparkListener {
        private final Path file;

        public TaskEnds(SparkConf conf) {
            file = Path.of(conf.get("spark.ai4c.test.taskEnds"));
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            String reason = end.reason() instanceof TaskFailedReason f ? f.toErrorString().replaceAll("\\s+", " ") : "";
            String line = String.join("\t", String.valueOf(end.taskInfo().index()), String.valueOf(end.taskInfo().attemptNumber()),
                    end.taskInfo().executorId(), String.valueOf(end.taskInfo().successful()), reason) + "\n";
            try {
                Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern JOB_LOG = Pattern.compile("row (\\d+) \\([^)]*\\): (started|succeeded|failed|skipped)");
    private static final int JOBS = 3;

    @Test
    void batchSurvivesAWorkerKilledMidRun() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "standalone-cluster",
                ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())).toAbsolutePath());
        List<Process> started = Collections.synchronizedList(new ArrayList<>());
        boolean passed = false;
        try {
            String classPath = testClassPath();
            Process master = start(base, "master", classPath, started, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", "0", "--webui-port", "0");
            String url = await(base.resolve("master.log"), MASTER_URL, master, 90).group(1);
            List<Process> workers = new ArrayList<>();
            for (int w = 1; w <= 2; w++) {
                workers.add(start(base, "worker" + w, classPath, started, "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", "0",
                        "--work-dir", Files.createDirectories(base.resolve("work" + w)).toString(), url));
            }

            // while the workers start: the input, the manifest and the reference runs of the command line
            Path grd = SyntheticGrd.builder(600, 400).polarisations("VV", "VH").centre(41.9, 12.5).seed(3)
                    .pointTarget(200, 300, 30000).noValueBorder(16).build().write(base.resolve("in"));
            Path out = base.resolve("batch"), single = base.resolve("single");
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                Map<String, String> r = new LinkedHashMap<>();
                r.put("input", grd.toString());
                // the last through Hadoop's FileSystem (ai4ctest:///x is <base>/x): staged on its executor, then copied
                r.put("output_dir", i == JOBS - 1 ? "ai4ctest:///batch/grd" + (i + 1) : "$OUT/grd" + (i + 1));
                r.put("resolution", String.valueOf(20 + 10 * i));
                r.put("speckle", i == 1 ? "Lee" : "None");
                rows.add(r);
            }
            StringBuilder csv = new StringBuilder("service,input,output_dir,resolution,speckle\n");
            for (Map<String, String> r : rows) {
                csv.append("S1-GRD-preprocess,").append(String.join(",", r.values()).replace("$OUT", out.toString())).append('\n');
            }
            Path manifest = Files.writeString(base.resolve("jobs.csv"), csv);
            for (Map<String, String> r : rows) {
                List<String> args = new ArrayList<>(List.of("S1-GRD-preprocess", "--threads=1", "--quiet"));
                r.forEach((k, v) -> args.add("--" + k + "=" + v.replace("$OUT", single.toString()).replace("ai4ctest:///batch", single.toString())));
                StringWriter o = new StringWriter(), e = new StringWriter();
                assertEquals(0, Main.run(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true)), e.toString());
            }
            for (int w = 1; w <= 2; w++) {
                await(base.resolve("worker" + w + ".log"), Pattern.compile("Successfully registered with master"), workers.get(w - 1), 90);
            }

            // the batch: the driver (ai4c batch) in a JVM of its own, executors on the workers with this test's class path
            Path results = base.resolve("results.csv"), taskEnds = base.resolve("task-ends.tsv");
            Process driver = start(base, "driver", classPath, started, BatchMain.class.getName(),
                    "--manifest", manifest.toString(), "--master", url, "--results", results.toString(),
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.executor.extraClassPath=" + classPath, "--conf", "spark.executor.memory=700m",
                    // short jobs: the JIT's first tier and one GC thread spend less of two cores than the defaults
                    "--conf", "spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
                    "--conf", "spark.extraListeners=" + TaskEnds.class.getName(), "--conf", "spark.ai4c.test.taskEnds=" + taskEnds,
                    "--conf", "spark.hadoop.fs.ai4ctest.impl=" + CountingFileSystem.class.getName(),
                    "--conf", "spark.hadoop.fs.ai4ctest.root=" + base, "--conf", "spark.hadoop.fs.ai4ctest.impl.disable.cache=true");

            // kill a worker while its executor runs a job (the other worker's executor takes the job over)
            int victim = -1, killedRow = -1;
            String killedExecutor = null;
            List<ProcessHandle> orphans = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (victim < 0) {
                if (System.nanoTime() > deadline || !driver.isAlive()) fail("no worker ran a job to kill" + logs(base));
                for (int w = 1; w <= 2 && victim < 0; w++) {
                    for (Path log : executorLogs(base.resolve("work" + w))) {
                        Map<Integer, String> last = new TreeMap<>();
                        Matcher m = JOB_LOG.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                        while (m.find()) last.put(Integer.parseInt(m.group(1)), m.group(2));
                        Optional<Integer> running = last.entrySet().stream().filter(e -> e.getValue().equals("started"))
                                .map(Map.Entry::getKey).findFirst();
                        if (running.isPresent()) {
                            Process worker = workers.get(w - 1);
                            orphans = worker.descendants().toList();
                            worker.destroyForcibly();
                            victim = w;
                            killedRow = running.get();
                            killedExecutor = log.getParent().getFileName().toString();
                            break;
                        }
                    }
                }
                Thread.sleep(50);
            }
            assertEquals(1, orphans.size(), "the killed worker ran one executor JVM");

            assertTrue(driver.waitFor(240, TimeUnit.SECONDS), "the batch did not end" + logs(base));
            assertEquals(0, driver.exitValue(), Files.readString(base.resolve("driver.log")) + logs(base));

            // Spark saw the killed executor's task fail and ran it again elsewhere, and it succeeded
            List<String[]> ends = Files.readAllLines(taskEnds).stream().map(l -> l.split("\t", -1)).toList();
            String killedIndex = String.valueOf(killedRow - 1), victimExecutor = killedExecutor;
            assertTrue(ends.stream().anyMatch(e -> e[0].equals(killedIndex) && e[2].equals(victimExecutor) && e[3].equals("false")
                    && e[4].contains("ExecutorLostFailure")), describe(ends));
            assertTrue(ends.stream().anyMatch(e -> e[0].equals(killedIndex) && Integer.parseInt(e[1]) >= 1 && !e[2].equals(victimExecutor)
                    && e[3].equals("true")), describe(ends));
            assertEquals(JOBS, ends.stream().filter(e -> e[3].equals("true")).count(), describe(ends));
            // the executor of the killed worker ended with it (Spark's worker watcher): no second writer is left
            for (ProcessHandle h : orphans) {
                h.onExit().get(30, TimeUnit.SECONDS);
            }
            // the executors were started with the class path given to them, which holds the engine and the command line
            for (int w = 1; w <= 2; w++) {
                for (Path log : executorLogs(base.resolve("work" + w))) {
                    String command = Files.readAllLines(log, StandardCharsets.ISO_8859_1).get(0);
                    assertTrue(command.startsWith("Spark Executor Command:") && command.contains(File.separator + "ai4c-cli" + File.separator)
                            && command.contains(File.separator + "ai4c-kit" + File.separator), command);
                }
            }

            // every row succeeded, each output once and equal to the command line's
            List<String> lines = Files.readAllLines(results);
            assertEquals(ResultsTable.HEADER, lines.get(0));
            assertEquals(JOBS + 1, lines.size(), lines.toString());
            for (int i = 1; i <= JOBS; i++) assertTrue(lines.get(i).startsWith(i + ",S1-GRD-preprocess,succeeded,"), lines.get(i));
            assertTrue(lines.get(JOBS).contains(",ai4ctest:/batch/grd" + JOBS + "/"), lines.get(JOBS));
            // the surviving worker's executor deleted its staging folders
            try (Stream<Path> s = Files.walk(base.resolve("worker" + (3 - victim) + "-local"))) {
                assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("ai4c-staging")).toList());
            }
            Map<String, Path> written = files(out), reference = files(single);
            assertEquals(reference.keySet(), written.keySet(), "no temporary, no file twice");
            assertTrue(reference.size() >= 2 * JOBS, reference.keySet().toString());
            for (Map.Entry<String, Path> e : reference.entrySet()) {
                if (e.getKey().endsWith(".json")) continue; // STAC items differ in their creation times only
                assertArrayEquals(Files.readAllBytes(e.getValue()), Files.readAllBytes(written.get(e.getKey())), e.getKey());
            }
            passed = true;
        } finally {
            for (Process p : List.copyOf(started)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            for (Process p : List.copyOf(started)) p.waitFor(20, TimeUnit.SECONDS);
            if (passed) deleteTree(base);
        }
    }

    /** Starts {@code main} in a JVM of its own with this test's class path; its output goes to {@code <name>.log}. */
    private static Process start(Path base, String name, String classPath, List<Process> started, String main, String... args)
            throws IOException {
        Path home = Files.createDirectories(base.resolve("spark-home"));
        // the worker builds each executor's class path from SPARK_HOME/jars (empty here) and the application's extraClassPath
        Files.createDirectories(home.resolve("jars"));
        Path argFile = base.resolve("classpath.args");
        if (!Files.exists(argFile)) Files.writeString(argFile, "-cp \"" + classPath.replace("\\", "\\\\") + "\"\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (main.equals(BatchMain.class.getName()) ? "768m" : "256m"), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+IgnoreUnrecognizedVMOptions"));
        cmd.addAll(SPARK_OPENS);
        cmd.addAll(List.of("-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true"));
        cmd.add("-Dorg.slf4j.simpleLogger.log.org.apache.spark.deploy=info");
        cmd.add("@" + argFile);
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(base.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", Files.createDirectories(base.resolve(name + "-local")).toString());
        env.remove("SPARK_CONF_DIR");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** The JDK packages Spark opens on Java 17 (as bin/ai4c-batch and the module's surefire argLine). */
    private static final List<String> SPARK_OPENS = Stream.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net",
            "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs",
            "sun.security.action", "sun.util.calendar").map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();

    /** The class path of this test (surefire's, not its booter jar's). */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertTrue(cp.contains("spark-core") && cp.contains(File.separator + "ai4c-spark" + File.separator), cp);
        return cp;
    }

    /** Waits until {@code log} has a line matching {@code pattern}; fails when {@code process} ends first or after {@code seconds}. */
    private static Matcher await(Path log, Pattern pattern, Process process, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                if (m.find()) return m;
            }
            if (!process.isAlive()) break;
            Thread.sleep(100);
        }
        fail("no '" + pattern + "' in " + log + (process.isAlive() ? " after " + seconds + " s" : ": the process ended") + ":\n"
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : ""));
        return null;
    }

    /** The stderr files of the executors a worker ran ({@code work/app-…/<executor id>/stderr}). */
    private static List<Path> executorLogs(Path workDir) throws IOException {
        if (!Files.isDirectory(workDir)) return List.of();
        try (Stream<Path> s = Files.walk(workDir, 3)) {
            return s.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
        }
    }

    private static String logs(Path base) {
        return "\n(logs under " + base + ")";
    }

    private static String describe(List<String[]> ends) {
        StringBuilder sb = new StringBuilder("task ends (partition, attempt, executor, successful, reason):");
        for (String[] e : ends) sb.append("\n  ").append(String.join(" | ", e));
        return sb.toString();
    }

    /** Every file under {@code folder}, hidden ones too, by relative path. */
    private static Map<String, Path> files(Path folder) throws IOException {
        Map<String, Path> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(folder.relativize(p).toString(), p);
        }
        return m;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
