package eu.ai4c.desktop.testing;

import javax.swing.SwingUtilities;

/** Runs a test step on the Swing event thread and rethrows what it threw (assertion errors included) in the test. */
public final class Edt {
    private Edt() {
    }

    /** A test step that may throw. */
    public interface Step {
        void run() throws Exception;
    }

    public static void run(Step step) throws Exception {
        Throwable[] failure = new Throwable[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                step.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        if (failure[0] instanceof Exception e) throw e;
        if (failure[0] instanceof Error e) throw e;
    }
}
