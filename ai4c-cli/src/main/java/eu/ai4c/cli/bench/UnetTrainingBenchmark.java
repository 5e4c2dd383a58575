package eu.ai4c.cli.bench;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.PatchSet;
import eu.ai4c.agri.unet.UnetTrainer;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code unet-train}: training throughput (patches per second, one epoch of N random 4-band
 * patches with 4 classes, Adam, cross-entropy, no validation) of the U-Net ({@code -Pbackbone},
 * default resnet50) at patch 64 and 256 ({@code -Ppatches=64,256}), batch {@code -Pbatch}
 * (default 8). No peer.
 */
public final class UnetTrainingBenchmark extends DeclaredBenchmark {
    public UnetTrainingBenchmark() {
        super("unet-train", "U-Net training throughput in patches/s at patch 64 and 256 (ResNet-50, batch 8); no peer "
                + "(default N 32 patches).", "backbone", "patches", "batch");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(32);
        Backbone backbone = Backbone.of(context.option("backbone", "resnet50"));
        int batch = context.intOption("batch", 8, 2);
        List<BenchResult> results = new ArrayList<>();
        for (String p : context.option("patches", "64,256").split(",")) {
            int size = Integer.parseInt(p.strip());
            PatchSet set = randomPatches(n, size, 9);
            UnetTrainer.Options options = new UnetTrainer.Options(backbone, batch, 1, 1e-4,
                    UnetTrainer.Criterion.CROSS_ENTROPY, false, 1, context.processing().threads());
            BenchContext.Measured ours = context.measure(() -> new UnetTrainer(options).train(set, null,
                    List.of("B1", "B2", "B3", "B4"), new int[] {0, 1, 2, 3}, new float[4], new float[] {1, 1, 1, 1},
                    null, Progress.silent()));
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("threads", context.processing().threads());
            extra.put("backbone", backbone.id());
            extra.put("batch", batch);
            extra.put("patches_per_s", Math.round(n / ours.seconds() * 100) / 100.0);
            extra.put("patch", size);
            results.add(BenchResult.of(name(), n + " patches 4x" + size + "x" + size + ", "
                    + backbone.id() + " U-Net, 1 epoch", ours, null, Double.NaN, extra));
        }
        return results;
    }

    private static PatchSet randomPatches(int n, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 4 * size * size];
        byte[] y = new byte[n * size * size];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        for (int i = 0; i < y.length; i++) y[i] = (byte) rng.nextInt(4);
        return new PatchSet(x, y, n, 4, size);
    }
}
