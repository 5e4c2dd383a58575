package eu.ai4c.kit.progress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Base of the front ends' {@link Progress}: keeps the current stage (name, units in it, units done,
 * start time) and the cancellation flag, and tells the subclass when a stage begins, advances and
 * ends; the subclass decides how that is shown (terminal bar, log lines, desktop progress bar).
 *
 * <h2>Thread-safety</h2>
 * {@link #worked}, {@link #cancel} and {@link #isCancelled} may be called from any thread, so
 * {@link #advanced} may run on several threads at once; {@link #begin} and {@link #end} come from
 * the thread that drives the stages.
 */
public abstract class TrackedProgress implements Progress {
    private final AtomicLong done = new AtomicLong();
    private volatile String stage = "";
    private volatile long total;
    private volatile long startNanos;
    private volatile boolean cancelled;

    /** Starts tracking a stage, then calls {@link #stageBegun}; an override must call this. */
    @Override
    public void begin(String stageName, long totalWork) {
        stage = stageName;
        total = totalWork;
        done.set(0);
        startNanos = System.nanoTime();
        stageBegun(stageName, totalWork, startNanos);
    }

    @Override
    public final void worked(long units) {
        advanced(done.addAndGet(units), total);
    }

    @Override
    public final void end() {
        stageEnded(state(System.nanoTime()));
    }

    @Override
    public final boolean isCancelled() {
        return cancelled;
    }

    @Override
    public final void cancel() {
        cancelled = true;
    }

    /** A stage of {@code total} units began at {@code startNanos} ({@link System#nanoTime()}). */
    protected abstract void stageBegun(String stage, long total, long startNanos);

    /** {@code done} units of the {@code total} of the current stage are finished ({@code done} may exceed {@code total}). */
    protected abstract void advanced(long done, long total);

    /** The current stage ended in {@code state}. */
    protected abstract void stageEnded(State state);

    /** The current stage at {@code nowNanos} ({@link System#nanoTime()}); units done are clamped to [0, total]. */
    protected final State state(long nowNanos) {
        return new State(stage, Math.min(done.get(), Math.max(total, 0)), total, nowNanos - startNanos);
    }

    /** {@code 1 tile}, {@code 342 tiles}: the size of a stage of tiles in log messages. */
    public static String tiles(long n) {
        return n == 1 ? "1 tile" : n + " tiles";
    }

    /**
     * A moment of a stage.
     *
     * @param stage        stage name
     * @param done         units done
     * @param total        units in the stage
     * @param elapsedNanos time since the stage began
     */
    public record State(String stage, long done, long total, long elapsedNanos) {
        /** Percent done, 0–100. */
        public int percent() {
            return total <= 0 ? 100 : (int) (100 * done / total);
        }

        /** Estimated nanoseconds left at the mean rate so far, or -1 when unknown. */
        public long etaNanos() {
            if (done <= 0 || total <= 0) return -1;
            return (long) ((double) elapsedNanos * (total - done) / done);
        }
    }
}
