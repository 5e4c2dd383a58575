package eu.ai4c.cli.bench;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.config.ConfigYaml;
import eu.ai4c.aq.data.SampleFile;
import eu.ai4c.aq.model.Batches;
import eu.ai4c.aq.model.SrganTrainer;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code aqgan-train}: SRGAN training throughput at the table 15 sizes (LR 8 × 8 × 8 inputs,
 * HR 64 × 64 with 2 statics, generator 64 filters × 8 blocks, critic 32, batch 128 or N if
 * smaller, 2 critic steps per generator step, WGAN-GP, CRPS content) on N random samples
 * (default 256), one epoch; reports samples per second. No peer.
 */
public final class AqganTrainBenchmark extends DeclaredBenchmark {
    public AqganTrainBenchmark() {
        super("aqgan-train", "SRGAN WGAN-GP training throughput at the table 15 sizes on N samples (default 256).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(256);
        SplittableRandom rng = new SplittableRandom(1);
        float[] lr = new float[n * 8 * 64];
        for (int i = 0; i < lr.length; i++) lr[i] = (float) rng.nextDouble();
        float[] y = new float[n * 64 * 64];
        for (int i = 0; i < y.length; i++) y[i] = (float) rng.nextDouble();
        float[] st = new float[4 * 2 * 64 * 64];
        for (int i = 0; i < st.length; i++) st[i] = (float) rng.nextDouble();
        int[] tile = new int[n];
        double[] hours = new double[n];
        for (int i = 0; i < n; i++) {
            tile[i] = i % 4;
            hours[i] = i;
        }
        double[] std = new double[8];
        Arrays.fill(std, 1);
        SampleFile.Samples s = new SampleFile.Samples(AqConfig.defaults().lrInputs(), AqConfig.defaults().hrStaticInputs(),
                8, 8, 64, 64, lr, y, st, tile, hours, new double[8], std, "");
        AqConfig cfg = ConfigYaml.parse("epochs: 1\n", "aqgan-train benchmark");
        double[] perSecond = new double[1];
        BenchContext.Measured ours = context.measure(() -> {
            SrganTrainer.Result r = new SrganTrainer(cfg).train(new Batches(s, "pm2p5"), null, null, 1, Progress.silent());
            perSecond[0] = r.history().get(0).samplesPerSecond();
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("samples", n);
        extra.put("samples_per_s", perSecond[0]);
        return List.of(BenchResult.of(name(), n + " samples, LR 8x8x8 -> HR 64x64, G 64x8 blocks, D 32, batch "
                + Math.min(128, n), ours, null, Double.NaN, extra));
    }
}
