package eu.ai4c.spark.bench;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.bench.BenchContext;
import eu.ai4c.cli.bench.BenchResult;
import eu.ai4c.cli.bench.Benchmark;
import eu.ai4c.cli.bench.SyntheticGrdInput;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.spark.JobResult;
import eu.ai4c.spark.JobRow;
import eu.ai4c.spark.SparkBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Raster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code spark-batch}: N synthetic IW GRD scenes (default 8, {@code -Pscenes}) through
 * {@code S1-GRD-preprocess} (Lee Sigma, 10 m WGS84, GeoTIFF) as one {@code ai4c batch} on
 * {@code local[P]} ({@code -Pparallel}, default 2) with {@code threads / P} tile threads per job,
 * against the peer: the same N runs one after another as the command line does them, each on all
 * threads. The ratio is the batch's cost over the sequential runs, Spark's start-up included; the
 * {@code overhead_percent} field is that ratio minus one. Every scene is read from one generated
 * SAFE (the scene name fixes the output name, so each job writes its own folder); the input is
 * therefore in the page cache for both sides, which leaves disk reads out of the comparison.
 */
public final class SparkBatchBenchmark implements Benchmark {
    private static final int DEFAULT_SAMPLES = 25_000;

    @Override
    public String name() {
        return "spark-batch";
    }

    @Override
    public String description() {
        return "ai4c batch of N synthetic IW GRD scenes (-Pscenes, default 8) through S1-GRD-preprocess on local[P] "
                + "(-Pparallel, default 2) vs the same runs one after another; size N samples (default 25000).";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("scenes", "parallel");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int samples = context.size(DEFAULT_SAMPLES);
        int scenes = context.intOption("scenes", 8, 1);
        int parallel = context.intOption("parallel", 2, 1);
        int threads = context.processing().threads();
        int perTask = Math.max(1, threads / parallel);
        Path safe = SyntheticGrdInput.safe(context, samples);
        Path sequentialOut = context.workDir().resolve("spark-batch-sequential");
        Path batchOut = context.workDir().resolve("spark-batch-spark");
        Map<String, String> params = Map.of("speckle", "Lee Sigma", "resolution", "10");

        BenchContext.Measured sequential = context.measure(() -> {
            AtomicOutput.deleteTree(sequentialOut);
            for (int i = 0; i < scenes; i++) {
                Path out = Files.createDirectories(sequentialOut.resolve("scene" + i));
                ServiceRun.run("S1-GRD-preprocess", Map.of("input", safe), params, out, "GeoTIFF", context.processing());
            }
        });
        List<JobRow> jobs = new ArrayList<>();
        for (int i = 0; i < scenes; i++) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("input", safe.toString());
            o.put("output_dir", batchOut.resolve("scene" + i).toString());
            params.forEach(o::put);
            jobs.add(new JobRow(i + 1, "S1-GRD-preprocess", o));
        }
        double[] jobSeconds = new double[1];
        BenchContext.Measured batch = context.measure(() -> {
            AtomicOutput.deleteTree(batchOut);
            List<JobResult> results = SparkBatch.run(jobs, "local[" + parallel + "]", perTask);
            double sum = 0;
            for (JobResult r : results) {
                if (r.status() != JobResult.Status.SUCCEEDED) {
                    throw new Ai4cException("spark-batch: job " + r.row() + " " + r.status() + ": " + r.error());
                }
                sum += r.seconds();
            }
            jobSeconds[0] = sum;
        });
        // both sides must give the same pixels (the files' tile order follows the order tiles were computed in)
        for (int i = 0; i < scenes; i++) {
            samePixels(only(sequentialOut.resolve("scene" + i)), only(batchOut.resolve("scene" + i)));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("scenes", scenes);
        extra.put("master", "local[" + parallel + "]");
        extra.put("threads_per_task", perTask);
        extra.put("sequential_threads", threads);
        extra.put("overhead_percent", Math.round((batch.seconds() / sequential.seconds() - 1) * 1000) / 10.0);
        extra.put("job_seconds_sum", Math.round(jobSeconds[0] * 100) / 100.0);
        extra.put("pixels_identical", true);
        String input = scenes + " x " + samples + "x" + SyntheticGrdInput.lines(samples) + " IW GRD VV uint16";
        return List.of(BenchResult.of(name(), input, batch, "ai4c sequential", sequential.seconds(), extra));
    }

    private static void samePixels(Path a, Path b) throws IOException {
        Raster ra = ProductIO.read(a).raster(), rb = ProductIO.read(b).raster();
        if (ra.width() != rb.width() || ra.height() != rb.height() || ra.bands().size() != rb.bands().size()) {
            throw new Ai4cException("spark-batch: " + b + " has another size or band count than the command line's " + a);
        }
        for (int band = 0; band < ra.bands().size(); band++) {
            for (int y = 0; y < ra.height(); y += 256) {
                Region r = new Region(0, y, ra.width(), Math.min(256, ra.height() - y));
                if (!Arrays.equals(ra.read(band, r).toFloats(), rb.read(band, r).toFloats())) {
                    throw new Ai4cException("spark-batch: " + b + " differs from the command line's " + a
                            + " in band " + band + " rows " + y + "..");
                }
            }
        }
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tif")).findFirst()
                    .orElseThrow(() -> new Ai4cException("spark-batch: no GeoTIFF in " + folder));
        }
    }
}
