package eu.ai4c.aq.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.data.CamsFiles;
import eu.ai4c.aq.data.DownscalingGrid;
import eu.ai4c.aq.data.Regrid;
import eu.ai4c.aq.data.StaticFields;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.progress.Progress;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generation with a trained SRGAN (the work of {@code aqgan-generate} and {@code aqgan-predict}):
 * for every time step of the LR input in the period, the LR cells inside the area of interest are
 * downscaled ×8 into an ensemble; outputs are the CF netCDF, the GeoTIFF of the mean, the points
 * CSV when points are given, and — when HR truth for the same times is available — the skill
 * report {@code <name>_skill.json} + {@code <name>_skill.png} comparing the ensemble with bicubic
 * interpolation of the LR field. Streaming: each step's ensemble goes to a spill file in the
 * output folder as it is generated ({@link EnsembleSpill}) and its skill into running sums, and
 * the writers read the steps back one at a time, so memory does not depend on the period's length
 * ({@code AqganStreamingTest} generates a long period under a small heap).
 */
public final class Downscaling {
    private static final Logger LOG = LoggerFactory.getLogger(Downscaling.class);

    private Downscaling() {
    }

    /** What to downscale. */
    public record Request(SrganModelFile model, Path lrPath, Path staticPath, Path hrTruth, Instant start, Instant end,
                          AqConfig.BoundingBox aoi, int members, long seed, List<EnsembleOutputs.Point> points,
                          Path outputDir, String name, int threads) {
    }

    /** Files written and measures. */
    public record Result(List<Path> files, int timeSteps, double secondsPerStep, Skill ensemble, Skill bicubic) {
    }

    public static Result run(Request q, Progress progress) throws IOException {
        SrganModelFile model = q.model();
        String target = model.target();
        try (CamsFiles lr = CamsFiles.open(q.lrPath(), "input");
             CamsFiles st = CamsFiles.open(q.staticPath(), "data.static_path");
             EnsembleGenerator gen = new EnsembleGenerator(model, q.threads())) {
            lr.require(model.lrInputs(), "the model");
            DownscalingGrid.Window window = DownscalingGrid.lrWindow(lr.grid(target), q.aoi(), AqConfig.FACTOR,
                    "aqgan-generate");
            DownscalingGrid grid = window.grid();
            float[][] statics = StaticFields.read(st, model.staticInputs(), grid.hr());
            List<Instant> times = new ArrayList<>();
            for (Instant t : lr.times(target)) if (!t.isBefore(q.start()) && !t.isAfter(q.end())) times.add(t);
            if (times.isEmpty()) {
                throw new Ai4cException("No time step of " + q.lrPath() + " lies between " + q.start() + " and " + q.end()
                        + " (it has " + lr.times(target).size() + " from " + lr.times(target).get(0) + "). Choose"
                        + " --start-date/--end-date inside the data.");
            }
            CamsFiles hr = q.hrTruth() != null && Files.exists(q.hrTruth()) ? CamsFiles.open(q.hrTruth(), "data.hr_path") : null;
            Files.createDirectories(q.outputDir());
            // each step is spilled to disk as it is generated and scored on the fly: memory for one step,
            // whatever the period's length
            // the LR target beside it (1/64 of a field a step), for the viewer's comparison
            try (EnsembleSpill ens = new EnsembleSpill(q.outputDir(), q.members(), grid.hr().width() * grid.hr().height());
                 EnsembleSpill lrTarget = new EnsembleSpill(q.outputDir(), 1, grid.lr().width() * grid.lr().height())) {
                int w = grid.lr().width();
                int h = grid.lr().height();
                Skill.EnsembleSums ensembleSkill = new Skill.EnsembleSums(q.members());
                Skill.DeterministicSums bicubicSkill = new Skill.DeterministicSums();
                int scored = 0;
                progress.begin("Generating ensembles", times.size());
                long t0 = System.nanoTime();
                for (int t = 0; t < times.size(); t++) {
                    float[][] in = new float[model.lrInputs().size()][];
                    for (int k = 0; k < in.length; k++) {
                        String name = model.lrInputs().get(k);
                        int ti = lr.indexOf(name, times.get(t));
                        if (ti < 0) throw new Ai4cException(q.lrPath() + " has no " + name + " at " + times.get(t) + ".");
                        in[k] = Regrid.bilinear(lr.grid(name), lr.read(name, ti), grid.lr());
                    }
                    float[][] step = gen.generate(in, statics, w, h, q.members(), q.seed() + t);
                    ens.append(step);
                    lrTarget.append(new float[][] {in[model.lrInputs().indexOf(target)]});
                    if (hr != null && hr.has(target) && hr.indexOf(target, times.get(t)) >= 0) {
                        float[] truth = Regrid.conservative(hr.grid(target),
                                hr.read(target, hr.indexOf(target, times.get(t))), grid.hr());
                        ensembleSkill.add(step, truth);
                        bicubicSkill.add(Bicubic.upsample(in[model.lrInputs().indexOf(target)], w, h, AqConfig.FACTOR),
                                truth);
                        scored++;
                    }
                    progress.worked(1);
                    progress.checkCancelled();
                }
                double perStep = (System.nanoTime() - t0) / 1e9 / times.size();
                progress.end();
                LOG.info("aqgan: {} time steps of {} members on {} in {} s per step", times.size(), q.members(),
                        grid.hr(), String.format("%.2f", perStep));
                List<Path> files = new ArrayList<>();
                files.add(EnsembleOutputs.netcdf(q.outputDir().resolve(q.name() + ".nc"), grid.hr(), times, ens, target,
                        "ug m-3", "SRGAN " + model.config().model() + " epoch " + model.epoch() + " on " + q.lrPath().getFileName(),
                        new EnsembleOutputs.LowRes(grid.lr(), lrTarget)));
                files.add(EnsembleOutputs.meanGeoTiff(q.outputDir().resolve(q.name() + "_mean.tif"), grid.hr(), times, ens));
                if (q.points() != null && !q.points().isEmpty()) {
                    files.add(EnsembleOutputs.pointsCsv(q.outputDir().resolve(q.name() + "_points.csv"), grid.hr(), times,
                            ens, q.points()));
                }
                Skill se = null;
                Skill sb = null;
                if (scored > 0) {
                    se = ensembleSkill.skill();
                    sb = bicubicSkill.skill();
                    files.addAll(skillReport(q.outputDir(), q.name(), se, sb, scored));
                }
                return new Result(files, times.size(), perStep, se, sb);
            } finally {
                if (hr != null) hr.close();
            }
        }
    }

    /** {@code <name>_skill.json} and {@code <name>_skill.png}. */
    static List<Path> skillReport(Path dir, String name, Skill ens, Skill bic, int steps) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("time_steps", steps);
        root.put("cells", ens.cells());
        root.put("units", "ug m-3");
        ObjectNode e = root.putObject("srgan_ensemble");
        e.put("rmse", ens.rmse());
        e.put("bias", ens.bias());
        e.put("correlation", ens.correlation());
        e.put("crps", ens.crps());
        e.put("spread_skill_ratio", ens.spreadSkill());
        e.put("spread_error_correlation", ens.spreadErrorCorrelation());
        e.put("mean_spread", ens.meanSpread());
        ObjectNode b = root.putObject("bicubic");
        b.put("rmse", bic.rmse());
        b.put("bias", bic.bias());
        b.put("correlation", bic.correlation());
        b.put("crps", bic.crps());
        root.put("rmse_improvement_over_bicubic", 1 - ens.rmse() / bic.rmse());
        root.put("crps_improvement_over_bicubic", 1 - ens.crps() / bic.crps());
        Path jsonFile = dir.resolve(name + "_skill.json");
        Path pngFile = dir.resolve(name + "_skill.png");
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        ds.addValue(ens.rmse(), "SRGAN ensemble", "RMSE");
        ds.addValue(bic.rmse(), "bicubic", "RMSE");
        ds.addValue(Math.abs(ens.bias()), "SRGAN ensemble", "|bias|");
        ds.addValue(Math.abs(bic.bias()), "bicubic", "|bias|");
        ds.addValue(ens.crps(), "SRGAN ensemble", "CRPS");
        ds.addValue(bic.crps(), "bicubic", "CRPS");
        JFreeChart chart = ChartFactory.createBarChart("Skill against high-resolution truth (" + steps + " steps)", "",
                "ug m-3", ds, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tj = out.temporaryFor(jsonFile);
            json.writerWithDefaultPrettyPrinter().writeValue(tj.toFile(), root);
            Path tp = out.temporaryFor(pngFile);
            ChartUtils.saveChartAsPNG(tp.toFile(), chart, 640, 400);
            out.commit();
        }
        return List.of(jsonFile, pngFile);
    }
}
