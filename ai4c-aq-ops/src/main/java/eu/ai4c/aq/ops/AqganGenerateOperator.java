package eu.ai4c.aq.ops;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.generate.Downscaling;
import eu.ai4c.aq.generate.EnsembleOutputs;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code aqgan-generate} (specification 5.2.1, table 14): HR ensembles for the period from the
 * config's LR data with the model trained by {@code aqgan-train} ({@link Downscaling}).
 */
public final class AqganGenerateOperator implements FileOperator {
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("aqgan-generate",
            "Generate downscaled CAMS ensembles", "Air Quality",
            "Generates, for every time step between the start and end dates, an ensemble (ensemble_size members, 10 by"
                    + " default) of high-resolution PM2.5 fields, 8 times finer than the CAMS input, with the SRGAN"
                    + " trained by aqgan-train. Writes <dataset>_srgan_<start>_<end>.nc (CF-1.8: time, member, lat, lon;"
                    + " ensemble mean and standard deviation), a GeoTIFF of the mean, a CSV at points of interest when"
                    + " --points is given, and, where high-resolution truth exists (data.hr_path), the skill report"
                    + " _skill.json/_skill.png against bicubic interpolation.",
            List.of(), List.of(AqganParameters.model(), AqganParameters.startDate(), AqganParameters.endDate(),
                    AqganParameters.dataset(), AqganParameters.config(),
                    ParameterDescriptor.builder("modelFile", ParameterType.PATH).option("--model_file")
                            .label("Model file").description("The .aqgan model (default: srgan_<dataset>.aqgan in the"
                                    + " output folder).").build(),
                    points()));

    static ParameterDescriptor points() {
        return ParameterDescriptor.builder("points", ParameterType.PATH).option("--points").label("Points of interest")
                .description("Optional CSV with the header id,lat,lon: the ensemble at these points goes to _points.csv.")
                .build();
    }

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
        AqConfig cfg = AqganParameters.config(params, outputDir);
        Path base = AqganParameters.base(params);
        String dataset = params.getString("dataset");
        Path modelFile = params.has("modelFile") ? params.getPath("modelFile")
                : outputDir.resolve("srgan_" + dataset + ".aqgan");
        SrganModelFile model = SrganModelFile.read(modelFile);
        Instant start = AqganParameters.date(params, "startDate", "--start-date");
        Instant end = AqganParameters.date(params, "endDate", "--end-date");
        String name = dataset + "_srgan_" + params.getString("startDate") + "_" + params.getString("endDate");
        Downscaling.Result r = Downscaling.run(new Downscaling.Request(model, base.resolve(cfg.data().lrPath()),
                base.resolve(cfg.data().staticPath()), base.resolve(cfg.data().hrPath()), start, end, cfg.aoi(),
                cfg.ensembleSize(), cfg.seed(), params.has("points") ? EnsembleOutputs.readPoints(params.getPath("points"))
                : null, outputDir, name, context.threads()), context.progress());
        return r.files();
    }
}
