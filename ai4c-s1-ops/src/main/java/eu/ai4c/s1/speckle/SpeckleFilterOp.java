package eu.ai4c.s1.speckle;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code Speckle-Filter} operator: SNAP's Speckle-Filter parameters (names, defaults, value sets)
 * over {@link SpeckleRaster}. The target holds the filtered bands (all bands, or {@code sourceBands})
 * as float32 intensity with NaN no-data, the source's metadata, and the source name with SNAP's
 * {@code _Spk} suffix. Stateless, thread-safe.
 */
public final class SpeckleFilterOp implements Operator {

    /** The descriptor: alias {@code Speckle-Filter}, parameters in SNAP's order. */
    /** Filters with a {@code filterSizeX} × {@code filterSizeY} window. */
    private static final String[] SIZE_XY = SpeckleFilterType.labelsWhere(SpeckleFilterType::usesSizeXY);
    /** Filters that use the number of looks. */
    private static final String[] LOOKS = SpeckleFilterType.labelsWhere(SpeckleFilterType::usesLooks);

    /** Each parameter is enabled only for the filters that use it, as in SNAP's Speckle-Filter dialog. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(
            "Speckle-Filter", "Speckle Filter", "Radar/Speckle Filtering",
            "Reduces speckle in SAR intensity images with a single-image filter (Boxcar, Median, Frost, "
                    + "Gamma Map, Lee, Refined Lee or the improved Lee Sigma). Works on linear intensity bands; "
                    + "the number of looks is estimated from the image unless given.",
            List.of(SourceDescriptor.required("source", "SAR product with intensity bands", ProductKind.SAR)),
            List.of(
                    ParameterDescriptor.builder("sourceBands", ParameterType.STRING_LIST)
                            .label("Source bands").description("Bands to filter; all bands when empty.").build(),
                    ParameterDescriptor.builder("filter", ParameterType.CHOICE).defaultValue("Lee Sigma")
                            .valueSet(SpeckleFilterType.labels()).description("The speckle filter.").build(),
                    ParameterDescriptor.builder("filterSizeX", ParameterType.INTEGER).defaultValue(3)
                            .interval("[1,101]").unit("pixels").label("Size X")
                            .description("Window width for Boxcar, Median, Frost, Gamma Map and Lee.").enabledWhen("filter", SIZE_XY)
                            .build(),
                    ParameterDescriptor.builder("filterSizeY", ParameterType.INTEGER).defaultValue(3)
                            .interval("[1,101]").unit("pixels").label("Size Y")
                            .description("Window height for Boxcar, Median, Frost, Gamma Map and Lee.").enabledWhen("filter", SIZE_XY)
                            .build(),
                    ParameterDescriptor.builder("dampingFactor", ParameterType.DOUBLE).defaultValue(2)
                            .interval("[0,100]").label("Frost damping factor")
                            .description("Frost: damping K of the exponential kernel; larger keeps edges better.")
                            .enabledWhen("filter", SpeckleFilterType.FROST.label())
                            .build(),
                    ParameterDescriptor.builder("estimateENL", ParameterType.BOOLEAN).defaultValue(true)
                            .label("Estimate ENL")
                            .description("Estimate the equivalent number of looks from the image.").enabledWhen("filter", LOOKS)
                            .build(),
                    ParameterDescriptor.builder("enl", ParameterType.DOUBLE).defaultValue(1.0)
                            .interval("(0,*)").label("ENL")
                            .description("Equivalent number of looks, used when estimateENL is false.").enabledWhen("filter", LOOKS).enabledWhen("estimateENL", "false")
                            .build(),
                    ParameterDescriptor.builder("sigmaStr", ParameterType.CHOICE).defaultValue("0.9")
                            .valueSet(SpeckleParameters.SIGMA_VALUES).label("Sigma")
                            .description("Lee Sigma: probability mass of the sigma range.").enabledWhen("filter", SpeckleFilterType.LEE_SIGMA.label())
                            .build(),
                    ParameterDescriptor.builder("windowSize", ParameterType.CHOICE).defaultValue("7x7")
                            .valueSet(SpeckleParameters.WINDOW_SIZES).label("Window size")
                            .description("Lee Sigma: filter window.").enabledWhen("filter", SpeckleFilterType.LEE_SIGMA.label())
                            .build(),
                    ParameterDescriptor.builder("targetWindowSizeStr", ParameterType.CHOICE).defaultValue("3x3")
                            .valueSet(SpeckleParameters.TARGET_WINDOW_SIZES).label("Target window size")
                            .description("Lee Sigma: window of the a-priori mean and of point-target detection.")
                            .enabledWhen("filter", SpeckleFilterType.LEE_SIGMA.label())
                            .build(),
                    ParameterDescriptor.builder("anSize", ParameterType.INTEGER).defaultValue(50)
                            .interval("[1,200]").label("Adaptive neighbourhood size")
                            .description("IDAN: largest adaptive neighbourhood, in pixels.").enabledWhen("filter", SpeckleFilterType.IDAN.label())
                            .build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context)
            throws IOException {
        Product source = sources.get("source");
        if (source == null) {
            throw Ai4cException.usage("Speckle-Filter: no source product given; pass the product to filter as source");
        }
        SpeckleParameters p = parameters(params);
        int[] bands = selectBands(source.raster(), params.has("sourceBands") ? params.getList("sourceBands") : List.of());
        return source.withRaster(SpeckleRaster.of(source.raster(), bands, p)).withName(source.name() + "_Spk");
    }

    /** The kernel parameters from validated operator parameters. */
    public static SpeckleParameters parameters(ParameterValues v) {
        return new SpeckleParameters(v.getString("filter"), v.getInt("filterSizeX"), v.getInt("filterSizeY"),
                v.getDouble("dampingFactor"), v.getDouble("enl"), v.getBoolean("estimateENL"),
                v.getString("sigmaStr"), v.getString("windowSize"), v.getString("targetWindowSizeStr"),
                v.getInt("anSize"));
    }

    private static int[] selectBands(Raster raster, List<String> names) {
        if (names.isEmpty()) {
            int[] all = new int[raster.bands().size()];
            for (int b = 0; b < all.length; b++) all[b] = b;
            return all;
        }
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = raster.bandIndex(names.get(i));
            if (out[i] < 0) {
                throw Ai4cException.usage("Speckle-Filter: source band \"" + names.get(i) + "\" is not in the product;"
                        + " its bands are " + raster.bands().stream().map(Band::name).toList());
            }
        }
        return out;
    }
}
