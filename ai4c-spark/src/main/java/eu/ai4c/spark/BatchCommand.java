package eu.ai4c.spark;

import eu.ai4c.kit.Ai4cException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai4c batch}: runs every job of a manifest on Spark and writes the results table and a STAC
 * Catalog and Collection linking the items of the outputs ({@link BatchCatalog}). Exit
 * code 0 when every job succeeded or was skipped, 1 when a job failed (the others still ran),
 * 2 for a bad command line or manifest.
 */
@Command(name = "ai4c batch", mixinStandardHelpOptions = true,
        header = "Runs a manifest of service jobs on Apache Spark, resumably, with a STAC item per output.",
        description = {"Each manifest row is one job: a 'service' column and one column per option of that "
                + "service without the dashes (input, output_path, resolution, ...); an empty cell takes the default. "
                + "CSV with a header line, or JSON lines. Each job runs as the ai4c command would run it; a job whose "
                + "output has a STAC item recording the same service, inputs and parameters is skipped; a failed job "
                + "is reported with the command's message and does not stop the others."},
        footer = {"", "Exit codes: 0 every job succeeded or was skipped, 1 a job failed, 2 usage error."})
public final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "<file>", description = "The job manifest (CSV or JSON lines).")
    Path manifest;

    @Option(names = "--master", paramLabel = "<url>",
            description = "Spark master: local[N] runs N jobs at a time in this process, spark://host:7077 a "
                    + "standalone cluster. Default: local[N] with N = cores / --threads-per-task (or what spark-submit set).")
    String master;

    @Option(names = "--results", paramLabel = "<file>",
            description = "Results table (CSV: row, service, status, seconds, output, error). Default: <manifest>_results.csv beside the manifest.")
    Path results;

    @Option(names = "--conf", paramLabel = "<key=value>",
            description = "A Spark setting, as spark-submit --conf takes it (spark.executor.memory=8g, "
                    + "spark.hadoop.fs.s3a.endpoint=...); repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--threads-per-task", paramLabel = "<n>", defaultValue = "1",
            description = "Tile threads of each job. Default: ${DEFAULT-VALUE}.")
    int threadsPerTask;

    @Override
    public Integer call() throws Exception {
        if (threadsPerTask < 1) {
            throw Ai4cException.usage("--threads-per-task must be 1 or more, got " + threadsPerTask + ".");
        }
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) {
                throw Ai4cException.usage("--conf " + key + ": Spark settings start with 'spark.' (spark.hadoop.* for Hadoop's).");
            }
        }
        List<JobRow> jobs = JobManifest.read(manifest);
        HadoopOutput.requireLocalInputs(manifest, jobs);
        String url = master;
        if (url == null && conf.containsKey("spark.master")) url = conf.get("spark.master");
        if (url == null && System.getProperty("spark.master") == null) {
            url = "local[" + Math.max(1, Runtime.getRuntime().availableProcessors() / threadsPerTask) + "]";
        }
        Path table = results != null ? results : defaultResults(manifest);
        PrintWriter out = spec.commandLine().getOut();
        out.println("ai4c batch: " + jobs.size() + " jobs from " + manifest + " on " + (url == null ? System.getProperty("spark.master") : url));
        out.flush();
        List<JobResult> done = SparkBatch.run(jobs, url, threadsPerTask, conf);
        ResultsTable.write(done, table);
        SparkConf settings = new SparkConf();
        conf.forEach(settings::set);
        Path catalog = BatchCatalog.write(done, table, stem(manifest.getFileName().toString()), SparkBatch.executorSettings(settings));
        long failed = done.stream().filter(r -> r.status() == JobResult.Status.FAILED).count();
        long skipped = done.stream().filter(r -> r.status() == JobResult.Status.SKIPPED).count();
        out.println("ai4c batch: " + (done.size() - failed - skipped) + " succeeded, " + skipped + " skipped, "
                + failed + " failed; results in " + table + ", STAC catalog " + catalog);
        for (JobResult r : done) {
            if (r.status() == JobResult.Status.FAILED) out.println("  row " + r.row() + " (" + r.service() + "): " + r.error());
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    static Path defaultResults(Path manifest) {
        return manifest.toAbsolutePath().resolveSibling(stem(manifest.getFileName().toString()) + "_results.csv");
    }

    private static String stem(String n) {
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
