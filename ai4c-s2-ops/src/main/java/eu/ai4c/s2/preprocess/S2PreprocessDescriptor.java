package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.landsea.LandSeaParameters;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SharedParameters;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.warp.Resampling;
import java.util.List;

/**
 * The descriptor of {@code S2-preprocess}: the parameters of table 4 of the AI4Copernicus service
 * specification (section 2.2.3.3) with its names, value sets and defaults, plus
 * {@code --landmask-vector} (the land polygons deciding land and sea) and {@code --l1c-as-toa}.
 * {@code --output_path} and {@code --output_format} are the command line's common options.
 */
public final class S2PreprocessDescriptor {

    /** Band names of table 4. */
    public static final String[] BANDS = {"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12"};

    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "S2-preprocess",
            "Sentinel-2 pre-processing",
            "Optical",
            "Brings the bands of a Sentinel-2 product to one resolution and projection as float32 reflectance. "
                    + "Bands are converted from digital numbers with the product's quantification and, from "
                    + "processing baseline 04.00, its radiometric offsets; resampled from their native 10/20/60 m "
                    + "grids (upsampling by interpolation, downsampling by aggregating whole pixels); optionally "
                    + "cloud-masked (L2A scene classification or L1C cloud masks), land/sea-masked and cropped to an "
                    + "area of interest; and reprojected. No-data is NaN. L1C input is processed to L2A with Sen2Cor "
                    + "when it is installed.",
            List.of(SourceDescriptor.required("input", "Sentinel-2 L2A or L1C product in SENTINEL-SAFE format (the "
                    + ".SAFE folder or its .zip), or a folder of per-band GeoTIFFs (B02.tif, B4.tif, …)",
                    ProductKind.SENTINEL2_L1C, ProductKind.SENTINEL2_L2A)),
            List.of(
                    SharedParameters.resolution(10, "10 m, the minimum recommended"),
                    ParameterDescriptor.builder("bands", ParameterType.STRING_LIST)
                            .valueSet(BANDS).defaultValue("B2,B3,B4,B8").label("Bands")
                            .description("Any combination of Sentinel-2 bands, comma-separated.")
                            .build(),
                    LandSeaParameters.MODE,
                    LandSeaParameters.TOLERANCE,
                    LandSeaParameters.LAND_VECTOR,
                    LandSeaParameters.DEM,
                    LandSeaParameters.GEOID,
                    SharedParameters.aoi("the output is cropped to it and pixels outside it are no-data."),
                    ParameterDescriptor.builder("cloudmask", ParameterType.CHOICE)
                            .valueSet("None", "L1C", "L2A").defaultValue("None").label("Cloud mask")
                            .description("Assign no-data to cloudy pixels: L2A uses the scene classification (cloud "
                                    + "shadow, medium and high probability cloud, thin cirrus); L1C the L1C cloud masks "
                                    + "(MSK_CLASSI from baseline 04.00, GML polygons before).")
                            .build(),
                    SharedParameters.resampling("upsampling", "Upsampling method", Resampling.NEAREST,
                            "Interpolation of bands coarser than the output resolution (and of the reprojection)."),
                    ParameterDescriptor.builder("downsampling", ParameterType.CHOICE)
                            .valueSet("First", "Min", "Max", "Mean", "Median").defaultValue("First")
                            .label("Downsampling method")
                            .description("Aggregation of the source pixels of bands finer than the output resolution.")
                            .build(),
                    ParameterDescriptor.builder("flagDownsampling", ParameterType.CHOICE)
                            .valueSet("First", "FlagAnd", "FlagOr", "FlagMedianAnd", "FlagMedianOr").defaultValue("First")
                            .label("Flag downsampling method")
                            .description("Aggregation of the cloud flags when the mask is finer than the output.")
                            .build(),
                    SharedParameters.projection("UTM(Auto)", "default UTM(Auto): the tile's UTM zone"),
                    ParameterDescriptor.builder("l1cAsToa", ParameterType.BOOLEAN)
                            .option("--l1c-as-toa").defaultValue(false).label("L1C as top-of-atmosphere")
                            .description("For L1C input without Sen2Cor installed: continue on top-of-atmosphere "
                                    + "reflectance instead of stopping.")
                            .build(),
                    SharedParameters.verify("Check the metadata and each image file the run reads (the bands asked, the"
                                    + " cloud mask chosen; every band when Sen2Cor runs) against the MD5 or SHA3-256 in the"
                                    + " product's manifest.safe: a damaged download is refused instead of decoded into"
                                    + " wrong reflectances (JPEG 2000 has no checksum of its own). Costs one extra"
                                    + " read of those files, in parallel. Band folders have no manifest.")));

    private S2PreprocessDescriptor() {
    }
}
