package eu.ai4c.kit.progress;

/**
 * Progress of a long task and the means to cancel it. Operators report units of work as they
 * complete them (from any thread); front ends render a bar (terminal), periodic lines (log
 * files), a NetBeans progress handle, or SNAP's {@code ProgressMonitor}.
 *
 * <h2>Thread-safety</h2>
 * Implementations must accept {@link #worked} from several threads.
 */
public interface Progress {

    /** Starts a stage of {@code totalWork} units (e.g. tiles). */
    void begin(String stage, long totalWork);

    /** {@code units} more units of the current stage are done. */
    void worked(long units);

    /** The current stage is finished. */
    void end();

    /** True once the user asked to stop; long loops check it and throw {@link Cancelled}. */
    boolean isCancelled();

    /** Asks the running task to stop. */
    void cancel();

    /** Throws {@link Cancelled} when cancellation was asked for. */
    default void checkCancelled() {
        if (isCancelled()) throw new Cancelled();
    }

    /** A progress that reports nothing but can still be cancelled. */
    static Progress silent() {
        return new Progress() {
            private volatile boolean cancelled;
            @Override public void begin(String stage, long totalWork) { }
            @Override public void worked(long units) { }
            @Override public void end() { }
            @Override public boolean isCancelled() { return cancelled; }
            @Override public void cancel() { cancelled = true; }
        };
    }

    /** Thrown when a task stops because it was cancelled. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("Cancelled by the user");
        }
    }
}
