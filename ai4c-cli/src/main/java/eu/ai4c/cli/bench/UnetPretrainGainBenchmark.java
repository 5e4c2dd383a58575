package eu.ai4c.cli.bench;

import eu.ai4c.agri.unet.BackboneFile;
import eu.ai4c.agri.unet.UnetDescriptor;
import eu.ai4c.agri.unet.UnetOperator;
import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Raster;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code unet-pretrain-gain}: does self-supervised pre-training help when labels are few? On
 * the synthetic fields, roads and water of {@link SyntheticLandscape}: the encoder is
 * pre-trained ({@code -action pretrain}) on the image tiles of {@code -Punlabeled} tiles of
 * {@code -Ptile}² px (default 256)
 * (their labels unused), then a U-Net is trained on only {@code -Plabelled} labelled 64² tiles
 * (one patch each), once from scratch and once from the pre-trained encoder
 * ({@code -pretrained True}), with the same seed, settings and epochs; both map
 * {@code -Pheldout} unseen tiles of {@code --size}² px and their mean IoU (background and the three
 * classes, pooled over the held-out pixels) is reported, for {@code -Prepeats} seeds of the
 * supervised training (the pre-training is done once, seed 1). Settings: ResNet-18 (or
 * {@code -Pbackbone}), patch 64; pre-training batch 32, lr 0.001, {@code -Ppretrain_epochs}
 * epochs; supervised training batch 4, lr 0.002, {@code -Pepochs} epochs, no validation split
 * (the last epoch is kept). {@code -Pweights=FILE} uses the backbone of an earlier
 * {@code -action pretrain} instead of pre-training (other supervised settings on the same
 * encoder). No peer; {@code seconds} is the whole experiment.
 */
public final class UnetPretrainGainBenchmark extends DeclaredBenchmark {
    public UnetPretrainGainBenchmark() {
        super("unet-pretrain-gain", "U-Net with few labels: held-out mean IoU from scratch vs. after SimCLR"
                        + " pre-training on unlabeled synthetic tiles (ResNet-18, patch 64); no peer.",
                "backbone", "unlabeled", "tile", "labelled", "heldout", "pretrain_epochs", "epochs", "repeats", "weights");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int side = context.size(256);
        String backbone = context.option("backbone", "resnet18");
        int unlabeled = context.intOption("unlabeled", 16, 1);
        int tile = context.intOption("tile", 256, 64);
        int labelled = context.intOption("labelled", 4, 1);
        int heldout = context.intOption("heldout", 2, 1);
        int pretrainEpochs = context.intOption("pretrain_epochs", 10, 1);
        int epochs = context.intOption("epochs", 15, 1);
        int repeats = context.intOption("repeats", 3, 1);
        Path root = context.workDir().resolve("unet-pretrain-gain");
        Path unlabeledDir = root.resolve("unlabeled");
        Path labelledDir = root.resolve("labelled");
        Path heldoutDir = root.resolve("heldout");
        for (int i = 0; i < unlabeled; i++) {
            SyntheticLandscape.write(unlabeledDir, "u" + i, SyntheticLandscape.draw(tile, tile, 1000 + i));
        }
        for (int i = 0; i < labelled; i++) {
            SyntheticLandscape.write(labelledDir, "l" + i, SyntheticLandscape.draw(64, 64, 2000 + i));
        }
        List<byte[]> truth = new ArrayList<>();
        for (int i = 0; i < heldout; i++) {
            SyntheticLandscape.Scene s = SyntheticLandscape.draw(side, side, 3000 + i);
            SyntheticLandscape.write(heldoutDir, "h" + i, s);
            truth.add(s.labels());
        }
        List<Path> heldoutImages = new ArrayList<>();
        for (int i = 0; i < heldout; i++) heldoutImages.add(heldoutDir.resolve("images").resolve("h" + i + ".tif"));
        ProcessingContext ctx = context.processing();
        double[] scratch = new double[repeats];
        double[] pretrained = new double[repeats];
        double[] pretrainSeconds = new double[1];
        BenchContext.Measured measured = context.measure(() -> {
            long t0 = System.nanoTime();
            String given = context.option("weights", null);
            Path weights = given != null ? Path.of(given) : root.resolve("pretrain").resolve(BackboneFile.FILE);
            if (given == null) {
                new UnetOperator().write(Map.of(), params(Map.of("action", "pretrain", "inputDir",
                        unlabeledDir.toString(), "backbone", backbone, "b", "32", "epochs",
                        Integer.toString(pretrainEpochs), "lr", "0.001", "seed", "1")), weights.getParent(), ctx);
            }
            pretrainSeconds[0] = (System.nanoTime() - t0) / 1e9;
            for (int r = 0; r < repeats; r++) {
                Map<String, String> train = new HashMap<>(Map.of("action", "train", "inputDir", labelledDir.toString(),
                        "backbone", backbone, "b", "4", "epochs", Integer.toString(epochs), "lr", "0.002",
                        "selected-classes", "1,2,3", "val_fraction", "0", "seed", Integer.toString(r + 1)));
                scratch[r] = trainAndScore(train, root.resolve("scratch_" + r), heldoutImages, truth, ctx);
                train.put("pretrained", "True");
                train.put("backbone_weights", weights.toString());
                pretrained[r] = trainAndScore(train, root.resolve("pretrained_" + r), heldoutImages, truth, ctx);
            }
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", ctx.threads());
        extra.put("backbone", backbone);
        extra.put("scratch_mean_iou", round(mean(scratch)));
        extra.put("pretrained_mean_iou", round(mean(pretrained)));
        extra.put("scratch_iou_per_seed", rounded(scratch));
        extra.put("pretrained_iou_per_seed", rounded(pretrained));
        extra.put("pretrain_seconds", round(pretrainSeconds[0]));
        String pretraining = context.option("weights", null) != null ? "backbone " + context.option("weights", null)
                : String.format(Locale.ROOT, "%d unlabeled %d^2 tiles (%d epochs)", unlabeled, tile, pretrainEpochs);
        String input = String.format(Locale.ROOT, "%s, %d labelled 64^2 tiles (%d epochs, %d seeds), %d held-out %d^2"
                + " tiles", pretraining, labelled, epochs, repeats, heldout, side);
        return List.of(BenchResult.of(name(), input, measured, null, Double.NaN, extra));
    }

    private static ParameterValues params(Map<String, String> args) {
        Map<String, String> all = new HashMap<>(args);
        all.put("patch_size", "64");
        return UnetDescriptor.DESCRIPTOR.validate(all);
    }

    /** Trains on the labelled tiles, maps the held-out tiles and returns their pooled mean IoU. */
    private static double trainAndScore(Map<String, String> args, Path out, List<Path> images, List<byte[]> truth,
                                        ProcessingContext ctx) throws IOException {
        List<Path> files = new UnetOperator().write(Map.of(), params(args), out, ctx);
        List<Path> maps = UnetOperator.predict(images, files.get(0), out.resolve("maps"), ctx);
        long[][] m = new long[4][4];
        for (int i = 0; i < images.size(); i++) {
            Raster map = new GeoTiffReader().read(maps.get(3 * i)).raster();
            try {
                byte[] predicted = map.read(0, map.bounds()).bytes();
                byte[] t = truth.get(i);
                for (int p = 0; p < predicted.length; p++) {
                    int q = predicted[p] & 0xFF;
                    if (q < 4) m[t[p]][q]++; // 255 (no data) cannot occur: the synthetic tiles have none
                }
            } finally {
                if (map instanceof Closeable c) c.close();
            }
        }
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < 4; c++) {
            long union = 0;
            for (int j = 0; j < 4; j++) union += m[c][j] + m[j][c];
            union -= m[c][c];
            if (union == 0) continue;
            sum += (double) m[c][c] / union;
            classes++;
        }
        return sum / classes;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static List<Double> rounded(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) out.add(round(x));
        return out;
    }
}
