package eu.ai4c.cli.bench;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.ContrastivePretrainer;
import eu.ai4c.agri.unet.NtXentLoss;
import eu.ai4c.agri.unet.UnlabeledPatches;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code unet-pretrain}: throughput of the encoder's SimCLR pre-training (patches per second,
 * each patch giving two views; one epoch of N random 4-band patches, Adam, NT-Xent) with
 * {@code -Pbackbone} (default resnet50) at patch 64 and 256 ({@code -Ppatches=64,256}), batch
 * {@code -Pbatch} (default 8). No peer.
 */
public final class UnetPretrainBenchmark extends DeclaredBenchmark {
    public UnetPretrainBenchmark() {
        super("unet-pretrain", "U-Net encoder SimCLR pre-training throughput in patches/s at patch 64 and 256 (ResNet-50,"
                + " batch 8, two views per patch); no peer (default N 32 patches).", "backbone", "patches", "batch");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(32);
        Backbone backbone = Backbone.of(context.option("backbone", "resnet50"));
        int batch = context.intOption("batch", 8, 2);
        List<BenchResult> results = new ArrayList<>();
        for (String p : context.option("patches", "64,256").split(",")) {
            int size = Integer.parseInt(p.strip());
            UnlabeledPatches.Patches set = randomPatches(n, size, 9);
            ContrastivePretrainer.Options options = new ContrastivePretrainer.Options(backbone, batch, 1, 1e-3,
                    NtXentLoss.DEFAULT_TEMPERATURE, 1, context.processing().threads());
            int[] seen = new int[1];
            BenchContext.Measured ours = context.measure(() -> {
                ContrastivePretrainer.Result r = new ContrastivePretrainer(options).pretrain(set, Progress.silent());
                seen[0] = (n / r.batchSize()) * r.batchSize();
            });
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("threads", context.processing().threads());
            extra.put("backbone", backbone.id());
            extra.put("batch", batch);
            extra.put("patches_per_s", Math.round(seen[0] / ours.seconds() * 100) / 100.0);
            extra.put("patch", size);
            results.add(BenchResult.of(name(), n + " patches 4x" + size + "x" + size + ", " + backbone.id()
                    + " encoder + projection head, 1 epoch", ours, null, Double.NaN, extra));
        }
        return results;
    }

    private static UnlabeledPatches.Patches randomPatches(int n, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 4 * size * size];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        return new UnlabeledPatches.Patches(x, n, 4, size, List.of("B2", "B3", "B4", "B8"), new float[4],
                new float[] {1, 1, 1, 1}, 0, "random patches");
    }
}
