package eu.ai4c.cli.progress;

import eu.ai4c.kit.progress.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress that logs the start (with its size) and the end (with its time) of every stage as it
 * happens, and renders the state in between at most once per {@link #renderIntervalNanos}.
 * Subclasses decide how a state looks.
 *
 * <h2>Thread-safety</h2>
 * {@link #worked} may be called from any thread; {@link #begin} and {@link #end} from the thread
 * that drives the stages. Rendering is serialised on the output writer.
 */
public abstract class StageProgress implements Progress {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    /** Where the display goes. */
    protected final PrintWriter out;
    private final long renderIntervalNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextRender = new AtomicLong();
    private volatile String stage = "";
    private volatile long total;
    private volatile long startNanos;
    private volatile boolean cancelled;

    protected StageProgress(PrintWriter out, long renderIntervalNanos) {
        this.out = out;
        this.renderIntervalNanos = renderIntervalNanos;
    }

    @Override
    public void begin(String stageName, long totalWork) {
        stage = stageName;
        total = totalWork;
        done.set(0);
        startNanos = System.nanoTime();
        nextRender.set(startNanos + renderIntervalNanos);
        LOG.info("{}: started, {}", stageName, tiles(totalWork));
    }

    @Override
    public void worked(long units) {
        long d = done.addAndGet(units);
        long now = System.nanoTime();
        long next = nextRender.get();
        boolean last = d >= total;
        if ((now >= next || last) && nextRender.compareAndSet(next, now + renderIntervalNanos)) {
            synchronized (out) {
                render(snapshot(now));
                out.flush();
            }
        }
    }

    @Override
    public void end() {
        State s = snapshot(System.nanoTime());
        synchronized (out) {
            finish(s);
            out.flush();
        }
        LOG.info("{}: done, {} in {}", s.stage(), tiles(s.done()), seconds(s.elapsedNanos()));
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    /** Shows {@code state}; called under the writer's lock. */
    protected abstract void render(State state);

    /** Shows the final state of a stage; called under the writer's lock. */
    protected abstract void finish(State state);

    private State snapshot(long now) {
        return new State(stage, Math.min(done.get(), Math.max(total, 0)), total, now - startNanos);
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

    private static String tiles(long n) {
        return n == 1 ? "1 tile" : n + " tiles";
    }

    /** {@code 4.2 s}, {@code 3 min 07 s}, {@code 1 h 02 min}. */
    public static String seconds(long nanos) {
        double s = nanos / 1e9;
        if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
        long whole = (long) s;
        if (whole < 3600) return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole / 60 % 60);
    }
}
