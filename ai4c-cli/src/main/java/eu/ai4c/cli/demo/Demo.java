package eu.ai4c.cli.demo;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: runs every registered {@link DemoStep} in order, each in its own sub-folder, timing
 * them and recording failures without stopping, then writes {@code index.html}. Stateless.
 */
public final class Demo {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    private Demo() {
    }

    /**
     * How one step went.
     *
     * @param name    step name
     * @param seconds wall-clock time
     * @param outcome what it produced, or null when it failed
     * @param error   the failure message, or null
     */
    public record StepRecord(String name, double seconds, DemoOutcome outcome, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** The registered steps in run order. */
    public static List<DemoStep> steps() {
        List<DemoStep> list = new ArrayList<>();
        ServiceLoader.load(DemoStep.class).forEach(list::add);
        list.sort(Comparator.comparingInt(DemoStep::order).thenComparing(DemoStep::name));
        return list;
    }

    /**
     * Runs {@code steps} into {@code outDir} and writes the report.
     *
     * @return the records, in run order; the report is {@code outDir/index.html}
     */
    public static List<StepRecord> run(List<DemoStep> steps, Path outDir, ProcessingContext context)
            throws IOException {
        Files.createDirectories(outDir);
        List<StepRecord> records = new ArrayList<>();
        for (DemoStep step : steps) {
            Path dir = outDir.resolve(step.name());
            AtomicOutput.deleteTree(dir);
            Files.createDirectories(dir);
            LOG.info("Demo step {}: started", step.name());
            long t0 = System.nanoTime();
            StepRecord rec;
            try {
                DemoOutcome outcome = step.run(dir, context);
                rec = new StepRecord(step.name(), (System.nanoTime() - t0) / 1e9, outcome, null);
            } catch (IOException | RuntimeException e) {
                // one broken service must not hide the others: record it and go on
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("Demo step {} failed: {}", step.name(), msg);
                rec = new StepRecord(step.name(), (System.nanoTime() - t0) / 1e9, null, msg);
            }
            LOG.info("Demo step {}: {} in {} s", step.name(), rec.failed() ? "failed" : "done",
                    String.format(java.util.Locale.ROOT, "%.1f", rec.seconds()));
            records.add(rec);
        }
        DemoReport.write(outDir, records);
        return records;
    }
}
