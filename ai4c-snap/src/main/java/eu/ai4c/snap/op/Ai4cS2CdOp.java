package eu.ai4c.snap.op;

import eu.ai4c.snap.EngineOperatorAdapter;
import eu.ai4c.snap.NativeSourceAdapter;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/**
 * SNAP operator {@code AI4C-S2-CD}: the engine's {@code S2-CD} ({@link eu.ai4c.cd.cva.S2CdOperator}).
 * Fields mirror the engine descriptor; {@link EngineOperatorAdapter} does the work. The engine reads
 * both SAFE products itself (level, tile, per-band grids, scene classification): the sources must be
 * the products as opened from their .SAFE folders or .zips. The target is the change-class band; the
 * magnitude/angle raster, polar plot and JSON summary are written by the {@code ai4c} command only.
 */
@OperatorMetadata(alias = "AI4C-S2-CD",
        category = "Raster/Change Detection",
        label = "Sentinel-2 change detection (CVA)",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Detects and classifies changes between two Sentinel-2 L2A products of the same tile by Change Vector Analysis.")
public final class Ai4cS2CdOp extends NativeSourceAdapter {

    @SourceProduct(alias = "input1", label = "input1", description = "First-date Sentinel-2 L2A product (SAFE folder or .zip)")
    Product input1;

    @SourceProduct(alias = "input2", label = "input2", description = "Second-date Sentinel-2 L2A product of the same tile")
    Product input2;

    @Parameter(defaultValue = "B2,B3,B4,B8", valueSet = {"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12"}, label = "Bands",
            description = "Bands forming the change vector, comma-separated.")
    String[] bands;

    @Parameter(label = "Area of interest",
            description = "WKT polygon in WGS84 longitude/latitude, or a vector file (GeoJSON, Shapefile, KML/KMZ, GeoPackage): both images are cropped to it.")
    String aoi;

    @Parameter(defaultValue = "10", interval = "(0,*)", unit = "m", label = "Resolution",
            description = "Output pixel size in metres (in a geographic projection, square pixels of metres / 6378137 rad). Default: 10 m (both images are resampled to it).")
    Double resolution;

    @Parameter(defaultValue = "WGS84", label = "Projection",
            description = "Output projection (default WGS84 as in specification table 6; UTM(Auto) keeps the tile's UTM zone): WGS84, WGS84(DD), EPSG:<code>, UTM(Auto), AUTO:42001, or a WKT definition.")
    String projection;

    @Parameter(defaultValue = "4", interval = "[1,20]", label = "Number of classes",
            description = "Number of change classes found by k-means.")
    Integer numberClasses;

    @Parameter(label = "Reference vector",
            description = "Direction the change angle is measured from, one value per band; default 1 followed by zeros (the first band's axis).")
    double[] referenceVector;

    @Parameter(defaultValue = "99.99", interval = "(0,100)", unit = "%", label = "Confidence level",
            description = "Confidence level of the change test: the chi-square quantile of this probability is the threshold on the squared normalised magnitude.")
    Double levelConfidence;

    public Ai4cS2CdOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cS2CdOp.class);
        }
    }
}
