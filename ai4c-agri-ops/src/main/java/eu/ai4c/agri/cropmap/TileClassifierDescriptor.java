package eu.ai4c.agri.cropmap;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import java.util.List;

/**
 * The descriptor of {@code tile_classifier} (specification section 3.2.5, pre-trained LSTM):
 * {@code --input_dir} (crop mask GeoTIFF and model), {@code --mc_dir} (monthly composites) as in
 * the specification; {@code --model} names the model file explicitly; {@code --majority_size} and
 * {@code --batch_size} expose the morphological post-processing and the inference batch (the
 * specification names neither). The output folder is the command line's {@code --output_path}
 * (alias {@code --output_dir}).
 */
public final class TileClassifierDescriptor {

    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "tile_classifier",
            "Crop-type map (pre-trained LSTM)",
            "Agriculture",
            "Classifies the monthly composites of a Sentinel-2 tile into TimeSen2Crop crop types with a trained "
                    + "sequence model (the pre-trained LSTM .h5). Each pixel's series of the 12 composites (one per "
                    + "month, ordered by the YYYY-MM or YYYYMM month in their file names) goes to the model in "
                    + "batches, block by block. With a binary crop mask only its pixels of value 0 are classified; "
                    + "other pixels, and pixels with no-data in any composite, are 255. A majority filter then "
                    + "removes isolated pixels. Output: uint8 crop-type GeoTIFF (class ids 0-15, 255 no-data) with "
                    + "a colour table (<name>.tif.aux.xml) and a legend <name>_legend.csv (id, name, colour, pixels).",
            List.of(),
            List.of(
                    ParameterDescriptor.builder("inputDir", ParameterType.PATH)
                            .option("--input_dir").label("Input folder")
                            .description("Folder holding the binary crop mask GeoTIFF (0 = classify; optional: "
                                    + "without one the whole tile is classified) and the model file (used when "
                                    + "--model is not given); or the crop mask GeoTIFF itself.")
                            .build(),
                    ParameterDescriptor.builder("mcDir", ParameterType.PATH)
                            .option("--mc_dir").label("Monthly composites folder").required()
                            .description("Folder of the monthly composite GeoTIFFs (uint16, one per month, same bands "
                                    + "and grid), as written by monthlycomposite.")
                            .build(),
                    ParameterDescriptor.builder("model", ParameterType.PATH)
                            .option("--model").label("Model file")
                            .description("Trained model file (LSTM .h5 from train_lstm or the pre-trained one); "
                                    + "default: the model file in --input_dir.")
                            .build(),
                    ParameterDescriptor.builder("majoritySize", ParameterType.INTEGER)
                            .option("--majority_size").defaultValue(3).interval("[0,15]").unit("px")
                            .label("Majority filter size")
                            .description("Window size of the majority filter applied to the classes (odd: 3, 5, …); "
                                    + "0 turns it off.")
                            .build(),
                    ParameterDescriptor.builder("batchSize", ParameterType.INTEGER)
                            .option("--batch_size").defaultValue(4096).interval("[1,1048576]")
                            .label("Inference batch size")
                            .description("Pixel series given to the model per call.")
                            .build()));

    private TileClassifierDescriptor() {
    }
}
