package eu.ai4c.cli;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.progress.Progress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C or SIGTERM (JVM shutdown) cancels {@code progress} and waits up to ten seconds
 * for the run to unwind, so that writers delete their temporary files; whatever temporaries are
 * left then are deleted ({@link AtomicOutput#deleteUncommitted()}), so no half-written output remains.
 * Use with try-with-resources around one run. Not reusable.
 */
final class CancelOnInterrupt implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnInterrupt(Progress progress) {
        hook = new Thread(() -> {
            progress.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // a step that did not unwind in time (or a writer between two cancellation checks) still
            // holds temporaries: the JVM halts after this hook, so they go now
            AtomicOutput.deleteUncommitted();
        }, "ai4c-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running; it only waits for the latch counted down above
        }
    }
}
