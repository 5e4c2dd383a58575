package eu.ai4c.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.cli.Main;
import eu.ai4c.kit.op.CommonOptions;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.stac.ParameterHash;
import eu.ai4c.kit.stac.StacItems;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job where it is scheduled (a Spark executor, or any thread): first the resume check —
 * a STAC item at the job's output that records the same {@link ParameterHash} and whose files all
 * exist means the job is done — then the job's command line through the {@code ai4c} command
 * itself ({@link Main#run}), so a job does exactly what the same command typed by hand does:
 * validation, messages, atomic outputs, STAC item. Never throws: a failure becomes a
 * {@link JobResult} carrying the command's error message. Stateless and thread-safe.
 */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c.batch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobRunner() {
    }

    /**
     * Runs {@code job} with {@code threads} tile threads; its output is a local (or mounted) path.
     *
     * @param threads tile threads for this job ({@code --threads})
     */
    public static JobResult run(JobRow job, int threads) {
        return run(job, threads, Map.of());
    }

    /**
     * Runs {@code job} with {@code threads} tile threads. An output at a Hadoop FileSystem URI
     * ({@code hdfs://}, {@code s3a://}) is written into a local staging folder and copied there
     * ({@link HadoopOutput}).
     *
     * @param threads   tile threads for this job ({@code --threads})
     * @param sparkConf the batch's Spark settings: {@code spark.hadoop.*} configure Hadoop file
     *                  systems, {@code spark.local.dir} is where staging folders go
     */
    public static JobResult run(JobRow job, int threads, Map<String, String> sparkConf) {
        long t0 = System.nanoTime();
        try {
            String output = job.output();
            if (output != null && HadoopOutput.isHadoopUri(output)) return runStaged(job, threads, sparkConf, t0);
            Optional<Path> done = doneItem(job);
            if (done.isPresent()) return skipped(job, mainAsset(done.get()), t0);
            LOG.info("row {} ({}): started", job.row(), job.service());
            Command c = command(job, threads);
            if (c.code() == 0) return succeeded(job, lastLine(c.out()), t0);
            return failed(job, c.code(), c.err().strip(), t0);
        } catch (RuntimeException | IOException e) {
            // Main.run maps the service's own failures; this is the resume check, the copy or the runner itself
            String message = "Error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.warn("row {} ({}): failed: {}", job.row(), job.service(), message);
            return new JobResult(job.row(), job.service(), JobResult.Status.FAILED, seconds(t0), "", message);
        }
    }

    /**
     * A job whose output is a Hadoop FileSystem URI: the resume check reads the target through
     * Hadoop's FileSystem; the command writes into a staging folder, whose files are then copied
     * to the target; the staging folder is deleted in any case. A failed run copies nothing.
     */
    private static JobResult runStaged(JobRow job, int threads, Map<String, String> sparkConf, long t0) throws IOException {
        boolean folder = job.outputIsFolder();
        HadoopOutput target = HadoopOutput.of(job.output(), folder, sparkConf);
        Optional<String> hash = parametersHash(job);
        if (hash.isPresent()) {
            Optional<String> done = target.findDone(hash.get());
            if (done.isPresent()) return skipped(job, done.get(), t0);
        }
        Path staging = HadoopOutput.stagingFolder(sparkConf, job.row());
        try {
            Path local = folder ? staging : staging.resolve(target.fileName());
            LOG.info("row {} ({}): started, staged in {} for {}", job.row(), job.service(), staging, target.location());
            // an output_path that names a folder keeps its trailing separator
            Command c = command(job.with(job.outputOption(), local + (job.output().endsWith("/") ? "/" : "")), threads);
            if (c.code() != 0) {
                // the command names the staging path; the user knows the target
                String message = c.err().strip().replace(local.toString(), target.location()).replace(staging.toString(), target.location());
                return failed(job, c.code(), message, t0);
            }
            return succeeded(job, target.publish(staging, Path.of(lastLine(c.out()))), t0);
        } finally {
            HadoopOutput.deleteTree(staging);
        }
    }

    /** The command's exit code and what it printed. */
    private record Command(int code, String out, String err) {
    }

    private static Command command(JobRow job, int threads) {
        List<String> args = new ArrayList<>(job.commandLine());
        args.add(CommonOptions.THREADS + "=" + threads);
        args.add(CommonOptions.QUIET);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Command(code, out.toString(), err.toString());
    }

    private static JobResult skipped(JobRow job, String main, long t0) {
        LOG.info("row {} ({}): skipped, done before: {}", job.row(), job.service(), main);
        return new JobResult(job.row(), job.service(), JobResult.Status.SKIPPED, seconds(t0), main, "");
    }

    private static JobResult succeeded(JobRow job, String written, long t0) {
        double s = seconds(t0);
        LOG.info("row {} ({}): succeeded in {} s: {}", job.row(), job.service(), String.format("%.1f", s), written);
        return new JobResult(job.row(), job.service(), JobResult.Status.SUCCEEDED, s, written, "");
    }

    private static JobResult failed(JobRow job, int code, String message, long t0) {
        LOG.warn("row {} ({}): failed (exit {}): {}", job.row(), job.service(), code, message);
        return new JobResult(job.row(), job.service(), JobResult.Status.FAILED, seconds(t0), "", message);
    }

    /** The STAC item that proves {@code job} done, if any; empty also when the job cannot be planned (the run then reports why). */
    static Optional<Path> doneItem(JobRow job) throws IOException {
        String output = job.output();
        if (output == null) return Optional.empty();
        Optional<String> hash = parametersHash(job);
        return hash.isEmpty() ? Optional.empty() : StacItems.findDone(Path.of(output), hash.get());
    }

    /**
     * The {@link ParameterHash} the run of {@code job} records in its STAC item: the options mapped
     * onto the service's sources and parameters as the command line maps them, validated with
     * defaults filled in. Empty when the service or an option is unknown or a value invalid.
     */
    static Optional<String> parametersHash(JobRow job) {
        Optional<Operator> op = OperatorRegistry.load().all().stream()
                .filter(o -> o.descriptor().alias().equalsIgnoreCase(job.service())).findFirst();
        if (op.isEmpty()) return Optional.empty();
        OperatorDescriptor d = op.get().descriptor();
        Map<String, Path> inputs = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : job.options().entrySet()) {
            String key = e.getKey();
            Optional<SourceDescriptor> source = d.sources().stream().filter(s -> s.name().equals(key)).findFirst();
            Optional<ParameterDescriptor> p = d.parameterByAnyName(key);
            if (source.isPresent()) {
                inputs.put(key, Path.of(e.getValue()));
            } else if (p.isPresent()) {
                raw.put(p.get().name(), e.getValue());
            } else if (!CommonOptions.ALL.contains("--" + key)) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(ParameterHash.of(d.alias(), inputs, d.validate(raw)));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private static String mainAsset(Path item) throws IOException {
        JsonNode assets = JSON.readTree(item.toFile()).path("assets");
        for (JsonNode a : assets) {
            return item.resolveSibling(a.path("href").asText()).normalize().toString();
        }
        return item.toString();
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    }
}
