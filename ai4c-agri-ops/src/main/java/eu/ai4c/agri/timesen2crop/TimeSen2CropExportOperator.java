package eu.ai4c.agri.timesen2crop;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code timesen2crop-export}: writes the TimeSen2Crop dataset (section 3.2.2) as the {@code .npy}
 * training input of {@code train_lstm} (section 3.2.4), see {@link TimeSen2CropExport} for the
 * files and conventions. A {@link FileOperator}: the files go into the front end's output folder.
 * Stateless.
 */
public final class TimeSen2CropExportOperator implements FileOperator {

    /** The descriptor; the spec's spellings ({@code --input_dir}, …) with kebab-case aliases. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "timesen2crop-export",
            "TimeSen2Crop to NumPy training set",
            "Agriculture",
            "Exports TimeSen2Crop samples (<tile>/dates.csv, <tile>/<class 0-15>/<sample>.csv) as NumPy arrays for "
                    + "LSTM training. Writes train.npy (float32 [N, ts, 9], bands B2 B3 B4 B5 B6 B7 B8A B11 B12, "
                    + "reflectance x 10000) and y_train.npy (int64 [N], class ids 0-15) to the output folder, and the "
                    + "same two files in its val/ sub-folder for a stratified validation part (give that folder to "
                    + "train_lstm --val). Monthly: 12 medians of clear observations, September to August of the "
                    + "agronomic year; months without one are interpolated from their neighbours.",
            List.of(),
            List.of(
                    ParameterDescriptor.builder("inputDir", ParameterType.PATH).option("--input_dir").required()
                            .label("TimeSen2Crop folder")
                            .description("Root folder of the dataset, holding one folder per Sentinel-2 tile.")
                            .build(),
                    ParameterDescriptor.builder("tiles", ParameterType.STRING_LIST).label("Tiles")
                            .description("Tiles to export, comma-separated (e.g. 33UVP,33TWN); default all.")
                            .build(),
                    ParameterDescriptor.builder("monthly", ParameterType.BOOLEAN).defaultValue(true)
                            .label("Monthly medians")
                            .description("true: 12 monthly medians of clear observations (September to August); "
                                    + "false: the raw series of all dates (all tiles must have as many dates).")
                            .build(),
                    ParameterDescriptor.builder("seasonStart", ParameterType.INTEGER).option("--season_start")
                            .defaultValue(2017).interval("[1984,2200]").label("Season start")
                            .description("Year in which the agronomic year starts (September); used with --monthly.")
                            .build(),
                    ParameterDescriptor.builder("valFraction", ParameterType.DOUBLE).option("--val_fraction")
                            .defaultValue(0.2).interval("[0,1)").label("Validation fraction")
                            .description("Fraction of each class written to val/ (stratified); 0 writes no "
                                    + "validation set.")
                            .build(),
                    ParameterDescriptor.builder("seed", ParameterType.INTEGER).defaultValue(42).label("Seed")
                            .description("Seed of the validation draw; the same seed gives the same split.")
                            .build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Writes train.npy, y_train.npy and (with a validation fraction) val/ into {@code outputDir}. */
    @Override
    public List<Path> write(Map<String, Product> sources, ParameterValues params, Path outputDir,
                            ProcessingContext context) throws IOException {
        TimeSen2CropExport.Summary s = export(params, outputDir, context);
        List<Path> files = new ArrayList<>(List.of(s.samples(), s.labels()));
        if (s.validationSamples() != null) files.addAll(List.of(s.validationSamples(), s.validationLabels()));
        return files;
    }

    /** Exports the dataset of {@code params} into {@code output} (all files or none). */
    public TimeSen2CropExport.Summary export(ParameterValues params, Path output, ProcessingContext context)
            throws IOException {
        Path input = params.getPath("inputDir");
        if (output.toAbsolutePath().normalize().startsWith(input.toAbsolutePath().normalize())) {
            throw Ai4cException.usage("timesen2crop-export: --output_dir " + output + " lies inside --input_dir "
                    + input + "; choose an output folder outside the dataset.");
        }
        List<String> tiles = params.has("tiles") ? params.getList("tiles") : List.of();
        return TimeSen2CropExport.export(new TimeSen2CropExport.Request(input, tiles, output,
                params.getBoolean("monthly"), params.getInt("seasonStart"), params.getDouble("valFraction"),
                params.getInt("seed")), context);
    }
}
