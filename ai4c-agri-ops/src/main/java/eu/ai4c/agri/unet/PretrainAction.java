package eu.ai4c.agri.unet;

import eu.ai4c.agri.curves.TrainingCurves;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code -action pretrain}: reads the unlabeled patches of {@code --input_dir}
 * ({@link UnlabeledPatches}), pre-trains the encoder ({@link ContrastivePretrainer}) and writes,
 * all or nothing, into {@code --output_dir}: {@value BackboneFile#FILE} (the encoder,
 * {@link BackboneFile}), {@value #LOG} ({@code epoch,loss,positive_top1,seconds}),
 * {@value #PLOT} and {@value #SUMMARY} ({@code key,value}: method, augmentation, data, settings,
 * first and last loss, time, patches per second). Stateless.
 */
public final class PretrainAction {
    public static final String LOG = "pretrain_log.csv";
    public static final String PLOT = "pretrain_curves.png";
    public static final String SUMMARY = "pretrain_summary.csv";
    private static final Logger LOGGER = LoggerFactory.getLogger("eu.ai4c");

    private PretrainAction() {
    }

    /** Runs the action; returns the files written, the backbone first. */
    public static List<Path> run(ParameterValues params, Path input, Path outputDir, ProcessingContext context)
            throws IOException {
        UnlabeledPatches.Patches patches = UnlabeledPatches.read(input, UnetOperator.bands(params),
                UnetOperator.patchSize(params));
        if (patches.size() != UnetOperator.patchSize(params)) {
            LOGGER.info("unet: the patch set holds patches of {} px; pre-training at that size (-patch_size {} ignored)",
                    patches.size(), UnetOperator.patchSize(params));
        }
        LOGGER.info("unet: {} unlabeled patches of {}×{}² from {}", patches.count(), patches.bands(), patches.size(),
                patches.source());
        ContrastivePretrainer.Options options = options(params, context);
        ContrastivePretrainer.Result result = new ContrastivePretrainer(options).pretrain(patches, context.progress());
        List<Path> files = write(result, patches, options, outputDir);
        LOGGER.info("unet: wrote {} and the pre-training reports into {}", BackboneFile.FILE, outputDir);
        return files;
    }

    /** The pre-training options of validated parameters. */
    public static ContrastivePretrainer.Options options(ParameterValues params, ProcessingContext context) {
        return new ContrastivePretrainer.Options(Backbone.of(params.getString("backbone")), params.getInt("batchSize"),
                params.getInt("epochs"), params.getDouble("lr"), NtXentLoss.DEFAULT_TEMPERATURE, params.getInt("seed"),
                context.threads());
    }

    /** Writes backbone, log, curves and summary into {@code dir}; returns them, the backbone first. */
    public static List<Path> write(ContrastivePretrainer.Result r, UnlabeledPatches.Patches p,
                                   ContrastivePretrainer.Options o, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (AtomicOutput out = AtomicOutput.create()) {
            Path backbone = dir.resolve(BackboneFile.FILE);
            BackboneFile.write(out.temporaryFor(backbone), new BackboneFile.Description(o.backbone(), p.bandNames(),
                    p.size(), p.mean(), p.std(), o.temperature(), r.history().size(), o.seed()), r.encoder());
            files.add(backbone);
            Path log = dir.resolve(LOG);
            try (Writer w = Files.newBufferedWriter(out.temporaryFor(log), StandardCharsets.UTF_8)) {
                w.write("epoch,loss,positive_top1,seconds\n");
                for (ContrastivePretrainer.Epoch e : r.history()) {
                    w.write(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.3f%n", e.epoch(), e.loss(), e.positiveTop1(),
                            e.seconds()));
                }
            }
            files.add(log);
            Path plot = dir.resolve(PLOT);
            writePlot(r.history(), out.temporaryFor(plot));
            files.add(plot);
            Path summary = dir.resolve(SUMMARY);
            Files.writeString(out.temporaryFor(summary), summaryCsv(r, p, o));
            files.add(summary);
            out.commit();
        }
        return files;
    }

    static String summaryCsv(ContrastivePretrainer.Result r, UnlabeledPatches.Patches p, ContrastivePretrainer.Options o) {
        StringBuilder sb = new StringBuilder("key,value\n");
        row(sb, "method", "SimCLR (NT-Xent), projection head " + o.backbone().stageChannels(3) + "-"
                + o.backbone().stageChannels(3) + "-" + ContrastiveNetwork.PROJECTION + " dropped after pre-training");
        row(sb, "temperature", fmt(o.temperature()));
        row(sb, "augmentation", String.format(Locale.ROOT, "resized crop %.2f-1 of the area, aspect 3/4-4/3;"
                        + " flips and 90-degree rotations; brightness +-%.0f%%; contrast +-%.0f%%; noise %.2f std;"
                        + " band dropout p %.2f", SpectralAugmentation.MIN_AREA, 100 * SpectralAugmentation.BRIGHTNESS,
                100 * SpectralAugmentation.CONTRAST, SpectralAugmentation.NOISE, SpectralAugmentation.BAND_DROPOUT));
        row(sb, "backbone", o.backbone().id());
        row(sb, "bands", String.join(" ", p.bandNames()));
        row(sb, "input", p.source());
        row(sb, "tiles", Integer.toString(p.tiles()));
        row(sb, "patches", Integer.toString(p.count()));
        row(sb, "patch_size", Integer.toString(p.size()));
        row(sb, "batch_size", Integer.toString(r.batchSize()));
        row(sb, "epochs", r.history().size() + (r.stopped() ? " (stopped)" : ""));
        row(sb, "lr", Double.toString(o.learningRate()));
        row(sb, "seed", Long.toString(o.seed()));
        row(sb, "threads", Integer.toString(o.threads()));
        if (!r.history().isEmpty()) {
            row(sb, "first_epoch_loss", fmt(r.history().get(0).loss()));
            row(sb, "last_epoch_loss", fmt(r.history().get(r.history().size() - 1).loss()));
            row(sb, "last_epoch_positive_top1", fmt(r.history().get(r.history().size() - 1).positiveTop1()));
        }
        int seen = r.history().size() * (p.count() / r.batchSize()) * r.batchSize();
        row(sb, "seconds", String.format(Locale.ROOT, "%.1f", r.seconds()));
        row(sb, "patches_per_s", String.format(Locale.ROOT, "%.2f", seen / Math.max(1e-9, r.seconds())));
        row(sb, "retried_steps", Integer.toString(r.retriedSteps()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append(key).append(',');
        if (value.contains(",") || value.contains("\"")) sb.append('"').append(value.replace("\"", "\"\"")).append('"');
        else sb.append(value);
        sb.append('\n');
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static void writePlot(List<ContrastivePretrainer.Epoch> history, Path file) throws IOException {
        int n = history.size();
        int[] epochs = new int[n];
        double[] loss = new double[n];
        double[] top1 = new double[n];
        for (int i = 0; i < n; i++) {
            epochs[i] = history.get(i).epoch();
            loss[i] = history.get(i).loss();
            top1[i] = history.get(i).positiveTop1();
        }
        TrainingCurves.write("U-Net encoder pre-training (SimCLR)", epochs, List.of(
                new TrainingCurves.Panel("loss", false, List.of(new TrainingCurves.Curve("NT-Xent loss", loss))),
                new TrainingCurves.Panel("score", true, List.of(new TrainingCurves.Curve("positive top-1", top1)))),
                n, file);
    }
}
