package eu.ai4c.aq.generate;

import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.kit.progress.Progress;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code main} of the child JVM of {@link AqganStreamingTest}: downscales a whole file (the period
 * of {@code aqgan-predict}, with HR truth for the skill report) under the heap the test gives.
 * Arguments: model, LR file, static file, HR file, output folder. Prints the steps and the heap used.
 */
public final class LongPeriodRun {
    private LongPeriodRun() {
    }

    public static void main(String[] args) throws Exception {
        SrganModelFile model = SrganModelFile.read(Path.of(args[0]));
        Downscaling.Result r = Downscaling.run(new Downscaling.Request(model, Path.of(args[1]), Path.of(args[2]),
                Path.of(args[3]), Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:00:00Z"),
                model.config().aoi(), model.config().ensembleSize(), model.config().seed(), null, Path.of(args[4]),
                "long", 2), Progress.silent());
        Runtime rt = Runtime.getRuntime();
        System.out.println("steps " + r.timeSteps() + " heap_max_mb " + rt.maxMemory() / (1 << 20));
    }
}
