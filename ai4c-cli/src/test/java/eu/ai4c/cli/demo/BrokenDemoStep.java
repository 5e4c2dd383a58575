package eu.ai4c.cli.demo;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import java.nio.file.Path;

/** Test demo step that fails, as a service with missing data would. */
public final class BrokenDemoStep implements DemoStep {
    @Override
    public String name() {
        return "test-broken";
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) {
        throw new Ai4cException("sample data for test-broken is missing");
    }
}
