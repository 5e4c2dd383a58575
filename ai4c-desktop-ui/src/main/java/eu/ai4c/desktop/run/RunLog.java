package eu.ai4c.desktop.run;

/**
 * Receives the log lines of a run as they happen (the Output window tab in the desktop, a list
 * in tests).
 *
 * <h2>Thread-safety</h2>
 * Implementations must accept lines from several threads.
 */
@FunctionalInterface
public interface RunLog {

    /** One line of text, without line terminator. */
    void line(String text);

    /** A warning the user should see; by default a line starting with {@code WARNING:}. */
    default void warning(String text) {
        line("WARNING: " + text);
    }
}
