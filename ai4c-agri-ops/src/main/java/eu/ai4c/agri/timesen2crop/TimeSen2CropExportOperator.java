package eu.ai4c.agri.timesen2crop;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code timesen2crop-export}: writes the TimeSen2Crop dataset (section 3.2.2) as the {@code .npy}
 * training input of {@code train_lstm} (section 3.2.4), see {@link TimeSen2CropExport} for the
 * files and conventions. The export happens in {@link #apply}; the returned product is the
 * per-class sample count table (a 16 × 2 float raster {@code samples}: row 0 training, row 1
 * validation, column = class id) with the {@link TimeSen2CropExport.Summary} attached. Stateless.
 */
public final class TimeSen2CropExportOperator implements Operator {

    /** The descriptor; the spec's spellings ({@code --input_dir}, …) with kebab-case aliases. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "timesen2crop-export",
            "TimeSen2Crop to NumPy training set",
            "Optical",
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
                    ParameterDescriptor.builder("outputDir", ParameterType.PATH).option("--output_dir").required()
                            .label("Output folder")
                            .description("Folder receiving train.npy, y_train.npy and val/.")
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

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context)
            throws IOException {
        Path input = params.getPath("inputDir");
        Path output = params.getPath("outputDir");
        if (output.toAbsolutePath().normalize().startsWith(input.toAbsolutePath().normalize())) {
            throw Ai4cException.usage("timesen2crop-export: --output_dir " + output + " lies inside --input_dir "
                    + input + "; choose an output folder outside the dataset.");
        }
        List<String> tiles = params.has("tiles") ? params.getList("tiles") : List.of();
        TimeSen2CropExport.Summary s = TimeSen2CropExport.export(new TimeSen2CropExport.Request(input, tiles, output,
                params.getBoolean("monthly"), params.getInt("seasonStart"), params.getDouble("valFraction"),
                params.getInt("seed")), context);
        float[] table = new float[2 * CropClass.COUNT];
        for (int c = 0; c < CropClass.COUNT; c++) {
            table[c] = s.trainPerClass()[c];
            table[CropClass.COUNT + c] = s.validationPerClass()[c];
        }
        Metadata md = new Metadata("metadata");
        Metadata h = md.childOrCreate("Processing_History").addChild("timesen2crop-export");
        for (Map.Entry<String, Object> e : params.asMap().entrySet()) h.set(e.getKey(), String.valueOf(e.getValue()));
        h.set("samples", s.samples().toString()).set("timesteps", String.valueOf(s.timesteps()))
                .set("skipped", String.valueOf(s.skipped()));
        return new Product("timesen2crop-export", MemoryRaster.ofFloats("samples", CropClass.COUNT, 2, table, null), md,
                null).withAttachment(TimeSen2CropExport.Summary.class, s);
    }
}
