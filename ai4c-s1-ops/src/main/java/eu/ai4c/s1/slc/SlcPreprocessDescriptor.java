package eu.ai4c.s1.slc;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.s1.grd.GrdPreprocessDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The descriptor of {@code S1-SLC-preprocess}: the parameters of table 3 of the AI4Copernicus
 * service specification (section 2.2.2.3) with its names and defaults — the same as the GRD
 * chain's, taken from its descriptor (declared once there, speckle parameters included) except
 * the GRD-only border noise ones — plus the SLC options: sub-swaths and multilook looks.
 */
public final class SlcPreprocessDescriptor {
    /** Parameters of the GRD chain that do not apply to SLC. */
    private static final Set<String> GRD_ONLY = Set.of("removeBorderNoise", "borderLimit", "trimThreshold");

    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "S1-SLC-preprocess",
            "Sentinel-1 SLC pre-processing",
            "Radar",
            "Turns a Sentinel-1 SLC product (IW or EW TOPS, or stripmap) into a terrain-corrected, calibrated "
                    + "backscatter image. Per sub-swath, thermal noise is removed and the complex samples are "
                    + "calibrated to sigma0, gamma0 or beta0 intensity; the bursts are debursted and the sub-swaths "
                    + "merged into one slant-range image, which is multilooked, speckle-filtered, orthorectified with "
                    + "a range-Doppler model onto the chosen projection and resolution (optionally in dB), and "
                    + "optionally masked to land or sea and cropped to an area of interest. Everything streams tile "
                    + "by tile; no intermediate file is written.",
            List.of(SourceDescriptor.required("input",
                    "Sentinel-1 SLC product in SENTINEL-SAFE format: the .SAFE folder, its manifest.safe, or the .zip",
                    ProductKind.SENTINEL1_SLC)),
            parameters(
                    ParameterDescriptor.builder("subswaths", ParameterType.STRING_LIST)
                            .label("Sub-swaths")
                            .description("Sub-swaths to process and merge, comma-separated neighbours (IW1, IW2, IW3; "
                                    + "EW1 … EW5). Default: all sub-swaths of the product.")
                            .build(),
                    ParameterDescriptor.builder("azimuthLooks", ParameterType.INTEGER)
                            .interval("[1,*)").label("Azimuth looks")
                            .description("Looks in azimuth of the multilook. Default: chosen with the range looks so "
                                    + "that pixels are about square at the output resolution (1 for IW at 10 m).")
                            .build(),
                    ParameterDescriptor.builder("rangeLooks", ParameterType.INTEGER)
                            .interval("[1,*)").label("Range looks")
                            .description("Looks in range of the multilook. Default: chosen with the azimuth looks so "
                                    + "that pixels are about square at the output resolution (4 for IW at 10 m).")
                            .build()));

    private SlcPreprocessDescriptor() {
    }

    /** The GRD chain's parameters in its order, without the GRD-only ones, then the SLC ones. */
    private static List<ParameterDescriptor> parameters(ParameterDescriptor... own) {
        List<ParameterDescriptor> all = new ArrayList<>();
        for (ParameterDescriptor p : GrdPreprocessDescriptor.DESCRIPTOR.parameters()) {
            if (!GRD_ONLY.contains(p.name())) all.add(p);
        }
        all.addAll(List.of(own));
        return all;
    }
}
