package eu.ai4c.snap.op;

import eu.ai4c.snap.EngineOperatorAdapter;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/**
 * SNAP operator {@code AI4C-Warp}: the engine's {@code Warp} ({@link eu.ai4c.kit.warp.WarpOperator}).
 * Fields mirror the engine descriptor; {@link EngineOperatorAdapter} does the work.
 */
@OperatorMetadata(alias = "AI4C-Warp",
        category = "Raster/Geometric",
        label = "Warp (reproject)",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Reprojects a map-projected raster to another coordinate reference system and pixel size.")
public final class Ai4cWarpOp extends EngineOperatorAdapter {

    @SourceProduct(alias = "input", label = "input", description = "A map-projected raster product (GeoTIFF, BEAM-DIMAP, ...)")
    Product input;

    @Parameter(defaultValue = "WGS84", label = "Projection",
            description = "Output projection: WGS84, WGS84(DD), EPSG:<code>, UTM(Auto), AUTO:42001, or a WKT definition.")
    String projection;

    @Parameter(interval = "(0,*)", unit = "target CRS units, or m", label = "Resolution",
            description = "Target pixel size in target CRS units; for a geographic target a value >= 1 is metres (square pixels of metres / 6378137 rad, as every service). Default: the source pixel size.")
    Double resolution;

    @Parameter(defaultValue = "Bilinear", valueSet = {"Nearest", "Bilinear", "Bicubic"}, label = "Resampling",
            description = "Nearest neighbour, bilinear or bicubic (cubic convolution, a = -0.5).")
    String resampling;

    @Parameter(unit = "target CRS units", label = "Extent",
            description = "xmin,ymin,xmax,ymax of the target grid in the target CRS (easting/longitude first). Default: the source footprint.")
    double[] extent;

    @Parameter(defaultValue = "false", label = "Target-aligned pixels",
            description = "Snap the extent to multiples of the resolution (gdalwarp -tap).")
    Boolean targetAlignedPixels;

    @Parameter(label = "Area of interest",
            description = "WKT polygon in WGS84 longitude/latitude, or a vector file (GeoJSON, Shapefile, KML/KMZ, GeoPackage): the output is cropped to its bounds and pixels outside it are no-data.")
    String aoi;

    @Parameter(defaultValue = "false", label = "Crop only",
            description = "With an area of interest: only crop to its bounds, keep the pixels outside the polygon.")
    Boolean cropOnly;

    public Ai4cWarpOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cWarpOp.class);
        }
    }
}
