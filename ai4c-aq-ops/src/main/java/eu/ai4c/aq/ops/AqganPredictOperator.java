package eu.ai4c.aq.ops;

import eu.ai4c.aq.generate.Downscaling;
import eu.ai4c.aq.generate.EnsembleOutputs;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code aqgan-predict}: the one-file entry point users asked for (specification 6.1, SLIDE):
 * a trained model and any CAMS-like netCDF with the model's input variables; every time step in the
 * file, over the model's area of interest, becomes a downscaled ensemble. The variables the model
 * needs are checked first and every missing one is named. On the command line the model and the
 * file may also be given by position: {@code aqgan-predict MODEL INPUT --output_path DIR}.
 */
public final class AqganPredictOperator implements FileOperator {
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("aqgan-predict",
            "Downscale one CAMS file with a trained model", "Air Quality",
            "Downscales one CAMS-like netCDF file (netCDF-3 or netCDF-4, CF: time, latitude, longitude; the model's"
                    + " low-resolution inputs, by default pm2p5, u10, v10, t2m, lsm, sp, z, pm10, as CAMS/ERA5 short names)"
                    + " with a model trained by aqgan-train: an ensemble per time step, written as <file>_srgan.nc,"
                    + " a GeoTIFF of the mean and, with --points, a CSV at points of interest. The high-resolution"
                    + " static inputs (urban_frac, orog or orog_scal) come from --static, or from the static_path the"
                    + " model was trained with.",
            List.of(), List.of(
                    ParameterDescriptor.builder("modelFile", ParameterType.PATH).option("--model").required()
                            .positional(0).label("Model file").description("The .aqgan file written by aqgan-train.").build(),
                    ParameterDescriptor.builder("input", ParameterType.PATH).option("--input").required()
                            .positional(1).label("CAMS netCDF").description("The netCDF file to downscale.").build(),
                    ParameterDescriptor.builder("staticPath", ParameterType.PATH).option("--static")
                            .label("Static inputs").description("netCDF with urban_frac and orog (or orog_scal) at high"
                                    + " resolution (default: the model's data.static_path).").build(),
                    AqganGenerateOperator.points(),
                    ParameterDescriptor.builder("members", ParameterType.INTEGER).option("--members").interval("[1,*)")
                            .label("Ensemble size").description("Members per time step (default: the model's ensemble_size).")
                            .build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Path> write(Map<String, Product> sources, ParameterValues params, Path outputDir,
                            ProcessingContext context) throws IOException {
        SrganModelFile model = SrganModelFile.read(params.getPath("modelFile"));
        Path input = params.getPath("input");
        Path statics;
        if (params.has("staticPath")) {
            statics = params.getPath("staticPath");
        } else {
            statics = Path.of(model.config().data().staticPath());
            if (!statics.isAbsolute() || !Files.exists(statics)) {
                throw Ai4cException.usage("aqgan-predict: give --static (netCDF with " + String.join(", ",
                        model.staticInputs()) + " at high resolution): the model's static_path " + statics
                        + " is not an existing absolute path.");
            }
        }
        String stem = input.getFileName().toString().replaceFirst("(?i)\\.nc4?$", "");
        int members = params.has("members") ? params.getInt("members") : model.config().ensembleSize();
        Downscaling.Result r = Downscaling.run(new Downscaling.Request(model, input, statics, null,
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:00:00Z"), model.config().aoi(), members,
                model.config().seed(), params.has("points") ? EnsembleOutputs.readPoints(params.getPath("points")) : null,
                outputDir, stem + "_srgan", context.threads()),
                context.progress());
        return r.files();
    }
}
