package eu.ai4c.cli.progress;

import eu.ai4c.kit.progress.TrackedProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress that logs the start (with its size) and the end (with its time) of every stage as it
 * happens, and renders the state in between at most once per {@link #renderIntervalNanos}.
 * Subclasses decide how a state ({@link TrackedProgress.State}) looks.
 *
 * <h2>Thread-safety</h2>
 * {@link #worked} may be called from any thread; {@link #begin} and {@link #end} from the thread
 * that drives the stages. Rendering is serialised on the output writer.
 */
public abstract class StageProgress extends TrackedProgress {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    /** Where the display goes. */
    protected final PrintWriter out;
    private final long renderIntervalNanos;
    private final AtomicLong nextRender = new AtomicLong();

    protected StageProgress(PrintWriter out, long renderIntervalNanos) {
        this.out = out;
        this.renderIntervalNanos = renderIntervalNanos;
    }

    @Override
    protected void stageBegun(String stageName, long totalWork, long startNanos) {
        nextRender.set(startNanos + renderIntervalNanos);
        LOG.info("{}: started, {}", stageName, tiles(totalWork));
    }

    @Override
    protected void advanced(long done, long total) {
        long now = System.nanoTime();
        long next = nextRender.get();
        boolean last = done >= total;
        if ((now >= next || last) && nextRender.compareAndSet(next, now + renderIntervalNanos)) {
            synchronized (out) {
                render(state(now));
                out.flush();
            }
        }
    }

    @Override
    protected void stageEnded(State s) {
        synchronized (out) {
            finish(s);
            out.flush();
        }
        LOG.info("{}: done, {} in {}", s.stage(), tiles(s.done()), seconds(s.elapsedNanos()));
    }

    /** Shows {@code state}; called under the writer's lock. */
    protected abstract void render(State state);

    /** Shows the final state of a stage; called under the writer's lock. */
    protected abstract void finish(State state);

    /** {@code 4.2 s}, {@code 3 min 07 s}, {@code 1 h 02 min}. */
    public static String seconds(long nanos) {
        double s = nanos / 1e9;
        if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
        long whole = (long) s;
        if (whole < 3600) return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole / 60 % 60);
    }
}
