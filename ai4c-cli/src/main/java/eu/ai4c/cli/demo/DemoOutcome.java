package eu.ai4c.cli.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link DemoStep} produced. Immutable.
 *
 * @param description one paragraph for the report: what was run on what, and what to look at
 * @param outputs     files written (products)
 * @param quickLooks  PNG quick-looks shown in the report
 */
public record DemoOutcome(String description, List<Path> outputs, List<Path> quickLooks) {
    public DemoOutcome {
        outputs = List.copyOf(outputs);
        quickLooks = List.copyOf(quickLooks);
    }
}
