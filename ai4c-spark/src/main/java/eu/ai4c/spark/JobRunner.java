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
     * Runs {@code job} with {@code threads} tile threads.
     *
     * @param threads tile threads for this job ({@code --threads})
     */
    public static JobResult run(JobRow job, int threads) {
        long t0 = System.nanoTime();
        try {
            Optional<Path> done = doneItem(job);
            if (done.isPresent()) {
                String main = mainAsset(done.get());
                LOG.info("row {} ({}): skipped, done before: {}", job.row(), job.service(), main);
                return new JobResult(job.row(), job.service(), JobResult.Status.SKIPPED, seconds(t0), main, "");
            }
            List<String> args = new ArrayList<>(job.commandLine());
            args.add(CommonOptions.THREADS + "=" + threads);
            args.add(CommonOptions.QUIET);
            StringWriter out = new StringWriter(), err = new StringWriter();
            LOG.info("row {} ({}): started", job.row(), job.service());
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            double s = seconds(t0);
            if (code == 0) {
                String written = lastLine(out.toString());
                LOG.info("row {} ({}): succeeded in {} s: {}", job.row(), job.service(), String.format("%.1f", s), written);
                return new JobResult(job.row(), job.service(), JobResult.Status.SUCCEEDED, s, written, "");
            }
            String message = err.toString().strip();
            LOG.warn("row {} ({}): failed (exit {}): {}", job.row(), job.service(), code, message);
            return new JobResult(job.row(), job.service(), JobResult.Status.FAILED, s, "", message);
        } catch (RuntimeException | IOException e) {
            // Main.run maps the service's own failures; this is the resume check or the runner itself
            String message = "Error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.warn("row {} ({}): failed: {}", job.row(), job.service(), message);
            return new JobResult(job.row(), job.service(), JobResult.Status.FAILED, seconds(t0), "", message);
        }
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
