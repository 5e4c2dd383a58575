package eu.ai4c.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Runs the jobs of a manifest on Spark: one partition per job, so each job is one task that an
 * executor runs with its own thread budget through {@link JobRunner}. The driver holds only the
 * rows and the results (no product data). A job that fails is a result, not a task failure, so
 * it neither stops the others nor is retried; Spark retries a task only when its executor is lost.
 * Progress (jobs finished of all) is logged by the driver as tasks end, and each task Spark runs
 * again (its executor lost) with the reason.
 */
public final class SparkBatch {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c.batch");

    private SparkBatch() {
    }

    /**
     * Runs {@code jobs} and returns their results in row order.
     *
     * @param master         Spark master URL ({@code local[2]}, {@code spark://host:7077}); null keeps the
     *                       one {@code spark-submit} configured
     * @param threadsPerTask tile threads of each job
     */
    public static List<JobResult> run(List<JobRow> jobs, String master, int threadsPerTask) {
        return run(jobs, master, threadsPerTask, Map.of());
    }

    /**
     * Runs {@code jobs} with Spark settings {@code settings} (as {@code spark-submit --conf} gives
     * them; they replace those of the system properties) and returns their results in row order.
     */
    public static List<JobResult> run(List<JobRow> jobs, String master, int threadsPerTask, Map<String, String> settings) {
        if (jobs.isEmpty()) return List.of();
        SparkConf conf = new SparkConf().setAppName("ai4c batch").setIfMissing("spark.ui.enabled", "false");
        settings.forEach(conf::set);
        if (master != null) conf.setMaster(master);
        conf.setIfMissing("spark.master", "local[2]");
        if (conf.get("spark.master").startsWith("local")) {
            // one machine: stay on loopback whatever the host name resolves to
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        // on a cluster a job's tile threads are the cores its task occupies; local[N] means N jobs at a time
        if (!conf.get("spark.master").startsWith("local")) conf.setIfMissing("spark.task.cpus", String.valueOf(threadsPerTask));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            AtomicInteger finished = new AtomicInteger();
            int total = jobs.size();
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.reason() instanceof TaskFailedReason lost) {
                        // a job's failure is a result: a failed task is a lost executor (or a bug of the runner)
                        JobRow job = jobs.get(end.taskInfo().index());
                        LOG.warn("batch: row {} ({}), attempt {} on executor {} ended: {}; Spark runs it again (up to spark.task.maxFailures)",
                                job.row(), job.service(), end.taskInfo().attemptNumber() + 1, end.taskInfo().executorId(),
                                lost.toErrorString());
                    } else {
                        LOG.info("batch: {} of {} jobs finished", finished.incrementAndGet(), total);
                    }
                }
            });
            RunJob task = new RunJob(threadsPerTask, executorSettings(sc.getConf()));
            List<JobResult> results = new ArrayList<>(sc.parallelize(jobs, total).map(task).collect());
            results.sort(Comparator.comparingInt(JobResult::row));
            return results;
        }
    }

    /** What a job needs of the batch's settings on the executor: Hadoop's ({@code spark.hadoop.*}) and {@code spark.local.dir}. */
    static Map<String, String> executorSettings(SparkConf conf) {
        Map<String, String> m = new HashMap<>();
        for (Tuple2<String, String> e : conf.getAll()) {
            if (e._1().startsWith("spark.hadoop.") || e._1().equals("spark.local.dir")) m.put(e._1(), e._2());
        }
        return m;
    }

    /** The task body, serialised to the executors. */
    private static final class RunJob implements Function<JobRow, JobResult> {
        private final int threads;
        private final HashMap<String, String> settings;

        RunJob(int threads, Map<String, String> settings) {
            this.threads = threads;
            this.settings = new HashMap<>(settings);
        }

        @Override
        public JobResult call(JobRow job) {
            return JobRunner.run(job, threads, settings);
        }
    }
}
