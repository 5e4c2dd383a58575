package eu.ai4c.kit.progress;

import java.util.Objects;

/**
 * What every run of an operator or writer gets: the number of worker threads, the progress sink
 * (which also carries cancellation), the byte budget of the tile cache, and a listener for
 * tolerable oddities that the user should see (warnings are never swallowed). Immutable.
 *
 * @param threads        worker threads for tile computation (≥ 1)
 * @param progress       progress and cancellation
 * @param cacheBytes     upper bound of the tile cache in bytes
 * @param warnings       receives warnings meant for the user
 */
public record ProcessingContext(int threads, Progress progress, long cacheBytes, WarningListener warnings) {

    public ProcessingContext {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(warnings, "warnings");
    }

    /** All processors, silent progress, a 512 MiB cache, warnings to the log. */
    public static ProcessingContext defaults() {
        return new ProcessingContext(Runtime.getRuntime().availableProcessors(), Progress.silent(),
                512L << 20, WarningListener.LOG);
    }

    public ProcessingContext withThreads(int n) {
        return new ProcessingContext(n, progress, cacheBytes, warnings);
    }

    public ProcessingContext withProgress(Progress p) {
        return new ProcessingContext(threads, p, cacheBytes, warnings);
    }

    public ProcessingContext withCacheBytes(long bytes) {
        return new ProcessingContext(threads, progress, bytes, warnings);
    }

    public ProcessingContext withWarnings(WarningListener w) {
        return new ProcessingContext(threads, progress, cacheBytes, w);
    }
}
