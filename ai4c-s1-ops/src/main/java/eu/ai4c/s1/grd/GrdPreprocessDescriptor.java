package eu.ai4c.s1.grd;

import eu.ai4c.kit.landsea.LandSeaParameters;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SharedParameters;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.warp.Resampling;
import eu.ai4c.s1.chain.ModeResolution;
import eu.ai4c.s1.speckle.SpeckleFilterOp;
import java.util.List;

/**
 * The descriptor of {@code S1-GRD-preprocess}: the parameters of table 2 of the AI4Copernicus
 * service specification (section 2.2.1.3) with its names and defaults, plus the options the
 * users asked for since (DEM, geoid, orbit file, land/sea tolerance and vector, noise removal
 * switches) and the speckle-filter parameters under SNAP's names.
 */
public final class GrdPreprocessDescriptor {

    /** Calibration outputs of table 2; the DB forms are 10·log10 of the linear ones. */
    public static final String[] CALIBRATIONS = {"Sigma", "Gamma", "Beta", "SigmaDB", "GammaDB", "BetaDB"};

    /** The Sentinel-1 polarisations; a product has one or two of them (SV, DV, SH, DH). */
    public static final String[] POLARISATIONS = {"VV", "VH", "HH", "HV"};


    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "S1-GRD-preprocess",
            "Sentinel-1 GRD pre-processing",
            "Radar",
            "Turns a Sentinel-1 GRD product into a terrain-corrected, calibrated backscatter image. "
                    + "Thermal and border noise are removed, the image is calibrated to sigma0, gamma0 or beta0 "
                    + "(optionally in dB), speckle-filtered, orthorectified with a range-Doppler model onto the "
                    + "chosen projection and resolution, and optionally masked to land or sea and cropped to an "
                    + "area of interest. Everything streams tile by tile; no intermediate file is written.",
            List.of(SourceDescriptor.required("input",
                    "Sentinel-1 GRD product in SENTINEL-SAFE format: the .SAFE folder, its manifest.safe, or the .zip",
                    ProductKind.SENTINEL1_GRD)),
            parameters(
                    ParameterDescriptor.builder("calibration", ParameterType.CHOICE)
                            .valueSet(CALIBRATIONS).defaultValue("Sigma").label("Calibration output")
                            .description("Backscatter convention of the output; values ending with DB are in decibel.")
                            .build(),
                    ParameterDescriptor.builder("polarization", ParameterType.STRING_LIST)
                            .valueSet(POLARISATIONS).defaultValue("VV").label("Polarisations")
                            .description("Polarisations to process, comma-separated (VV, VH, HH, HV as the product "
                                    + "has them); one output band each.")
                            .build(),
                    ParameterDescriptor.builder("speckle", ParameterType.CHOICE)
                            .valueSet(SpeckleFilterOp.DESCRIPTOR.parameter("filter").orElseThrow().valueSet().toArray(String[]::new)).defaultValue("Lee Sigma").label("Speckle filter")
                            .description("Speckle filter applied to the calibrated intensity.")
                            .build(),
                    SharedParameters.aoi("only the part of the scene covering it is processed."),
                    SharedParameters.resolution(null, ModeResolution.describe()),
                    LandSeaParameters.MODE,
                    LandSeaParameters.TOLERANCE,
                    LandSeaParameters.LAND_VECTOR,
                    SharedParameters.projection("WGS84", ""),
                    LandSeaParameters.DEM,
                    LandSeaParameters.GEOID,
                    ParameterDescriptor.builder("orbit", ParameterType.PATH)
                            .label("Orbit file")
                            .description("Precise or restituted orbit file (.EOF), or a folder of them; the one "
                                    + "whose validity covers the acquisition is used. Default: annotation orbit.")
                            .build(),
                    ParameterDescriptor.builder("removeThermalNoise", ParameterType.BOOLEAN)
                            .defaultValue(true).label("Remove thermal noise")
                            .description("Subtract the annotated thermal noise (range × azimuth noise vectors); "
                                    + "negative values are clipped to 0.")
                            .build(),
                    SharedParameters.verify("Check each measurement file the run reads against the MD5 in manifest.safe"
                                    + " and, in a zipped product, the zip's CRC-32 (a damaged download is refused"
                                    + " instead of processed); annotation, calibration and"
                                    + " noise files are always checked. Costs one extra read of the measurements,"
                                    + " in parallel."),
                    ParameterDescriptor.builder("removeBorderNoise", ParameterType.BOOLEAN)
                            .defaultValue(true).label("Remove GRD border noise")
                            .description("Set the low-value noise at the image borders to no-data.")
                            .build(),
                    ParameterDescriptor.builder("borderLimit", ParameterType.INTEGER)
                            .defaultValue(500).interval("[0,*)").unit("pixels").label("Border limit")
                            .description("Maximum width of the border searched for noise.")
                            .build(),
                    ParameterDescriptor.builder("trimThreshold", ParameterType.DOUBLE)
                            .defaultValue(0.5).interval("[0,*)").label("Trim threshold")
                            .description("Border pixels whose DN is below this threshold are trimmed.")
                            .build(),
                    SharedParameters.resampling("imgResampling", "Image resampling", Resampling.BILINEAR,
                            "Resampling of the SAR image during terrain correction.")));

    private GrdPreprocessDescriptor() {
    }

    /**
     * The chain's own parameters followed by the speckle filter's, taken from the
     * {@code Speckle-Filter} descriptor (declared once there; {@code --speckle} replaces its
     * {@code filter}, also in their "enabled when" relations, and {@code sourceBands} does not apply).
     */
    private static List<ParameterDescriptor> parameters(ParameterDescriptor... own) {
        List<ParameterDescriptor> all = new java.util.ArrayList<>(List.of(own));
        for (ParameterDescriptor p : SpeckleFilterOp.DESCRIPTOR.parameters()) {
            if (!p.name().equals("filter") && !p.name().equals("sourceBands")) all.add(p.withControllerRenamed("filter", "speckle"));
        }
        return all;
    }
}
