package eu.ai4c.cli;

/** Exit codes of the {@code ai4c} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Processing failed (bad input data, I/O, unexpected defect). */
    public static final int PROCESSING = 1;
    /** Wrong options or parameters. */
    public static final int USAGE = 2;
    /** Cancelled by the user (Ctrl-C), as shells report SIGINT. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
