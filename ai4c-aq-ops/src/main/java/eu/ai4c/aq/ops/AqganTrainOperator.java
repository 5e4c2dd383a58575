package eu.ai4c.aq.ops;

import eu.ai4c.agri.curves.TrainingCurves;
import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.data.SampleFile;
import eu.ai4c.aq.model.Batches;
import eu.ai4c.aq.model.SrganCheckpoint;
import eu.ai4c.aq.model.TrainingState;
import eu.ai4c.aq.model.EpochLog;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganTrainer;
import eu.ai4c.aq.model.SrganWeights;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code aqgan-train} (specification 5.2.1, table 14): trains the SRGAN on the samples of {@code
 * aqgan-preproc} whose times lie in the period ({@link SrganTrainer}); writes {@code
 * srgan_<dataset>.aqgan} (best validation epoch), {@code srgan_<dataset>_checkpoint.aqgan} (last
 * completed epoch with Adam's state, {@link SrganCheckpoint}, for {@code --resume}; both rewritten
 * after every epoch), {@code srgan_<dataset>_training_log.csv} (per-epoch losses) and {@code
 * srgan_<dataset>_training_curves.png} (those losses drawn, the kept epoch marked). A resumed run
 * continues exactly as an uninterrupted one (same weights and losses to the last bit); its log and
 * curves keep the earlier epochs.
 */
public final class AqganTrainOperator implements FileOperator {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AqganTrainOperator.class);
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("aqgan-train",
            "Train the CAMS downscaling SRGAN", "Air Quality",
            "Trains the super-resolution GAN (SRGAN generator with residual blocks, x8 sub-pixel upsampling and a noise"
                    + " input; critic with 32 base filters; Wasserstein loss with gradient penalty plus a content term)"
                    + " on CPU, on the samples of aqgan-preproc whose times lie between the start and end dates. Writes"
                    + " srgan_<dataset>.aqgan (the epoch of best validation score: weights, architecture,"
                    + " normalisation and configuration), a checkpoint of the last epoch and the per-epoch losses"
                    + " (critic, generator, Wasserstein distance, gradient penalty, content, validation) as CSV.",
            List.of(), List.of(AqganParameters.model(), AqganParameters.startDate(), AqganParameters.endDate(),
                    AqganParameters.dataset(), AqganParameters.config(),
                    ParameterDescriptor.builder("resume", ParameterType.BOOLEAN).option("--resume").defaultValue("false")
                            .label("Resume").description("Continue from srgan_<dataset>_checkpoint.aqgan in the output"
                                    + " folder (the last completed epoch, with the optimiser's state): the result is the"
                                    + " same as an uninterrupted training.").build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The config's output_path, so that the specification's commands (without --output_dir) work. */
    @Override
    public Path defaultOutputDir(ParameterValues params) throws IOException {
        return AqganParameters.configuredOutput(params);
    }

    @Override
    public List<Path> write(Map<String, Product> sources, ParameterValues params, Path outputDir,
                            ProcessingContext context) throws IOException {
        return train(params, outputDir, context, null);
    }

    /** Trains; {@code trainer} receives the listeners of a caller (null: a fresh one). */
    public List<Path> train(ParameterValues params, Path outputDir, ProcessingContext context, SrganTrainer trainer)
            throws IOException {
        AqConfig cfg = AqganParameters.config(params, outputDir);
        String dataset = params.getString("dataset");
        Instant start = AqganParameters.date(params, "startDate", "--start-date");
        Instant end = AqganParameters.date(params, "endDate", "--end-date");
        Path samples = AqganParameters.base(params).resolve(cfg.samplesPath());
        Path trainFile = samples.resolve(dataset + "_train.nc");
        if (!Files.isRegularFile(trainFile)) {
            throw new Ai4cException("aqgan-train: " + trainFile + " does not exist. Run aqgan-preproc --dataset " + dataset
                    + " with the same --config and output folder first.");
        }
        SampleFile.Samples train = within(SampleFile.read(trainFile), start, end);
        Path valFile = samples.resolve(dataset + "_val.nc");
        SampleFile.Samples val = Files.isRegularFile(valFile) ? SampleFile.read(valFile) : null;
        if (train.count() < 2) {
            throw new Ai4cException("aqgan-train: " + train.count() + " training sample(s) between " + start + " and "
                    + end + " in " + trainFile + ". Choose a period inside the pre-processed data.");
        }
        String target = cfg.hrOutputs().get(0);
        Path model = outputDir.resolve("srgan_" + dataset + ".aqgan");
        Path checkpoint = outputDir.resolve("srgan_" + dataset + "_checkpoint.aqgan");
        Path log = outputDir.resolve("srgan_" + dataset + "_training_log.csv");
        SrganWeights startWeights = null;
        TrainingState state = null;
        int firstEpoch = 1;
        List<EpochLog> history = new ArrayList<>();
        if (params.getBoolean("resume")) {
            if (!Files.isRegularFile(checkpoint)) {
                throw Ai4cException.usage("aqgan-train --resume: there is no checkpoint " + checkpoint + " (no epoch"
                        + " completed yet in that output folder). Train without --resume.");
            }
            SrganCheckpoint cp = SrganCheckpoint.read(checkpoint);
            startWeights = cp.model().weights();
            state = cp.state();
            firstEpoch = cp.model().epoch() + 1;
            if (state == null) {
                LOG.warn("aqgan-train: {} holds no optimiser state (written by an earlier version): Adam's moments"
                        + " restart, so the result differs from an uninterrupted training", checkpoint);
            }
            if (Files.isRegularFile(log)) history.addAll(readLog(log, firstEpoch));
        }
        SrganTrainer t = trainer != null ? trainer : new SrganTrainer(cfg);
        Batches tb = new Batches(train, target);
        t.addListener(e -> {
            history.add(e);
            try {
                writeLog(log, history);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        // after every completed epoch: the checkpoint, and the model when the epoch is the best so far, so
        // that a run stopped from outside keeps what it has learnt (--resume continues from the checkpoint)
        t.addCheckpointListener((e, cp) -> {
            try {
                new SrganCheckpoint(new SrganModelFile(cp.weights(), train.lrInputs(), train.staticInputs(), target,
                        train.mean(), train.std(), e.epoch(), cfg), cp.state()).write(checkpoint);
                if (e.best()) {
                    new SrganModelFile(cp.weights(), train.lrInputs(), train.staticInputs(), target, train.mean(),
                            train.std(), e.epoch(), cfg).write(model);
                }
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        SrganTrainer.Result r = t.train(tb, val == null ? null : new Batches(val, target), startWeights, state,
                firstEpoch, context.progress());
        if (r.best() == null) {
            throw new Ai4cException("aqgan-train: no epoch finished; nothing to keep.");
        }
        // (the checkpoint was written after the last completed epoch; an epoch cut short by Stop is not kept in it)
        new SrganModelFile(r.best(), train.lrInputs(), train.staticInputs(), target, train.mean(), train.std(),
                r.bestEpoch(), cfg).write(model);
        Path curves = outputDir.resolve("srgan_" + dataset + "_training_curves.png");
        try (AtomicOutput out = AtomicOutput.create()) {
            writeCurves(history, r.bestEpoch(), out.temporaryFor(curves));
            out.commit();
        }
        return Files.isRegularFile(checkpoint) ? List.of(model, log, checkpoint, curves) : List.of(model, log, curves);
    }

    /** The losses per epoch as a PNG: critic and Wasserstein distance, content terms, validation RMSE. */
    static void writeCurves(List<EpochLog> history, int kept, Path file) throws IOException {
        int n = history.size();
        int[] epochs = new int[n];
        double[] critic = new double[n], w = new double[n], content = new double[n], valContent = new double[n],
                rmse = new double[n];
        for (int i = 0; i < n; i++) {
            EpochLog e = history.get(i);
            epochs[i] = e.epoch();
            critic[i] = e.criticLoss();
            w[i] = e.wasserstein();
            content[i] = e.content();
            valContent[i] = e.valContent();
            rmse[i] = e.valRmse();
        }
        TrainingCurves.write("SRGAN training", epochs, List.of(
                new TrainingCurves.Panel("critic", false, List.of(new TrainingCurves.Curve("critic_loss", critic),
                        new TrainingCurves.Curve("wasserstein_distance", w))),
                new TrainingCurves.Panel("content (normalised)", false, List.of(
                        new TrainingCurves.Curve("content_loss", content),
                        new TrainingCurves.Curve("val_content_loss", valContent))),
                new TrainingCurves.Panel("validation RMSE (ug/m3)", false, List.of(
                        new TrainingCurves.Curve("val_rmse", rmse)))), kept, file);
    }

    /** The samples whose times lie in [start, end]. */
    static SampleFile.Samples within(SampleFile.Samples s, Instant start, Instant end) {
        int n = 0;
        for (int i = 0; i < s.count(); i++) if (!s.time(i).isBefore(start) && !s.time(i).isAfter(end)) n++;
        if (n == s.count()) return s;
        float[] lr = new float[n * s.lrSize()];
        float[] y = new float[n * s.hrSize()];
        int[] tile = new int[n];
        double[] hours = new double[n];
        int k = 0;
        for (int i = 0; i < s.count(); i++) {
            if (s.time(i).isBefore(start) || s.time(i).isAfter(end)) continue;
            System.arraycopy(s.lr(), i * s.lrSize(), lr, k * s.lrSize(), s.lrSize());
            System.arraycopy(s.target(), i * s.hrSize(), y, k * s.hrSize(), s.hrSize());
            tile[k] = s.tile()[i];
            hours[k] = s.hours()[i];
            k++;
        }
        return new SampleFile.Samples(s.lrInputs(), s.staticInputs(), s.lrH(), s.lrW(), s.hrH(), s.hrW(), lr, y,
                s.statics(), tile, hours, s.mean(), s.std(), s.config());
    }

    /** The epochs before {@code firstEpoch} of a log written by {@link #writeLog} (a resumed run keeps them). */
    static List<EpochLog> readLog(Path log, int firstEpoch) throws IOException {
        List<EpochLog> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            try {
                if (f.length != 11) throw new NumberFormatException(f.length + " columns instead of 11");
                int epoch = Integer.parseInt(f[0]);
                if (epoch >= firstEpoch) continue;
                out.add(new EpochLog(epoch, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]),
                        Boolean.parseBoolean(f[10])));
            } catch (NumberFormatException e) {
                throw new Ai4cException("aqgan-train --resume: line " + (i + 1) + " of " + log + " is not a training"
                        + " log line (" + e.getMessage() + "). Delete the log to start it afresh, or restore it.");
            }
        }
        return out;
    }

    static void writeLog(Path log, List<EpochLog> history) throws IOException {
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(log);
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("epoch,critic_loss,generator_loss,wasserstein_distance,gradient_penalty,content_loss,"
                        + "val_content_loss,val_rmse,seconds,samples_per_second,best\n");
                for (EpochLog e : history) {
                    w.write(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.2f,%.1f,%s%n", e.epoch(),
                            e.criticLoss(), e.generatorLoss(), e.wasserstein(), e.gradientPenalty(), e.content(),
                            e.valContent(), e.valRmse(), e.seconds(), e.samplesPerSecond(), e.best()));
                }
            }
            out.commit();
        }
    }
}
