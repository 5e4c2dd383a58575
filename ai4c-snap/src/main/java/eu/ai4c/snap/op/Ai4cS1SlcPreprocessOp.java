package eu.ai4c.snap.op;

import eu.ai4c.snap.NativeSourceAdapter;
import java.io.File;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/**
 * SNAP operator {@code AI4C-S1-SLC-Preprocess}: the engine's {@code S1-SLC-preprocess} ({@link eu.ai4c.s1.slc.SlcPreprocessOperator}).
 * Fields mirror the engine descriptor; {@link NativeSourceAdapter} does the work (the engine reads the SAFE itself).
 */
@OperatorMetadata(alias = "AI4C-S1-SLC-Preprocess",
        category = "Radar/AI4Copernicus",
        label = "Sentinel-1 SLC pre-processing",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Turns a Sentinel-1 SLC product (IW or EW TOPS, or stripmap) into a terrain-corrected, calibrated backscatter image.")
public final class Ai4cS1SlcPreprocessOp extends NativeSourceAdapter {

    @SourceProduct(alias = "input", label = "input", description = "Sentinel-1 SLC product in SENTINEL-SAFE format: the .SAFE folder, its manifest.safe, or the .zip")
    Product input;

    @Parameter(defaultValue = "Sigma", valueSet = {"Sigma", "Gamma", "Beta", "SigmaDB", "GammaDB", "BetaDB"}, label = "Calibration output",
            description = "Backscatter convention of the output; values ending with DB are in decibel.")
    String calibration;

    @Parameter(defaultValue = "VV", label = "Polarisations",
            description = "Polarisations to process, comma-separated (VV, VH, HH, HV as the product has them); one output band each.")
    String[] polarization;

    @Parameter(defaultValue = "Lee Sigma", valueSet = {"None", "Boxcar", "Median", "Frost", "Gamma Map", "Lee", "Refined Lee", "Lee Sigma", "IDAN"}, label = "Speckle filter",
            description = "Speckle filter applied to the calibrated intensity.")
    String speckle;

    @Parameter(label = "Area of interest",
            description = "WKT polygon in WGS84 longitude/latitude, or a vector file (GeoJSON, Shapefile, KML/KMZ, GeoPackage): only the part of the scene covering it is processed.")
    String aoi;

    @Parameter(interval = "(0,*)", unit = "m", label = "Resolution",
            description = "Output pixel size in metres (in a geographic projection, square pixels of metres / 6378137 rad). Default: 10 m for IW, 5 m for SM, 40 m for EW products.")
    Double resolution;

    @Parameter(defaultValue = "None", valueSet = {"None", "Land", "Sea"}, label = "Land/sea mask",
            description = "Pixels to remove: Sea sets sea pixels to no-data, Land land pixels; decided from the DEM (elevation ≤ 0 is sea) or from --landmask-vector.")
    String landseamask;

    @Parameter(defaultValue = "0", interval = "[0,*)", unit = "m", label = "Land/sea mask tolerance",
            description = "Buffer in metres added to the kept class, so that pixels near the coast are kept.")
    Double landseamaskTolerance;

    @Parameter(label = "Land polygons",
            description = "Vector file of land polygons deciding land and sea instead of the DEM.")
    File landmaskVector;

    @Parameter(defaultValue = "WGS84", label = "Projection",
            description = "Output projection: WGS84, WGS84(DD), EPSG:<code>, UTM(Auto), AUTO:42001, or a WKT definition.")
    String projection;

    @Parameter(label = "DEM",
            description = "DEM GeoTIFF, or a folder of GeoTIFF / SRTM .hgt / Copernicus DEM tiles (heights above the EGM96 geoid). Without it, the ellipsoid plus geoid is used.")
    File dem;

    @Parameter(label = "Geoid grid",
            description = "EGM96 geoid grid (.gtx). Default: egm96_15.gtx of the proj-data package.")
    File geoid;

    @Parameter(label = "Orbit file",
            description = "Precise or restituted orbit file (.EOF), or a folder of them; the one whose validity covers the acquisition is used. Default: annotation orbit.")
    File orbit;

    @Parameter(defaultValue = "true", label = "Remove thermal noise",
            description = "Subtract the annotated thermal noise (range × azimuth noise vectors); negative values are clipped to 0.")
    Boolean removeThermalNoise;

    @Parameter(defaultValue = "Bilinear", valueSet = {"Nearest", "Bilinear", "Bicubic"}, label = "Image resampling",
            description = "Resampling of the SAR image during terrain correction.")
    String imgResampling;

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

    @Parameter(label = "Sub-swaths",
            description = "Sub-swaths to process and merge, comma-separated neighbours (IW1, IW2, IW3; EW1 … EW5). Default: all sub-swaths of the product.")
    String[] subswaths;

    @Parameter(interval = "[1,*)", label = "Azimuth looks",
            description = "Looks in azimuth of the multilook. Default: chosen with the range looks so that pixels are about square at the output resolution (1 for IW at 10 m).")
    Integer azimuthLooks;

    @Parameter(interval = "[1,*)", label = "Range looks",
            description = "Looks in range of the multilook. Default: chosen with the azimuth looks so that pixels are about square at the output resolution (4 for IW at 10 m).")
    Integer rangeLooks;

    public Ai4cS1SlcPreprocessOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cS1SlcPreprocessOp.class);
        }
    }
}
