package eu.ai4c.cli.bench;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.data.CamsProducts;
import eu.ai4c.aq.model.SrganArchitecture;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganWeights;
import eu.ai4c.aq.synthetic.SyntheticCams;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aq-downscale}: {@code AQ-Downscale} on a product (the SNAP route) — one time step of
 * synthetic CAMS fields over Europe (default LR 88 × 53 cells of 0.8°; {@code --size} is the LR
 * width, the height keeps the domain's shape) as an in-memory product, a table 15 generator with
 * random weights (64 filters, 8 blocks; the cost does not depend on the weights), 10 members; the
 * time covers building the target and reading every band in full. Peer: {@code aqgan-predict} on
 * the netCDF file the product was made from (the file route: reading, the same generation, and
 * writing netCDF and GeoTIFF).
 */
public final class AqDownscaleBenchmark extends DeclaredBenchmark {
    public AqDownscaleBenchmark() {
        super("aq-downscale", "AQ-Downscale on a product: 10 members, one step, LR N x 0.6N -> HR x8 (default N 88), vs"
                + " aqgan-predict on the file.");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int lw = context.size(88);
        int lh = Math.max(1, Math.round(lw * 53f / 88f));
        Path[] inputs = inputs(context, lw);
        Path lrFile = inputs[0], statics = inputs[1], modelFile = inputs[2];
        Path dir = modelFile.getParent();
        AqConfig config = AqConfig.defaults();
        Product product = CamsProducts.timeStep(lrFile, config.lrInputs(), 0, "");
        Operator op = OperatorRegistry.load().get("AQ-Downscale");
        ParameterValues params = op.descriptor().validate(Map.of("modelFile", modelFile.toString(),
                "staticPath", statics.toString(), "members", "10"));
        int[] size = new int[2];
        BenchContext.Measured ours = context.measure(() -> {
            Raster r = op.apply(Map.of("input", product), params, context.processing()).raster();
            for (int b = 0; b < r.bands().size(); b++) r.read(b, r.bounds());
            size[0] = r.width();
            size[1] = r.height();
        });
        FileOperator predict = (FileOperator) OperatorRegistry.load().get("aqgan-predict");
        ParameterValues pp = predict.descriptor().validate(Map.of("modelFile", modelFile.toString(),
                "input", lrFile.toString(), "staticPath", statics.toString(), "members", "10"));
        Path out = dir.resolve("predicted");
        double peer = context.medianSeconds(() -> {
            predict.write(Map.of(), pp, out, context.processing());
            AtomicOutput.deleteTree(out);
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("members", 10);
        extra.put("hr_window", size[0] + "x" + size[1]);
        return List.of(BenchResult.of(name(), "LR " + lw + " x " + lh + " product -> HR x8, 10 members, generator 64"
                + " filters x 8 blocks", ours, "aqgan-predict (file route)", peer, extra));
    }

    /**
     * The LR CAMS file of N × 0.6N cells with its HR static file (written on first use) and the
     * generator with random weights, in the work folder: {lr file, static file, model file}.
     */
    static Path[] inputs(BenchContext context, int lw) throws IOException {
        int lh = Math.max(1, Math.round(lw * 53f / 88f));
        Path dir = Files.createDirectories(context.workDir().resolve("aq-downscale-" + lw));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path lrFile = data.resolve("cams_lr.nc");
        if (!Files.exists(lrFile)) {
            // inside the default area of interest (30–72° N, 25° W–45° E): north-west corner 71.9° N, 24.9° W
            new SyntheticCams(lw * 8, lh * 8, 8, 71.9, -24.9, 0.1, Instant.parse("2024-06-01T00:00:00Z"), 1, 3, 11)
                    .write(data);
        }
        Path modelFile = dir.resolve("srgan_bench.aqgan");
        AqConfig config = AqConfig.defaults();
        double[] mean = new double[8];
        double[] std = new double[8];
        Arrays.fill(std, 1);
        new SrganModelFile(SrganWeights.initial(new SrganArchitecture(8, 2, 64, 32, 8, 4, 0), 1), config.lrInputs(),
                config.hrStaticInputs(), "pm2p5", mean, std, 0, config).write(modelFile);
        return new Path[] {lrFile, data.resolve(SyntheticCams.STATIC_FILE), modelFile};
    }
}
