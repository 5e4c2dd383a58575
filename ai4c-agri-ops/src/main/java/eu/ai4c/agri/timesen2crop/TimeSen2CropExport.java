package eu.ai4c.agri.timesen2crop;

import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns TimeSen2Crop tiles into the {@code .npy} training input of the LSTM service (specification
 * section 3.2.4): {@code <out>/train.npy} (float32 {@code [N, ts, 9]}) and {@code <out>/y_train.npy}
 * (int64 {@code [N]}, class ids 0–15), and, when a validation fraction is asked for, the same two
 * names in {@code <out>/val/} — the folder to give {@code train_lstm --val}. Values keep the
 * dataset's scale, surface reflectance × 10000 as float32, the unit of the uint16 monthly composite
 * GeoTIFFs, so a model trained on the export classifies composites without rescaling.
 *
 * <p>Monthly ({@code ts = 12}, September → August, see {@link MonthlyMedians}): samples with no clear
 * observation in the agronomic year are left out with a warning. Raw ({@code ts} = dates of the
 * tile): all dates whatever their condition; all tiles must then have the same number of dates.
 * Everything is read and checked before anything is written; all files are written atomically.
 * Stateless and thread-safe.</p>
 */
public final class TimeSen2CropExport {
    /** Sample file name (the name train_lstm reads). */
    public static final String SAMPLES_FILE = "train.npy";
    /** Label file name (the name train_lstm reads). */
    public static final String LABELS_FILE = "y_train.npy";
    /** Validation sub-folder holding its own {@value #SAMPLES_FILE} and {@value #LABELS_FILE}. */
    public static final String VALIDATION_FOLDER = "val";

    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    /** What to export. {@code tiles} empty = all tiles of {@code inputDir}. */
    public record Request(Path inputDir, List<String> tiles, Path outputDir, boolean monthly, int seasonStart,
                          double validationFraction, long seed) {
        public Request {
            tiles = List.copyOf(tiles);
        }
    }

    /** What was written: files (validation ones null without validation) and counts per class. */
    public record Summary(Path samples, Path labels, Path validationSamples, Path validationLabels, int timesteps,
                          int bands, int[] trainPerClass, int[] validationPerClass, int skipped) {
    }

    /** A loaded set and the number of samples left out. */
    public record Loaded(TimeSeriesSet set, int skipped) {
    }

    private TimeSen2CropExport() {
    }

    /** Reads, splits and writes; see the class comment. */
    public static Summary export(Request request, ProcessingContext context) throws IOException {
        Loaded loaded = load(request.inputDir(), request.tiles(), request.monthly(), request.seasonStart(), context);
        TimeSeriesSet all = loaded.set();
        StratifiedSplit.Result split = StratifiedSplit.split(all.labels(), CropClass.COUNT,
                request.validationFraction(), request.seed());
        TimeSeriesSet train = subset(all, split.train());
        TimeSeriesSet val = split.validation().length > 0 ? subset(all, split.validation()) : null;
        if (train.count() == 0) {
            throw Ai4cException.usage("timesen2crop-export: no training sample is left with --val_fraction "
                    + request.validationFraction() + "; lower it.");
        }
        Path out = request.outputDir().toAbsolutePath();
        Path samples = out.resolve(SAMPLES_FILE), labels = out.resolve(LABELS_FILE);
        Path valDir = out.resolve(VALIDATION_FOLDER);
        Path valSamples = val == null ? null : valDir.resolve(SAMPLES_FILE);
        Path valLabels = val == null ? null : valDir.resolve(LABELS_FILE);
        try (AtomicOutput atomic = AtomicOutput.create()) {
            write(train, atomic.temporaryFor(samples), atomic.temporaryFor(labels));
            if (val != null) write(val, atomic.temporaryFor(valSamples), atomic.temporaryFor(valLabels));
            atomic.commit();
        }
        if (val == null) {
            // a validation set of an earlier export would no longer match this training set
            Files.deleteIfExists(valDir.resolve(SAMPLES_FILE));
            Files.deleteIfExists(valDir.resolve(LABELS_FILE));
        }
        LOG.info("timesen2crop-export: wrote {} training{} series of {} x {} to {}", train.count(),
                val == null ? "" : " and " + val.count() + " validation", all.timesteps(), all.bands(), out);
        return new Summary(samples, labels, valSamples, valLabels, all.timesteps(), all.bands(),
                train.classCounts(CropClass.COUNT), val == null ? new int[CropClass.COUNT] : val.classCounts(CropClass.COUNT),
                loaded.skipped());
    }

    /**
     * All samples of the given tiles (all tiles when empty) as one labelled set: monthly medians
     * ({@code ts = 12}) or raw series, in tile, class and file-name order, with the number of
     * samples left out for lack of a clear observation (monthly only).
     */
    public static Loaded load(Path root, List<String> tiles, boolean monthly, int seasonStart,
                                     ProcessingContext context) {
        List<String> available = TimeSen2CropReader.tiles(root);
        List<String> chosen = tiles.isEmpty() ? available : tiles;
        for (String t : chosen) {
            if (!available.contains(t)) {
                throw Ai4cException.usage("timesen2crop-export: --tiles names " + t + ", which is not a tile folder of "
                        + root + ". Tiles there: " + String.join(", ", available) + ".");
            }
        }
        int bands = TimeSen2CropReader.BANDS.size();
        List<float[]> parts = new ArrayList<>();
        List<int[]> labelParts = new ArrayList<>();
        int total = 0, timesteps = -1, skipped = 0;
        String firstTile = null;
        context.progress().begin("timesen2crop-export: reading tiles", chosen.size());
        for (String tile : chosen) {
            context.progress().checkCancelled();
            TileSamples s = TimeSen2CropReader.readTile(root, tile);
            float[] values;
            int[] labels;
            int ts;
            if (monthly) {
                int[] month = MonthlyMedians.monthIndex(s.dates(), seasonStart);
                if (java.util.Arrays.stream(month).allMatch(m -> m < 0)) {
                    throw Ai4cException.usage("timesen2crop-export: tile " + tile + " has no acquisition between "
                            + "September " + seasonStart + " and August " + (seasonStart + 1) + " (its dates run "
                            + s.dates().get(0) + " to " + s.dates().get(s.dates().size() - 1) + "); set --season_start "
                            + "to the year its agronomic year starts.");
                }
                boolean[] valid = new boolean[s.count()];
                float[] m = MonthlyMedians.compute(s.values(), s.conditions(), month, s.count(), bands, valid);
                int kept = 0;
                for (boolean v : valid) if (v) kept++;
                ts = MonthlyMedians.MONTHS;
                values = new float[kept * ts * bands];
                labels = new int[kept];
                int len = ts * bands;
                for (int i = 0, k = 0; i < s.count(); i++) {
                    if (!valid[i]) continue;
                    System.arraycopy(m, i * len, values, k * len, len);
                    labels[k++] = s.labels()[i];
                }
                if (kept < s.count()) {
                    skipped += s.count() - kept;
                    context.warnings().warning("timesen2crop-export: tile " + tile + ": " + (s.count() - kept)
                            + " samples have no clear observation in the agronomic year and are left out.");
                }
            } else {
                ts = s.dates().size();
                values = s.values();
                labels = s.labels();
            }
            if (timesteps >= 0 && ts != timesteps) {
                throw Ai4cException.usage("timesen2crop-export: tile " + tile + " has " + ts + " dates but tile "
                        + firstTile + " has " + timesteps + "; raw series of different lengths cannot share one array."
                        + " Use --monthly true, or export such tiles separately.");
            }
            timesteps = ts;
            firstTile = firstTile == null ? tile : firstTile;
            parts.add(values);
            labelParts.add(labels);
            total += labels.length;
            LOG.info("timesen2crop-export: tile {}: {} samples, {} dates", tile, s.count(), s.dates().size());
            context.progress().worked(1);
        }
        context.progress().end();
        if (total == 0) {
            throw Ai4cException.usage("timesen2crop-export: no samples in tiles " + chosen + " of " + root
                    + ". Samples are <tile>/<class 0-15>/<sample>.csv files.");
        }
        float[] values = new float[total * timesteps * bands];
        int[] labels = new int[total];
        int at = 0;
        for (int p = 0; p < parts.size(); p++) {
            int[] l = labelParts.get(p);
            System.arraycopy(parts.get(p), 0, values, at * timesteps * bands, l.length * timesteps * bands);
            System.arraycopy(l, 0, labels, at, l.length);
            at += l.length;
        }
        return new Loaded(new TimeSeriesSet(values, labels, total, timesteps, bands), skipped);
    }

    /** The series at {@code indices}, in that order. */
    static TimeSeriesSet subset(TimeSeriesSet set, int[] indices) {
        int len = set.seriesLength();
        float[] v = new float[indices.length * len];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(set.values(), set.offset(indices[k]), v, k * len, len);
            l[k] = set.labels()[indices[k]];
        }
        return new TimeSeriesSet(v, l, indices.length, set.timesteps(), set.bands());
    }

    private static void write(TimeSeriesSet set, Path samples, Path labels) throws IOException {
        Npy.write(NpyArray.ofFloats(set.values(), set.count(), set.timesteps(), set.bands()), samples);
        long[] y = new long[set.count()];
        for (int i = 0; i < y.length; i++) y[i] = set.labels()[i];
        Npy.write(NpyArray.ofLongs(y, set.count()), labels);
    }
}
