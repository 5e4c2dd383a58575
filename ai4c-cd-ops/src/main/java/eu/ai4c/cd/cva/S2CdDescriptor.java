package eu.ai4c.cd.cva;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SharedParameters;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.s2.preprocess.S2PreprocessDescriptor;
import java.util.List;

/**
 * The descriptor of {@code S2-CD}: the parameters of table 6 of the AI4Copernicus service
 * specification (section 2.2.5), with the resolution default of 10 m (the table's IW/SM values
 * are a copy error). The specification's spellings ({@code --numberClasses}, …) are accepted
 * besides the kebab-case options. {@code --output_path} and {@code --output_format} are the command line's
 * common options.
 */
public final class S2CdDescriptor {

    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "S2-CD",
            "Sentinel-2 change detection (CVA)",
            "Raster/Change Detection",
            "Detects and classifies changes between two Sentinel-2 L2A products of the same tile by Change Vector "
                    + "Analysis. Both products are pre-processed alike (reflectance, L2A cloud mask, resolution, "
                    + "projection, area of interest); image 2 is normalised to image 1 by per-band linear regression "
                    + "over invariant pixels, large changes excluded iteratively; the band differences, divided by "
                    + "their standard deviation over invariant pixels, form the change vector. A pixel changed when "
                    + "its squared magnitude exceeds the chi-square quantile of the confidence level with one degree "
                    + "of freedom per band; changed pixels are grouped by k-means on (magnitude, angle to the "
                    + "reference vector). Output: uint8 classes (0 no change, 1..N by increasing magnitude, 255 "
                    + "no-data).",
            List.of(SourceDescriptor.required("input1", "First-date Sentinel-2 L2A product (SAFE folder or .zip)",
                            ProductKind.SENTINEL2_L2A),
                    SourceDescriptor.required("input2", "Second-date Sentinel-2 L2A product of the same tile",
                            ProductKind.SENTINEL2_L2A)),
            List.of(
                    ParameterDescriptor.builder("bands", ParameterType.STRING_LIST)
                            .valueSet(S2PreprocessDescriptor.BANDS).defaultValue("B2,B3,B4,B8").label("Bands")
                            .description("Bands forming the change vector, comma-separated.")
                            .build(),
                    SharedParameters.aoi("both images are cropped to it."),
                    SharedParameters.resolution(10, "10 m (both images are resampled to it)"),
                    SharedParameters.projection("WGS84", "default WGS84 as in specification table 6; UTM(Auto) "
                            + "keeps the tile's UTM zone"),
                    ParameterDescriptor.builder("numberClasses", ParameterType.INTEGER)
                            .alias("--numberClasses")
                            .defaultValue(4).interval("[1,20]").label("Number of classes")
                            .description("Number of change classes found by k-means.")
                            .build(),
                    ParameterDescriptor.builder("referenceVector", ParameterType.DOUBLE_LIST)
                            .alias("--referenceVector")
                            .label("Reference vector")
                            .description("Direction the change angle is measured from, one value per band; default "
                                    + "1 followed by zeros (the first band's axis).")
                            .build(),
                    ParameterDescriptor.builder("levelConfidence", ParameterType.DOUBLE)
                            .alias("--levelConfidence")
                            .defaultValue(99.99).interval("(0,100)").unit("%").label("Confidence level")
                            .description("Confidence level of the change test: the chi-square quantile of this "
                                    + "probability is the threshold on the squared normalised magnitude.")
                            .build(),
                    SharedParameters.verify("Check the metadata, bands and scene classification each product's run reads"
                                    + " against the MD5 or SHA3-256 in its manifest.safe (a damaged download is refused"
                                    + " instead of decoded into wrong reflectances), as S2-preprocess --verify.")));

    private S2CdDescriptor() {
    }
}
