package eu.ai4c.desktop.run;

import eu.ai4c.kit.progress.Progress;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kit's {@link Progress} for a desktop run: logs the start and end of each stage to a
 * {@link RunLog}, tells a {@link Listener} (the progress bar) how far the stage is, and carries
 * the cancellation asked for from the progress bar.
 *
 * <h2>Thread-safety</h2>
 * {@link #worked} and {@link #cancel} may be called from any thread.
 */
public final class RunProgress implements Progress {
    private final RunLog log;
    private final Listener listener;
    private final AtomicLong done = new AtomicLong();
    private volatile String stage = "";
    private volatile long total;
    private volatile long startNanos;
    private volatile boolean cancelled;

    /** How a stage advances; for the progress bar. */
    public interface Listener {
        /** A stage of {@code total} units begins. */
        void stage(String name, long total);

        /** {@code done} of {@code total} units of the current stage are finished. */
        void progressed(long done, long total);

        /** No feedback. */
        Listener NONE = new Listener() {
            @Override public void stage(String name, long total) { }
            @Override public void progressed(long done, long total) { }
        };
    }

    public RunProgress(RunLog log, Listener listener) {
        this.log = log;
        this.listener = listener;
    }

    @Override
    public void begin(String stageName, long totalWork) {
        stage = stageName;
        total = totalWork;
        done.set(0);
        startNanos = System.nanoTime();
        log.line(stageName + ": started, " + totalWork + (totalWork == 1 ? " tile" : " tiles"));
        listener.stage(stageName, totalWork);
    }

    @Override
    public void worked(long units) {
        listener.progressed(Math.min(done.addAndGet(units), total), total);
    }

    @Override
    public void end() {
        log.line(String.format(Locale.ROOT, "%s: done in %.1f s", stage, (System.nanoTime() - startNanos) / 1e9));
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}
