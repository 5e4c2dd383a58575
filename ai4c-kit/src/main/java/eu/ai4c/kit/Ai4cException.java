package eu.ai4c.kit;

/**
 * A failure the user can act on: bad input, bad parameter, unreadable or unwritable file.
 * The message names the input, the problem and the fix, and is shown as it is; front ends print
 * it without a stack trace. {@link #isUsageError()} distinguishes wrong parameters (exit code 2
 * on the command line) from processing failures (exit code 1).
 */
public class Ai4cException extends RuntimeException {
    private final boolean usageError;

    public Ai4cException(String message) {
        this(message, null, false);
    }

    public Ai4cException(String message, Throwable cause) {
        this(message, cause, false);
    }

    protected Ai4cException(String message, Throwable cause, boolean usageError) {
        super(message, cause);
        this.usageError = usageError;
    }

    /** An error in the parameters or options given (exit code 2). */
    public static Ai4cException usage(String message) {
        return new Ai4cException(message, null, true);
    }

    public boolean isUsageError() {
        return usageError;
    }
}
