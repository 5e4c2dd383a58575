package eu.ai4c.cli.bench;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.ContrastivePretrainer;
import eu.ai4c.agri.unet.NtXentLoss;
import eu.ai4c.agri.unet.UnlabeledPatches;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.util.List;

/**
 * {@code unet-pretrain}: throughput of the encoder's SimCLR pre-training (patches per second,
 * each patch giving two views; one epoch of N random 4-band patches, Adam, NT-Xent) with
 * {@code -Pbackbone} (default resnet50) at patch 64 and 256 ({@code -Ppatches=64,256}), batch
 * {@code -Pbatch} (default 8). No peer.
 */
public final class UnetPretrainBenchmark extends UnetThroughputBenchmark {
    public UnetPretrainBenchmark() {
        super("unet-pretrain", "U-Net encoder SimCLR pre-training throughput in patches/s at patch 64 and 256 (ResNet-50,"
                + " batch 8, two views per patch); no peer (default N 32 patches).");
    }

    @Override
    Epoch epoch(BenchContext context, Backbone backbone, int batch, int n, int size) throws IOException {
        UnlabeledPatches.Patches set = new UnlabeledPatches.Patches(randomValues(n, size, 9), n, 4, size,
                List.of("B2", "B3", "B4", "B8"), new float[4], new float[] {1, 1, 1, 1}, 0, "random patches");
        ContrastivePretrainer.Options options = new ContrastivePretrainer.Options(backbone, batch, 1, 1e-3,
                NtXentLoss.DEFAULT_TEMPERATURE, 1, context.processing().threads());
        int[] seen = new int[1];
        BenchContext.Measured ours = context.measure(() -> {
            ContrastivePretrainer.Result r = new ContrastivePretrainer(options).pretrain(set, Progress.silent());
            seen[0] = (n / r.batchSize()) * r.batchSize();
        });
        return new Epoch(ours, seen[0], n + " patches 4x" + size + "x" + size + ", " + backbone.id()
                + " encoder + projection head, 1 epoch");
    }
}
