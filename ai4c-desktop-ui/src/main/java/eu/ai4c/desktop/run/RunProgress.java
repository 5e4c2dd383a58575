package eu.ai4c.desktop.run;

import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.progress.TrackedProgress;
import java.util.Locale;

/**
 * The kit's {@link Progress} for a desktop run: logs the start and end of each stage to a
 * {@link RunLog}, tells a {@link Listener} (the progress bar) how far the stage is, and carries
 * the cancellation asked for from the progress bar.
 *
 * <h2>Thread-safety</h2>
 * {@link #worked} and {@link #cancel} may be called from any thread.
 */
public final class RunProgress extends TrackedProgress {
    private final RunLog log;
    private final Listener listener;

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
    protected void stageBegun(String stageName, long totalWork, long startNanos) {
        log.line(stageName + ": started, " + tiles(totalWork));
        listener.stage(stageName, totalWork);
    }

    @Override
    protected void advanced(long done, long total) {
        listener.progressed(Math.min(done, total), total);
    }

    @Override
    protected void stageEnded(State state) {
        log.line(String.format(Locale.ROOT, "%s: done in %.1f s", state.stage(), state.elapsedNanos() / 1e9));
    }
}
