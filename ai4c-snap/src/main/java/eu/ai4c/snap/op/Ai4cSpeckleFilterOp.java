package eu.ai4c.snap.op;

import eu.ai4c.snap.EngineOperatorAdapter;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/**
 * SNAP operator {@code AI4C-Speckle-Filter}: the engine's {@code Speckle-Filter} ({@link eu.ai4c.s1.speckle.SpeckleFilterOp}).
 * Fields mirror the engine descriptor; {@link EngineOperatorAdapter} does the work.
 */
@OperatorMetadata(alias = "AI4C-Speckle-Filter",
        category = "Radar/AI4Copernicus",
        label = "Speckle Filter",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Reduces speckle in SAR intensity images with a single-image filter (Boxcar, Median, Frost, Gamma Map, Lee, Refined Lee or the improved Lee Sigma).")
public final class Ai4cSpeckleFilterOp extends EngineOperatorAdapter {

    @SourceProduct(alias = "source", label = "source", description = "SAR product with intensity bands")
    Product source;

    @Parameter(label = "Source bands",
            description = "Bands to filter; all bands when empty.")
    String[] sourceBands;

    @Parameter(defaultValue = "Lee Sigma", valueSet = {"None", "Boxcar", "Median", "Frost", "Gamma Map", "Lee", "Refined Lee", "Lee Sigma", "IDAN"}, label = "Filter",
            description = "The speckle filter.")
    String filter;

    @Parameter(defaultValue = "3", interval = "[1,101]", unit = "pixels", label = "Size X",
            description = "Window width for Boxcar, Median, Frost, Gamma Map and Lee.")
    Integer filterSizeX;

    @Parameter(defaultValue = "3", interval = "[1,101]", unit = "pixels", label = "Size Y",
            description = "Window height for Boxcar, Median, Frost, Gamma Map and Lee.")
    Integer filterSizeY;

    @Parameter(defaultValue = "2", interval = "[0,100]", label = "Frost damping factor",
            description = "Frost: damping K of the exponential kernel; larger keeps edges better.")
    Double dampingFactor;

    @Parameter(defaultValue = "true", label = "Estimate ENL",
            description = "Estimate the equivalent number of looks from the image.")
    Boolean estimateENL;

    @Parameter(defaultValue = "1.0", interval = "(0,*)", label = "ENL",
            description = "Equivalent number of looks, used when estimateENL is false.")
    Double enl;

    @Parameter(defaultValue = "0.9", valueSet = {"0.5", "0.6", "0.7", "0.8", "0.9"}, label = "Sigma",
            description = "Lee Sigma: probability mass of the sigma range.")
    String sigmaStr;

    @Parameter(defaultValue = "7x7", valueSet = {"5x5", "7x7", "9x9", "11x11", "13x13", "15x15", "17x17"}, label = "Window size",
            description = "Lee Sigma: filter window.")
    String windowSize;

    @Parameter(defaultValue = "3x3", valueSet = {"3x3", "5x5"}, label = "Target window size",
            description = "Lee Sigma: window of the a-priori mean and of point-target detection.")
    String targetWindowSizeStr;

    @Parameter(defaultValue = "50", interval = "[1,200]", label = "Adaptive neighbourhood size",
            description = "IDAN: largest adaptive neighbourhood, in pixels.")
    Integer anSize;

    public Ai4cSpeckleFilterOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cSpeckleFilterOp.class);
        }
    }
}
