package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link Benchmark} gets: the requested input size, how many untimed warm-up runs (so
 * the JIT compiler has done its work before timing) and timed repeats to make, a scratch folder, free-form options ({@code -Pkey=value}) and the processing context (threads,
 * silent progress). Immutable.
 *
 * @param size       requested input edge length in pixels, or 0 for the benchmark's default
 * @param warmup     untimed runs before the timed ones
 * @param repeat     timings per case; the median is reported (robust to one run disturbed by other work)
 * @param workDir    scratch folder for inputs and outputs; the benchmark may leave files there
 * @param options    benchmark-specific options
 * @param processing threads and cache for the AI4C side
 */
public record BenchContext(int size, int warmup, int repeat, Path workDir, Map<String, String> options,
                           ProcessingContext processing) {

    public BenchContext {
        if (warmup < 0) throw Ai4cException.usage("--warmup must be 0 or more, got " + warmup + ".");
        if (repeat < 1) throw Ai4cException.usage("--repeat must be 1 or more, got " + repeat + ".");
        if (size < 0) throw Ai4cException.usage("--size must be positive, got " + size + ".");
        options = Map.copyOf(options);
    }

    /** The requested size, or {@code dflt} when none was given. */
    public int size(int dflt) {
        return size == 0 ? dflt : size;
    }

    /**
     * An integer option of at least {@code min}, or {@code dflt}; a usage error naming the option
     * otherwise.
     */
    public int intOption(String key, int dflt, int min) {
        String v = options.get(key);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v.strip());
            if (i >= min) return i;
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw Ai4cException.usage("-P" + key + "=" + v + ": expected a whole number of at least " + min + ".");
    }

    /** An option's value, or {@code dflt}. */
    public String option(String key, String dflt) {
        return options.getOrDefault(key, dflt);
    }

    /** A task whose time is measured. */
    @FunctionalInterface
    public interface Task {
        void run() throws IOException;
    }

    /** Best time of a measured task, with the memory it took (see {@link MemoryProbe#fields()}). */
    public record Measured(double seconds, Map<String, Object> memory) {
        public Measured {
            memory = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(memory));
        }
    }

    /**
     * {@link #medianSeconds(Task)} with the peak RSS, peak heap and garbage collection of the
     * warm-up and timed runs.
     */
    public Measured measure(Task task) throws IOException {
        MemoryProbe probe = MemoryProbe.start();
        double seconds = medianSeconds(task);
        return new Measured(seconds, probe.fields());
    }

    /**
     * Runs {@code task} {@link #warmup} times untimed, then {@link #repeat} times, and returns the
     * median wall-clock time in seconds (the mean of the middle two for an even count).
     */
    public double medianSeconds(Task task) throws IOException {
        for (int i = 0; i < warmup; i++) task.run();
        double[] times = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            task.run();
            times[i] = (System.nanoTime() - t0) / 1e9;
        }
        return median(times);
    }

    /** The median of {@code times} (sorted in place); the mean of the middle two for an even count. */
    static double median(double[] times) {
        java.util.Arrays.sort(times);
        int n = times.length;
        return n % 2 == 1 ? times[n / 2] : 0.5 * (times[n / 2 - 1] + times[n / 2]);
    }
}
