package eu.ai4c.snap.op;

import eu.ai4c.snap.FileOperatorAdapter;
import java.io.File;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;

/**
 * SNAP operator {@code AI4C-Timesen2crop-Export}: the engine's {@code timesen2crop-export} ({@link eu.ai4c.agri.timesen2crop.TimeSen2CropExportOperator}).
 * Fields mirror the engine descriptor, plus the output folder; {@link FileOperatorAdapter} does the work.
 */
@OperatorMetadata(alias = "AI4C-Timesen2crop-Export",
        category = "Optical/AI4Copernicus/Agriculture",
        label = "TimeSen2Crop to NumPy training set",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Exports TimeSen2Crop samples (<tile>/dates.csv, <tile>/<class 0-15>/<sample>.csv) as NumPy arrays for LSTM training.")
public final class Ai4cTimesen2cropExportOp extends FileOperatorAdapter {

    @Parameter(notNull = true, label = "TimeSen2Crop folder",
            description = "Root folder of the dataset, holding one folder per Sentinel-2 tile.")
    File inputDir;

    @Parameter(label = "Tiles",
            description = "Tiles to export, comma-separated (e.g. 33UVP,33TWN); default all.")
    String[] tiles;

    @Parameter(defaultValue = "true", label = "Monthly medians",
            description = "true: 12 monthly medians of clear observations (September to August); false: the raw series of all dates (all tiles must have as many dates).")
    Boolean monthly;

    @Parameter(defaultValue = "2017", interval = "[1984,2200]", label = "Season start",
            description = "Year in which the agronomic year starts (September); used with --monthly.")
    Integer seasonStart;

    @Parameter(defaultValue = "0.2", interval = "[0,1)", label = "Validation fraction",
            description = "Fraction of each class written to val/ (stratified); 0 writes no validation set.")
    Double valFraction;

    @Parameter(defaultValue = "42", label = "Seed",
            description = "Seed of the validation draw; the same seed gives the same split.")
    Integer seed;

    @Parameter(notNull = true, label = "Output folder",
            description = "Folder the files are written into; created if missing.")
    File outputDir;

    public Ai4cTimesen2cropExportOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cTimesen2cropExportOp.class);
        }
    }
}
