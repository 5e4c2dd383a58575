package eu.ai4c.cli.progress;

import java.io.PrintWriter;

/**
 * A one-line bar for an interactive terminal, redrawn in place with a carriage return at most
 * ten times a second: {@code Warp [########------------]  35%  120/342 tiles  4.2 s  ETA 7.8 s}.
 * Thread-safety as {@link StageProgress}.
 */
public final class TerminalProgressBar extends StageProgress {
    private static final int BAR = 24;
    /** Longer stage names are shortened so the line fits an 80-column terminal (a wrapped line cannot be redrawn). */
    private static final int MAX_STAGE = 24;
    private int lastLength;

    public TerminalProgressBar(PrintWriter out) {
        super(out, 100_000_000L);
    }

    @Override
    protected void render(State s) {
        draw(line(s));
    }

    @Override
    protected void finish(State s) {
        draw(line(s));
        out.print('\n');
        lastLength = 0;
    }

    static String line(State s) {
        int filled = (int) ((long) BAR * s.percent() / 100);
        StringBuilder sb = new StringBuilder(96);
        String stage = s.stage().length() <= MAX_STAGE ? s.stage() : s.stage().substring(0, MAX_STAGE - 1) + "…";
        sb.append(stage).append(" [").append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ");
        String pct = Integer.toString(s.percent());
        sb.append(" ".repeat(3 - pct.length())).append(pct).append("%  ");
        sb.append(s.done()).append('/').append(s.total()).append(" tiles  ");
        sb.append(seconds(s.elapsedNanos()));
        long eta = s.etaNanos();
        if (eta >= 0 && s.done() < s.total()) sb.append("  ETA ").append(seconds(eta));
        return sb.toString();
    }

    private void draw(String line) {
        // pad with blanks so a shorter line erases the end of the previous one
        int pad = Math.max(0, lastLength - line.length());
        out.print('\r');
        out.print(line);
        out.print(" ".repeat(pad));
        lastLength = line.length();
    }
}
