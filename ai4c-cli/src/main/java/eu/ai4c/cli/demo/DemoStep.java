package eu.ai4c.cli.demo;

import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One service's contribution to {@code ai4c demo}: makes or finds its inputs, runs the service,
 * writes outputs and quick-look PNGs into its own folder and describes what it showed.
 * Registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/eu.ai4c.cli.demo.DemoStep}). Implementations are stateless.
 */
public interface DemoStep {

    /** Short name, also the name of the step's folder (e.g. {@code S1-GRD-preprocess}). */
    String name();

    /** Position in the demo; lower runs first, ties by name. */
    default int order() {
        return 100;
    }

    /**
     * Runs the step.
     *
     * @param outDir  the step's own folder (exists, empty)
     * @param context threads, progress, cache
     * @return outputs, quick-looks and a paragraph for the report
     */
    DemoOutcome run(Path outDir, ProcessingContext context) throws IOException;
}
