package eu.ai4c.aq.ops;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.data.Preprocessor;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code aqgan-preproc} (specification 5.2.1, table 14): CAMS-like netCDF → training samples ({@link Preprocessor}). */
public final class AqganPreprocOperator implements FileOperator {
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("aqgan-preproc",
            "Pre-process CAMS data for downscaling", "Air Quality",
            "Builds training samples for the CAMS downscaling SRGAN from CAMS-like netCDF (netCDF-3 or netCDF-4, CF):"
                    + " low-resolution inputs (pm2p5, u10, v10, t2m, lsm, sp, z, pm10) on 8 x 8 frames, high-resolution"
                    + " static inputs (urban_frac, orog_scal) and the high-resolution pm2p5 target on 64 x 64 frames,"
                    + " inside the config's lat-lon area of interest. Writes samples/<dataset>_train.nc and"
                    + " <dataset>_val.nc (the last validation_fraction of the time steps) with the per-variable"
                    + " normalisation.",
            List.of(), List.of(AqganParameters.startDate(), AqganParameters.endDate(), AqganParameters.dataset(),
                    AqganParameters.config()));

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
        Preprocessor.Result r = Preprocessor.run(cfg, AqganParameters.base(params),
                AqganParameters.date(params, "startDate", "--start-date"),
                AqganParameters.date(params, "endDate", "--end-date"), params.getString("dataset"), context.progress());
        List<Path> out = new ArrayList<>(List.of(r.train()));
        if (r.validation() != null) out.add(r.validation());
        return out;
    }
}
