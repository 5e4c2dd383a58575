package eu.ai4c.desktop.run;

import java.nio.file.Path;

/**
 * Shows a written product (quick-look image, histogram, …). Implementations register with
 * {@code @ServiceProvider(service = OutputViewer.class)}; the completion notification of a run
 * offers "Show quick-look" only when one is found in the default lookup.
 */
public interface OutputViewer {

    /** Opens a view of {@code file}; called on the event thread. */
    void show(Path file);
}
