package eu.ai4c.snap.op;

import eu.ai4c.snap.EngineOperatorAdapter;
import eu.ai4c.snap.NativeSourceAdapter;
import java.io.File;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/**
 * SNAP operator {@code AI4C-S2-Preprocess}: the engine's {@code S2-preprocess} ({@link eu.ai4c.s2.preprocess.S2PreprocessOperator}).
 * Fields mirror the engine descriptor; {@link EngineOperatorAdapter} does the work. The engine reads
 * the SAFE product itself (per-band grids, offsets, cloud masks): the source must be the product as
 * opened from its .SAFE folder or .zip.
 */
@OperatorMetadata(alias = "AI4C-S2-Preprocess",
        category = "Optical/AI4Copernicus",
        label = "Sentinel-2 pre-processing",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Brings the bands of a Sentinel-2 product to one resolution and projection as float32 reflectance.")
public final class Ai4cS2PreprocessOp extends NativeSourceAdapter {

    @SourceProduct(alias = "input", label = "input", description = "Sentinel-2 L2A or L1C product in SENTINEL-SAFE format (the .SAFE folder or its .zip), or a folder of per-band GeoTIFFs (B02.tif, B4.tif, …)")
    Product input;

    @Parameter(defaultValue = "10", interval = "(0,*)", unit = "m", label = "Resolution",
            description = "Output pixel size in metres (in a geographic projection, square pixels of metres / 6378137 rad). Default: 10 m, the minimum recommended.")
    Double resolution;

    @Parameter(defaultValue = "B2,B3,B4,B8", valueSet = {"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12"}, label = "Bands",
            description = "Any combination of Sentinel-2 bands, comma-separated.")
    String[] bands;

    @Parameter(defaultValue = "None", valueSet = {"None", "Land", "Sea"}, label = "Land/sea mask",
            description = "Pixels to remove: Sea sets sea pixels to no-data, Land land pixels; decided from the DEM (elevation ≤ 0 is sea) or from --landmask-vector.")
    String landseamask;

    @Parameter(defaultValue = "0", interval = "[0,*)", unit = "m", label = "Land/sea mask tolerance",
            description = "Buffer in metres added to the kept class, so that pixels near the coast are kept.")
    Double landseamaskTolerance;

    @Parameter(label = "Land polygons",
            description = "Vector file of land polygons deciding land and sea instead of the DEM.")
    File landmaskVector;

    @Parameter(label = "DEM",
            description = "DEM GeoTIFF, or a folder of GeoTIFF / SRTM .hgt / Copernicus DEM tiles (heights above the EGM96 geoid). Without it, the ellipsoid plus geoid is used.")
    File dem;

    @Parameter(label = "Geoid grid",
            description = "EGM96 geoid grid (.gtx). Default: egm96_15.gtx of the proj-data package.")
    File geoid;

    @Parameter(label = "Area of interest",
            description = "WKT polygon in WGS84 longitude/latitude, or a vector file (GeoJSON, Shapefile, KML/KMZ, GeoPackage): the output is cropped to it and pixels outside it are no-data.")
    String aoi;

    @Parameter(defaultValue = "None", valueSet = {"None", "L1C", "L2A"}, label = "Cloud mask",
            description = "Assign no-data to cloudy pixels: L2A uses the scene classification (cloud shadow, medium and high probability cloud, thin cirrus); L1C the L1C cloud masks (MSK_CLASSI from baseline 04.00, GML polygons before).")
    String cloudmask;

    @Parameter(defaultValue = "Nearest", valueSet = {"Nearest", "Bilinear", "Bicubic"}, label = "Upsampling method",
            description = "Interpolation of bands coarser than the output resolution (and of the reprojection).")
    String upsampling;

    @Parameter(defaultValue = "First", valueSet = {"First", "Min", "Max", "Mean", "Median"}, label = "Downsampling method",
            description = "Aggregation of the source pixels of bands finer than the output resolution.")
    String downsampling;

    @Parameter(defaultValue = "First", valueSet = {"First", "FlagAnd", "FlagOr", "FlagMedianAnd", "FlagMedianOr"}, label = "Flag downsampling method",
            description = "Aggregation of the cloud flags when the mask is finer than the output.")
    String flagDownsampling;

    @Parameter(defaultValue = "UTM(Auto)", label = "Projection",
            description = "Output projection (default UTM(Auto): the tile's UTM zone): WGS84, WGS84(DD), EPSG:<code>, UTM(Auto), AUTO:42001, or a WKT definition.")
    String projection;

    @Parameter(defaultValue = "false", label = "L1C as top-of-atmosphere",
            description = "For L1C input without Sen2Cor installed: continue on top-of-atmosphere reflectance instead of stopping.")
    Boolean l1cAsToa;

    public Ai4cS2PreprocessOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cS2PreprocessOp.class);
        }
    }
}
