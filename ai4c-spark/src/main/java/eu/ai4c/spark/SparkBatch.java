package eu.ai4c.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs of a manifest on Spark: one partition per job, so each job is one task that an
 * executor runs with its own thread budget through {@link JobRunner}. The driver holds only the
 * rows and the results (no product data). A job that fails is a result, not a task failure, so
 * it neither stops the others nor is retried; Spark retries a task only when its executor is lost.
 * Progress (tasks finished of all) is logged by the driver as tasks end.
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
        if (jobs.isEmpty()) return List.of();
        SparkConf conf = new SparkConf().setAppName("ai4c batch").setIfMissing("spark.ui.enabled", "false");
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
                    LOG.info("batch: {} of {} jobs finished", finished.incrementAndGet(), total);
                }
            });
            List<JobResult> results = new ArrayList<>(sc.parallelize(jobs, total).map(new RunJob(threadsPerTask)).collect());
            results.sort(Comparator.comparingInt(JobResult::row));
            return results;
        }
    }

    /** The task body, serialised to the executors. */
    private static final class RunJob implements Function<JobRow, JobResult> {
        private final int threads;

        RunJob(int threads) {
            this.threads = threads;
        }

        @Override
        public JobResult call(JobRow job) {
            return JobRunner.run(job, threads);
        }
    }
}
