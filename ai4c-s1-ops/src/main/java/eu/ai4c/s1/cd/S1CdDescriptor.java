package eu.ai4c.s1.cd;

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
 * The descriptor of {@code S1-CD}: the parameters of table 5 of the AI4Copernicus service
 * specification (section 2.2.4.3) with its names and defaults — calibration Sigma, Gamma or Beta
 * (default Sigma), one polarisation (VV), land/sea mask, area of interest, speckle filter (Lee
 * Sigma), resolution (10 m IW, 5 m SM), projection (WGS84) — the terrain correction, DEM, orbit
 * and speckle options shared with the pre-processing chains (declared once in their descriptors),
 * and the change detection's own: sub-swaths, coherence window (SNAP 13's 10 × 10), Enhanced
 * Spectral Diversity, the colour composites' stretch and the change mask's threshold, coherence
 * limit and minimum mapping unit.
 */
public final class S1CdDescriptor {
    /** Parameters of the GRD chain that S1-CD declares differently or does not have. */
    private static final Set<String> NOT_SHARED = Set.of("calibration", "polarization", "removeThermalNoise",
            "removeBorderNoise", "borderLimit", "trimThreshold", "orbit");

    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "S1-CD",
            "Sentinel-1 change detection (coherence, ACD, MTC, change mask)",
            "Radar",
            "Compares two Sentinel-1 SLC acquisitions of one relative orbit (a whole number of 6-day cycles "
                    + "apart; the earlier one is the reference). The secondary is co-registered onto the reference "
                    + "by geometry (orbits and DEM) with TOPS deramping and an Enhanced Spectral Diversity azimuth "
                    + "correction; the interferometric coherence is estimated with the flat-earth and topographic "
                    + "phase removed; both dates are calibrated and speckle-filtered; sub-swaths are debursted and "
                    + "merged and everything is terrain-corrected onto one grid. Main output: a float32 stack "
                    + "(coherence, backscatter 1, backscatter 2); beside it the coherence and both backscatters as "
                    + "single GeoTIFFs, the ACD and MTC colour composites (byte RGB, stretched between whole-output "
                    + "percentiles), the binary change mask (log-ratio with an automatic Kittler-Illingworth "
                    + "threshold, minimum mapping unit), quick-look PNGs and a JSON summary.",
            List.of(SourceDescriptor.required("input1",
                            "First Sentinel-1 SLC product (IW or SM) in SENTINEL-SAFE format: .SAFE folder, manifest.safe or .zip",
                            ProductKind.SENTINEL1_SLC),
                    SourceDescriptor.required("input2",
                            "Second Sentinel-1 SLC product of the same relative orbit, mode and pass",
                            ProductKind.SENTINEL1_SLC)),
            parameters(
                    ParameterDescriptor.builder("calibration", ParameterType.CHOICE)
                            .valueSet("Sigma", "Gamma", "Beta").defaultValue("Sigma").label("Calibration output")
                            .description("Backscatter convention of the two backscatter outputs (linear).")
                            .build(),
                    ParameterDescriptor.builder("polarization", ParameterType.STRING)
                            .defaultValue("VV").label("Polarisation")
                            .description("The polarisation compared (VV, VH, HH or HV, present in both products).")
                            .build(),
                    ParameterDescriptor.builder("subswaths", ParameterType.STRING_LIST)
                            .label("Sub-swaths")
                            .description("IW sub-swaths to process and merge, comma-separated neighbours (IW1, IW2, IW3). "
                                    + "Default: all sub-swaths both products have.")
                            .build(),
                    ParameterDescriptor.builder("orbit", ParameterType.PATH)
                            .label("Orbit files")
                            .description("A folder of precise or restituted orbit files (.EOF): for each product the one "
                                    + "whose validity covers its acquisition is used. Default: annotation orbits.")
                            .build(),
                    ParameterDescriptor.builder("cohWindowAz", ParameterType.INTEGER)
                            .defaultValue(10).interval("[1,*)").unit("lines").label("Coherence window, azimuth")
                            .description("Lines of the coherence estimation window (SNAP 13's default: 10).")
                            .build(),
                    ParameterDescriptor.builder("cohWindowRg", ParameterType.INTEGER)
                            .defaultValue(10).interval("[1,*)").unit("samples").label("Coherence window, range")
                            .description("Samples of the coherence estimation window (SNAP 13's default: 10).")
                            .build(),
                    ParameterDescriptor.builder("esd", ParameterType.BOOLEAN)
                            .defaultValue(true).label("Enhanced Spectral Diversity")
                            .description("Correct the residual azimuth misregistration of TOPS pairs from the burst "
                                    + "overlaps (needs two bursts or more); the shift is logged and in the summary.")
                            .build(),
                    ParameterDescriptor.builder("stretchPercentiles", ParameterType.DOUBLE_LIST)
                            .defaultValue("2.5,97.5").label("Composite stretch percentiles")
                            .description("Low and high percentiles (of each backscatter's valid pixels over the whole "
                                    + "output) mapped to 0 and 255 in the ACD and MTC composites. The specification's "
                                    + "\"2.5 and 7.5\" is read as 2.5 and 97.5: a 7.5th-percentile maximum would "
                                    + "saturate almost every pixel.")
                            .build(),
                    ParameterDescriptor.builder("changeThreshold", ParameterType.DOUBLE)
                            .interval("(0,*)").unit("dB").label("Change threshold")
                            .description("Absolute log-ratio |10·log10(b2/b1)| above which a pixel is changed. Default: "
                                    + "automatic, Kittler-Illingworth minimum-error threshold of the log-ratio histogram.")
                            .build(),
                    ParameterDescriptor.builder("changeCoherenceLimit", ParameterType.DOUBLE)
                            .defaultValue(1.0).interval("(0,1]").label("Change coherence limit")
                            .description("A pixel counts as changed only where the coherence is below this value "
                                    + "(coherence loss); 1 uses the log-ratio alone.")
                            .build(),
                    ParameterDescriptor.builder("changeMinPixels", ParameterType.INTEGER)
                            .defaultValue(20).interval("[1,*)").unit("pixels").label("Minimum mapping unit")
                            .description("Changed regions smaller than this (8-connected) become unchanged, and "
                                    + "unchanged holes smaller than this inside changes become changed.")
                            .build(),
                    ParameterDescriptor.builder("azimuthLooks", ParameterType.INTEGER)
                            .interval("[1,*)").label("Azimuth looks")
                            .description("Looks in azimuth before terrain correction. Default: about square pixels at "
                                    + "the output resolution.")
                            .build(),
                    ParameterDescriptor.builder("rangeLooks", ParameterType.INTEGER)
                            .interval("[1,*)").label("Range looks")
                            .description("Looks in range before terrain correction. Default: about square pixels at "
                                    + "the output resolution.")
                            .build()));

    private S1CdDescriptor() {
    }

    /** The change detection's own parameters, then the shared ones of the GRD chain in its order. */
    private static List<ParameterDescriptor> parameters(ParameterDescriptor... own) {
        List<ParameterDescriptor> all = new ArrayList<>(List.of(own).subList(0, 2));
        for (ParameterDescriptor p : GrdPreprocessDescriptor.DESCRIPTOR.parameters()) {
            if (!NOT_SHARED.contains(p.name())) all.add(p);
        }
        all.addAll(List.of(own).subList(2, own.length));
        return all;
    }
}
