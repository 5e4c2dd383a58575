package eu.ai4c.cli.bench;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.PatchSet;
import eu.ai4c.agri.unet.UnetTrainer;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code unet-train}: training throughput (patches per second, one epoch of N random 4-band
 * patches with 4 classes, Adam, cross-entropy, no validation) of the U-Net ({@code -Pbackbone},
 * default resnet50) at patch 64 and 256 ({@code -Ppatches=64,256}), batch {@code -Pbatch}
 * (default 8). No peer.
 */
public final class UnetTrainingBenchmark extends UnetThroughputBenchmark {
    public UnetTrainingBenchmark() {
        super("unet-train", "U-Net training throughput in patches/s at patch 64 and 256 (ResNet-50, batch 8); no peer "
                + "(default N 32 patches).");
    }

    @Override
    Epoch epoch(BenchContext context, Backbone backbone, int batch, int n, int size) throws IOException {
        float[] x = randomValues(n, size, 9);
        byte[] y = new byte[n * size * size];
        SplittableRandom rng = new SplittableRandom(10);
        for (int i = 0; i < y.length; i++) y[i] = (byte) rng.nextInt(4);
        PatchSet set = new PatchSet(x, y, n, 4, size);
        UnetTrainer.Options options = new UnetTrainer.Options(backbone, batch, 1, 1e-4,
                UnetTrainer.Criterion.CROSS_ENTROPY, false, 1, context.processing().threads());
        BenchContext.Measured ours = context.measure(() -> new UnetTrainer(options).train(set, null,
                List.of("B1", "B2", "B3", "B4"), new int[] {0, 1, 2, 3}, new float[4], new float[] {1, 1, 1, 1},
                null, Progress.silent()));
        return new Epoch(ours, n, n + " patches 4x" + size + "x" + size + ", " + backbone.id() + " U-Net, 1 epoch");
    }
}
