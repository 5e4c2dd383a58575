package eu.ai4c.agri.unet;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import java.util.List;

/**
 * The descriptor of {@code unet} (specification section 3.2.1, table 7: "Deep network for
 * pixel-level classification of S2 patches"). Table 7's parameters keep their spellings and
 * defaults ({@code -action}, {@code -criterion}, {@code -pretrained}, {@code -bands},
 * {@code -selected-classes}, {@code -data_aug}, {@code -b}/{@code --batch-size}, {@code -epochs},
 * {@code -patch_size}, {@code -lr}, {@code -model_format}, {@code -model_file}); each also has its
 * {@code --} form. Added: {@code --input_dir} (the command line's {@code --output_dir} is the
 * output folder), {@code --backbone}, {@code --backbone_weights}, {@code --val_fraction},
 * {@code --seed}, {@code --probabilities}. {@code -model_format onnx} writes the ONNX form
 * ({@link UnetOnnx}) beside the safetensors model.
 */
public final class UnetDescriptor {
    public static final String ALIAS = "unet";
    public static final String DEFAULT_MODEL_FILE = "unet_model" + UnetModelFile.EXTENSION;

    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            ALIAS,
            "U-Net pixel classifier (S2 patches)",
            "Agriculture",
            "Trains and applies a U-Net pixel classifier of Sentinel-2 image tiles with a ResNet encoder (ResNet-50 by"
                    + " default), on the CPU: training with PyTorch, prediction in plain Java on the JDK's vector API"
                    + " where the JVM has it (PyTorch otherwise), with the same results on every CPU. -action extract_data cuts the labelled tiles of --input_dir"
                    + " (images/NAME.tif with labels/NAME.tif: uint8, 0 = background or unknown, 1..N classes, same grid,"
                    + " at least 64x64; or SEN12MS patches ROIs<season>/s2_K/ROIs<season>_s2_K_pN.tif with their IGBP"
                    + " land cover ROIs<season>/lc_K/ROIs<season>_lc_K_pN.tif, -simplified for the 10-class scheme)"
                    + " into patches of -patch_size, normalises them per band and writes a patch set"
                    + " (NumPy .npy, split into training and validation stratified by class). -action train trains on a"
                    + " patch set (or on labelled tiles directly) and writes the model of the best validation epoch"
                    + " (safetensors: weights in the PyTorch key layout plus the architecture and normalisation),"
                    + " training_log.csv, training_curves.png, confusion_matrix.csv and class_metrics.csv (IoU, F1)."
                    + " -action predict classifies the image tiles of --input_dir, or a Sentinel-2 L1C/L2A product"
                    + " (.SAFE or .zip, its bands read at 10 m as S2-preprocess does), with -model_file by overlapping"
                    + " sliding windows blended without seams, and writes a uint8 class map GeoTIFF per tile (255 where"
                    + " the input is no-data) with a colour table and NAME_legend.csv, and with --probabilities the"
                    + " per-class probabilities (NAME_probabilities.tif). -action full runs extract_data,"
                    + " train and predict in turn. -action pretrain pre-trains the encoder without labels (SimCLR) on the"
                    + " image tiles or patch set of --input_dir and writes " + BackboneFile.FILE + ", which -pretrained"
                    + " True then starts from.",
            List.of(),
            List.of(
                    ParameterDescriptor.builder("action", ParameterType.CHOICE).option("-action").alias("--action")
                            .valueSet("full", "extract_data", "train", "predict", "pretrain").required().label("Action")
                            .description("Action to perform: full (extract_data, train, then predict), extract_data,"
                                    + " train, predict, or pretrain (self-supervised pre-training of the encoder on"
                                    + " unlabeled tiles).")
                            .build(),
                    ParameterDescriptor.builder("inputDir", ParameterType.PATH).option("--input_dir").required()
                            .label("Input folder")
                            .description("extract_data, train, full: folder with images/NAME.tif and labels/NAME.tif"
                                    + " or SEN12MS patches (train also takes a patch set folder); predict: a folder of"
                                    + " image tiles (or its images/ subfolder, or one GeoTIFF, or SEN12MS patches), or a"
                                    + " Sentinel-2 product (.SAFE folder or .zip) or a folder of them; pretrain: a folder"
                                    + " of image tiles (searched recursively; a folder of B2.tif, B3.tif, ... is one"
                                    + " tile) or a patch set folder.")
                            .build(),
                    ParameterDescriptor.builder("criterion", ParameterType.CHOICE).option("-criterion")
                            .alias("--criterion").valueSet("cross_entropy", "focal_loss").defaultValue("cross_entropy")
                            .label("Loss criterion")
                            .description("Loss criterion used during training: cross_entropy, or focal_loss (gamma 2,"
                                    + " alpha 1).")
                            .build(),
                    ParameterDescriptor.builder("pretrained", ParameterType.BOOLEAN).option("-pretrained")
                            .alias("--pretrained").defaultValue("False").label("Pre-trained backbone")
                            .description("Initialise the encoder from --backbone_weights, or else from the "
                                    + BackboneFile.FILE + " of -action pretrain in --output_dir, before training.")
                            .build(),
                    ParameterDescriptor.builder("backboneWeights", ParameterType.PATH).option("--backbone_weights")
                            .label("Backbone weights")
                            .description("With -pretrained True: a safetensors file whose encoder tensors (torchvision"
                                    + " ResNet names, with or without the 'encoder.' prefix, e.g. a model of an earlier"
                                    + " run) initialise the encoder; tensors of another shape are left as initialised.")
                            .build(),
                    ParameterDescriptor.builder("bands", ParameterType.STRING_LIST).option("-bands").alias("--bands")
                            .valueSet("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12")
                            .label("Bands")
                            .description("Comma-separated Sentinel-2 bands of the tiles, in their order (tiles whose"
                                    + " bands carry these names may hold more); default: all bands of the tiles.")
                            .build(),
                    ParameterDescriptor.builder("selectedClasses", ParameterType.STRING).option("-selected-classes")
                            .alias("--selected_classes").defaultValue("1").label("Selected classes")
                            .description("Comma-separated class ids (1-255) or ranges (1-10) to learn; every other"
                                    + " label becomes 0 (background). SEN12MS: 1-17 for all IGBP classes, 1-10 for all"
                                    + " simplified classes.")
                            .build(),
                    ParameterDescriptor.builder("classNames", ParameterType.STRING).option("--class_names")
                            .label("Class names")
                            .description("Names of the class ids for the model, legends, reports and probability bands:"
                                    + " a CSV file with an id,name header line, or pairs such as 1=water,2=road. SEN12MS input is"
                                    + " named by its scheme (IGBP, or the simplified classes with -simplified True or"
                                    + " DFC2020 labels); given names replace those. Unnamed ids are 'class N'.")
                            .build(),
                    ParameterDescriptor.builder("dataAug", ParameterType.BOOLEAN).option("-data_aug")
                            .alias("--data_aug").defaultValue("False").label("Data augmentation")
                            .description("Random flips, 90-degree rotations and a small per-band gain and offset jitter"
                                    + " of the training patches.")
                            .build(),
                    ParameterDescriptor.builder("simplified", ParameterType.BOOLEAN).option("-simplified")
                            .alias("--simplified").defaultValue("False").label("Simplified SEN12MS labels")
                            .description("SEN12MS input: map the 17 IGBP classes of the land-cover patches to the"
                                    + " 10 simplified classes of the SEN12MS/DFC2020 papers: 1-5 (forests) -> 1 Forest,"
                                    + " 6-7 -> 2 Shrubland, 8-9 -> 3 Savanna, 10 -> 4 Grassland, 11 -> 5 Wetlands,"
                                    + " 12 and 14 -> 6 Croplands, 13 -> 7 Urban/Built-up, 15 -> 8 Snow/Ice,"
                                    + " 16 -> 9 Barren, 17 -> 10 Water. False: the IGBP ids 1-17 are the labels.")
                            .build(),
                    ParameterDescriptor.builder("batchSize", ParameterType.INTEGER).option("-b").alias("--batch-size")
                            .defaultValue(2).interval("[2,64]").label("Batch size")
                            .description("Batch size for training (2-64).")
                            .build(),
                    ParameterDescriptor.builder("epochs", ParameterType.INTEGER).option("-epochs").alias("--epochs")
                            .defaultValue(20).interval("[1,99]").label("Epochs")
                            .description("Number of epochs for training (1-99).")
                            .build(),
                    ParameterDescriptor.builder("patchSize", ParameterType.CHOICE).option("-patch_size")
                            .alias("--patch_size").valueSet("256", "64").defaultValue("256").unit("px")
                            .label("Patch size")
                            .description("Side of the training patches, also the prediction window (256 or 64).")
                            .build(),
                    ParameterDescriptor.builder("lr", ParameterType.DOUBLE).option("-lr").alias("--lr")
                            .defaultValue("0.0001").interval("(0,*)").label("Learning rate")
                            .description("Initial learning rate of Adam (> 0).")
                            .build(),
                    ParameterDescriptor.builder("modelFormat", ParameterType.CHOICE).option("-model_format")
                            .alias("--model_format").valueSet("Pytorch", "onnx").defaultValue("Pytorch")
                            .label("Model format")
                            .description("Model save format: Pytorch (safetensors weights in the PyTorch key layout"
                                    + " with the architecture description, which predict reads), or onnx (that model"
                                    + " and NAME.onnx beside it: opset 13, raw band values in, class probabilities"
                                    + " out, for onnxruntime).")
                            .build(),
                    ParameterDescriptor.builder("modelFile", ParameterType.STRING).option("-model_file")
                            .alias("--model_file").label("Model file")
                            .description("train, full: name of the model file written into --output_dir (default "
                                    + DEFAULT_MODEL_FILE + "); predict: the model file to apply.")
                            .build(),
                    ParameterDescriptor.builder("probabilities", ParameterType.BOOLEAN).option("--probabilities")
                            .defaultValue("False").label("Class probabilities")
                            .description("predict, full: also write NAME_probabilities.tif beside each class map: one"
                                    + " float32 band per class, named as in the legend (background, then the class"
                                    + " names), holding the blended softmax probabilities (summing to 1; NaN where the map is"
                                    + " no-data).")
                            .build(),
                    ParameterDescriptor.builder("backbone", ParameterType.CHOICE).option("--backbone")
                            .valueSet("resnet50", "resnet34", "resnet18").defaultValue("resnet50").label("Backbone")
                            .description("ResNet encoder: resnet50 (as the specification), or resnet34/resnet18 for"
                                    + " small machines.")
                            .build(),
                    ParameterDescriptor.builder("valFraction", ParameterType.DOUBLE).option("--val_fraction")
                            .defaultValue("0.2").interval("[0,0.9]").label("Validation fraction")
                            .description("Share of the patches kept for validation (stratified by class presence).")
                            .build(),
                    ParameterDescriptor.builder("seed", ParameterType.INTEGER).option("--seed").defaultValue(42)
                            .label("Random seed")
                            .description("Seed of the split, weight initialisation, batch order and augmentation.")
                            .build()));

    private UnetDescriptor() {
    }
}
