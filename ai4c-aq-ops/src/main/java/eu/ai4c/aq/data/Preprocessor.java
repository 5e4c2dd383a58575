package eu.ai4c.aq.data;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.config.ConfigYaml;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aqgan-preproc}: builds training samples (specification table 15) from CAMS-like netCDF.
 * <ol>
 * <li>The high-resolution (HR) target grid is the HR file's grid cut to the area of interest, a
 * whole number of HR frames (64 × 64); the low-resolution (LR) grid coarsens it by 8.</li>
 * <li>LR inputs ({@code pm2p5, u10, v10, t2m, lsm, sp, z, pm10}) are interpolated bilinearly
 * from their own grid onto the LR grid (exact when the grids coincide). HR static inputs come
 * from {@code data.static_path}: {@code urban_frac}, and {@code orog_scal} = orography min–max
 * scaled over the area ({@code orog_scal} itself when the file has it); a finer static grid is
 * averaged conservatively onto the HR grid, a coarser one interpolated bilinearly.</li>
 * <li>Every time step in {@code [start, end]} present in both the LR and HR data gives one
 * sample per frame position; samples with missing values are left out (logged).</li>
 * <li>Split by time: the last {@code validation_fraction} of the time steps is validation.
 * Per-variable mean and standard deviation of the training LR frames are stored with both
 * files (the HR target uses those of LR {@code pm2p5}).</li>
 * </ol>
 * Writes {@code <samples>/<dataset>_train.nc} and {@code <dataset>_val.nc} ({@link SampleFile}).
 */
public final class Preprocessor {
    private static final Logger LOG = LoggerFactory.getLogger(Preprocessor.class);

    private Preprocessor() {
    }

    /** What was written. */
    public record Result(Path train, Path validation, int trainSamples, int validationSamples, int times,
                         DownscalingGrid grid) {
    }

    /**
     * Runs the pre-processing.
     *
     * @param base    folder against which the config's relative paths are resolved
     * @param dataset name of the sample files
     */
    public static Result run(AqConfig cfg, Path base, Instant start, Instant end, String dataset, Progress progress)
            throws IOException {
        if (end.isBefore(start)) {
            throw Ai4cException.usage("aqgan-preproc: --end-date " + end + " is before --start-date " + start + ".");
        }
        String target = cfg.hrOutputs().get(0);
        try (CamsFiles lr = CamsFiles.open(base.resolve(cfg.data().lrPath()), "data.lr_path");
             CamsFiles hr = CamsFiles.open(base.resolve(cfg.data().hrPath()), "data.hr_path");
             CamsFiles st = CamsFiles.open(base.resolve(cfg.data().staticPath()), "data.static_path")) {
            lr.require(cfg.lrInputs(), "aqgan-preproc");
            hr.require(List.of(target), "aqgan-preproc (the high-resolution target)");
            CfGrid hrGrid = hr.grid(target);
            DownscalingGrid.Window window = DownscalingGrid.window(hrGrid, cfg.aoi(), cfg.hrFrame(), AqConfig.FACTOR,
                    "aqgan-preproc");
            DownscalingGrid grid = window.grid();
            float[][] statics = StaticFields.read(st, cfg.hrStaticInputs(), grid.hr());
            List<Instant> all = lr.times(cfg.lrInputs().get(0));
            List<Instant> times = new ArrayList<>();
            for (Instant t : all) {
                if (t.isBefore(start) || t.isAfter(end)) continue;
                if (hr.indexOf(target, t) < 0) continue;
                times.add(t);
            }
            if (times.isEmpty()) {
                throw new Ai4cException("aqgan-preproc: no time step between " + start + " and " + end
                        + " is in both data.lr_path and data.hr_path (data.lr_path has " + all.size() + " from "
                        + (all.isEmpty() ? "-" : all.get(0)) + " to " + (all.isEmpty() ? "-" : all.get(all.size() - 1))
                        + "). Choose --start-date/--end-date inside the data.");
            }
            times.sort(null);
            int nVal = (int) Math.round(times.size() * cfg.validationFraction());
            if (cfg.validationFraction() > 0 && nVal == 0 && times.size() >= 2) nVal = 1;
            int nTrain = times.size() - nVal;
            if (nTrain < 1) {
                throw new Ai4cException("aqgan-preproc: " + times.size() + " time step(s) leave none for training with"
                        + " validation_fraction " + cfg.validationFraction() + ". Choose a longer period.");
            }
            LOG.info("aqgan-preproc: {} time steps ({} training, {} validation), LR grid {}, HR grid {}", times.size(),
                    nTrain, nVal, grid.lr(), grid.hr());
            progress.begin("Pre-processing CAMS data", times.size());
            SampleFile.Builder train = new SampleFile.Builder(cfg, grid, statics, dataset);
            SampleFile.Builder val = new SampleFile.Builder(cfg, grid, statics, dataset);
            int skipped = 0;
            for (int i = 0; i < times.size(); i++) {
                Instant t = times.get(i);
                float[][] lrFields = new float[cfg.lrInputs().size()][];
                for (int k = 0; k < lrFields.length; k++) {
                    String name = cfg.lrInputs().get(k);
                    int ti = lr.indexOf(name, t);
                    if (ti < 0) {
                        throw new Ai4cException("aqgan-preproc: data.lr_path has " + cfg.lrInputs().get(0) + " at " + t
                                + " but not " + name + ". Download every input for the same times.");
                    }
                    lrFields[k] = Regrid.bilinear(lr.grid(name), lr.read(name, ti), grid.lr());
                }
                float[] truth = window.crop(hr.read(target, hr.indexOf(target, t)), hrGrid.width(), grid.hr());
                skipped += (i < nTrain ? train : val).addTime(t, lrFields, truth);
                progress.worked(1);
                progress.checkCancelled();
            }
            progress.end();
            if (skipped > 0) LOG.warn("aqgan-preproc: {} sample(s) with missing values left out", skipped);
            if (train.samples() == 0) {
                throw new Ai4cException("aqgan-preproc: every training sample has missing values; check the inputs.");
            }
            double[][] stats = train.normalisation();
            String snapshot = ConfigYaml.write(cfg);
            Path dir = base.resolve(cfg.samplesPath());
            Path trainFile = train.write(dir.resolve(dataset + "_train.nc"), stats, snapshot);
            Path valFile = val.samples() == 0 ? null : val.write(dir.resolve(dataset + "_val.nc"), stats, snapshot);
            LOG.info("aqgan-preproc: wrote {} ({} samples) and {} ({} samples)", trainFile, train.samples(), valFile,
                    val.samples());
            return new Result(trainFile, valFile, train.samples(), val.samples(), times.size(), grid);
        }
    }
}
