package eu.ai4c.cli.bench;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.generate.EnsembleGenerator;
import eu.ai4c.aq.model.SrganArchitecture;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganWeights;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code aqgan-generate}: one time step of a 10-member SRGAN ensemble over the CAMS European
 * domain (default LR 88 × 53 cells of 0.8°, i.e. HR 704 × 424 of 0.1°; {@code --size} is the LR
 * width, the height keeps the domain's shape) with the table 15 generator (64 filters, 8 residual
 * blocks, random weights: the cost does not depend on them), PyTorch on the run's threads. The
 * issue's goal: ≤ 30 s on 2 cores. No peer.
 */
public final class AqganGenerateBenchmark extends DeclaredBenchmark {
    public AqganGenerateBenchmark() {
        super("aqgan-generate", "10-member SRGAN ensemble, one time step, LR N x 0.6N -> HR x8 (default N 88: CAMS Europe).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int lw = context.size(88);
        int lh = Math.max(1, Math.round(lw * 53f / 88f));
        SrganArchitecture arch = new SrganArchitecture(8, 2, 64, 32, 8, 4, 0);
        double[] mean = new double[8];
        double[] std = new double[8];
        Arrays.fill(std, 1);
        SrganModelFile model = new SrganModelFile(SrganWeights.initial(arch, 1), AqConfig.defaults().lrInputs(),
                AqConfig.defaults().hrStaticInputs(), "pm2p5", mean, std, 0, AqConfig.defaults());
        SplittableRandom rng = new SplittableRandom(1);
        float[][] lr = new float[8][lw * lh];
        for (float[] x : lr) for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble();
        float[][] st = new float[2][lw * 8 * lh * 8];
        for (float[] x : st) for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble();
        int threads = context.processing().threads();
        BenchContext.Measured ours;
        try (EnsembleGenerator g = new EnsembleGenerator(model, threads)) {
            ours = context.measure(() -> g.generate(lr, st, lw, lh, 10, 2));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", threads);
        extra.put("members", 10);
        extra.put("hr_cells", (long) lw * 8 * lh * 8);
        return List.of(BenchResult.of(name(), "LR " + lw + " x " + lh + " -> HR " + lw * 8 + " x " + lh * 8
                + ", 10 members, generator 64 filters x 8 blocks", ours, null, Double.NaN, extra));
    }
}
