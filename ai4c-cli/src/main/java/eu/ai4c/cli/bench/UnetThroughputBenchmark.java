package eu.ai4c.cli.bench;

import eu.ai4c.agri.unet.Backbone;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The shape of the U-Net throughput benchmarks ({@code unet-train}, {@code unet-pretrain}): one
 * epoch over N random 4-band patches at each patch size of {@code -Ppatches} (default 64,256) with
 * {@code -Pbackbone} (default resnet50) and batch {@code -Pbatch} (default 8), reported as patches
 * per second; no peer. A subclass runs the epoch.
 */
abstract class UnetThroughputBenchmark extends DeclaredBenchmark {
    /** A timed epoch: the measurement, the patches it went through and what it ran on. */
    record Epoch(BenchContext.Measured measured, int patches, String input) {
    }

    UnetThroughputBenchmark(String name, String description) {
        super(name, description, "backbone", "patches", "batch");
    }

    /** Times one epoch of {@code n} random patches of {@code size} px. */
    abstract Epoch epoch(BenchContext context, Backbone backbone, int batch, int n, int size) throws IOException;

    @Override
    public final List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(32);
        Backbone backbone = Backbone.of(context.option("backbone", "resnet50"));
        int batch = context.intOption("batch", 8, 2);
        List<BenchResult> results = new ArrayList<>();
        for (String p : context.option("patches", "64,256").split(",")) {
            int size = Integer.parseInt(p.strip());
            Epoch e = epoch(context, backbone, batch, n, size);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("threads", context.processing().threads());
            extra.put("backbone", backbone.id());
            extra.put("batch", batch);
            extra.put("patches_per_s", Math.round(e.patches() / e.measured().seconds() * 100) / 100.0);
            extra.put("patch", size);
            results.add(BenchResult.of(name(), e.input(), e.measured(), null, Double.NaN, extra));
        }
        return results;
    }

    /** {@code n × 4 × size²} standard normal values (seeded). */
    static float[] randomValues(int n, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 4 * size * size];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        return x;
    }
}
