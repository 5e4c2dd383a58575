package eu.ai4c.snap.op;

import eu.ai4c.snap.EngineOperatorAdapter;
import java.io.File;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/**
 * SNAP operator {@code AI4C-Tile_classifier}: the engine's {@code tile_classifier} ({@link eu.ai4c.agri.cropmap.TileClassifierOperator}).
 * Fields mirror the engine descriptor; {@link EngineOperatorAdapter} does the work.
 */
@OperatorMetadata(alias = "AI4C-Tile_classifier",
        category = "Optical/AI4Copernicus/Agriculture",
        label = "Crop-type map (pre-trained LSTM)",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Classifies the monthly composites of a Sentinel-2 tile into TimeSen2Crop crop types with a trained sequence model (the pre-trained LSTM .h5).")
public final class Ai4cTileClassifierOp extends EngineOperatorAdapter {

    @Parameter(label = "Input folder",
            description = "Folder holding the binary crop mask GeoTIFF (0 = classify; optional: without one the whole tile is classified) and the model file (used when --model is not given); or the crop mask GeoTIFF itself.")
    File inputDir;

    @Parameter(notNull = true, label = "Monthly composites folder",
            description = "Folder of the monthly composite GeoTIFFs (uint16, one per month, same bands and grid), as written by monthlycomposite.")
    File mcDir;

    @Parameter(label = "Model file",
            description = "Trained model file (LSTM .h5 from train_lstm or the pre-trained one); default: the model file in --input_dir.")
    File model;

    @Parameter(defaultValue = "3", interval = "[0,15]", unit = "px", label = "Majority filter size",
            description = "Window size of the majority filter applied to the classes (odd: 3, 5, …); 0 turns it off.")
    Integer majoritySize;

    @Parameter(defaultValue = "4096", interval = "[1,1048576]", label = "Inference batch size",
            description = "Pixel series given to the model per call.")
    Integer batchSize;

    public Ai4cTileClassifierOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cTileClassifierOp.class);
        }
    }
}
