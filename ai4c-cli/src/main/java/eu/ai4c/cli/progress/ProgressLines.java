package eu.ai4c.cli.progress;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Progress for logs and pipes: a plain line at most every two seconds and one at 100 %, e.g.
 * {@code [12:00:01] Warp: 35% (120/342 tiles), 4.2 s elapsed}. Thread-safety as {@link StageProgress}.
 */
public final class ProgressLines extends StageProgress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private boolean completeShown;

    public ProgressLines(PrintWriter out) {
        this(out, 2_000_000_000L);
    }

    /** With another interval between lines (tests). */
    ProgressLines(PrintWriter out, long intervalNanos) {
        super(out, intervalNanos);
    }

    @Override
    public void begin(String stageName, long totalWork) {
        synchronized (out) {
            completeShown = false;
        }
        super.begin(stageName, totalWork);
    }

    @Override
    protected void render(State s) {
        if (completeShown) return;
        out.println(line(s, LocalTime.now()));
        completeShown = s.done() >= s.total();
    }

    @Override
    protected void finish(State s) {
        if (!completeShown) out.println(line(s, LocalTime.now()));
        completeShown = true;
    }

    static String line(State s, LocalTime now) {
        return "[" + TIME.format(now) + "] " + s.stage() + ": " + s.percent() + "% (" + s.done() + "/" + s.total()
                + " tiles), " + seconds(s.elapsedNanos()) + " elapsed";
    }
}
