package eu.ai4c.kit.warp;

import eu.ai4c.kit.aoi.AoiCrop;
import eu.ai4c.kit.aoi.AreaOfInterest;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.SharedParameters;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * {@code Warp}: reprojects a map-projected raster onto a grid in another CRS (gdalwarp's job),
 * with nearest, bilinear or bicubic resampling. The target grid covers the source footprint (or
 * the given extent) at the given resolution; coordinates are approximated as gdalwarp does by
 * default (error ≤ 0.125 source pixels). The generic geometric back-end of later operators.
 *
 * <p>Resolution: in target CRS units; for a geographic target a value ≥ 1 is read as metres and
 * converted to square degrees by the rule every service uses ({@link eu.ai4c.kit.geo.PixelSpacing});
 * without a value the source pixel size is kept (converted the same way between metres and degrees
 * when the CRS kinds differ).</p>
 *
 * <p>Stateless and thread-safe.</p>
 */
public final class WarpOperator implements Operator {
    /** Geographic resolutions at or above this are metres, below it degrees. */
    static final double METRES_THRESHOLD = 1.0;

    private static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("Warp", "Warp (reproject)",
            "Raster/Geometric",
            "Reprojects a map-projected raster to another coordinate reference system and pixel size. "
                    + "Like gdalwarp: the target grid covers the source footprint, pixels outside the source are "
                    + "no-data, and bilinear/bicubic weights are renormalised around no-data.",
            List.of(SourceDescriptor.required("input", "A map-projected raster product (GeoTIFF, BEAM-DIMAP, ...)",
                    ProductKind.MAP_GRID)),
            List.of(
                    SharedParameters.projection("WGS84", ""),
                    ParameterDescriptor.builder("resolution", ParameterType.DOUBLE).interval("(0,*)")
                            .unit("target CRS units, or m").label("Resolution")
                            .description("Target pixel size in target CRS units; for a geographic target a value >= 1 "
                                    + "is metres (square pixels of metres / 6378137 rad, as every service). Default: "
                                    + "the source pixel size.")
                            .build(),
                    SharedParameters.resampling("resampling", "Resampling", Resampling.BILINEAR,
                            "Nearest neighbour, bilinear or bicubic (cubic convolution, a = -0.5)."),
                    ParameterDescriptor.builder("extent", ParameterType.DOUBLE_LIST).label("Extent")
                            .unit("target CRS units")
                            .description("xmin,ymin,xmax,ymax of the target grid in the target CRS "
                                    + "(easting/longitude first). Default: the source footprint.").build(),
                    ParameterDescriptor.builder("targetAlignedPixels", ParameterType.BOOLEAN).defaultValue(false)
                            .label("Target-aligned pixels")
                            .description("Snap the extent to multiples of the resolution (gdalwarp -tap).").build(),
                    SharedParameters.aoi("the output is cropped to its bounds and pixels outside it are no-data."),
                    ParameterDescriptor.builder("cropOnly", ParameterType.BOOLEAN).defaultValue(false)
                            .label("Crop only")
                            .description("With an area of interest: only crop to its bounds, keep the pixels "
                                    + "outside the polygon.").build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) {
        Product input = sources.get("input");
        if (input == null) throw Ai4cException.usage("Warp: missing source product --input.");
        Raster raster = input.raster();
        if (!(raster.geoCoding() instanceof MapGeoCoding src)) {
            throw new Ai4cException("Warp: input " + input.name() + " has no map geocoding; only map-projected "
                    + "rasters can be warped (terrain-correct SAR products first).");
        }
        double[] centre = TargetGrid.centreLonLat(src, raster.width(), raster.height());
        CoordinateReferenceSystem target = Projections.parse(params.getString("projection"), centre[0], centre[1]);
        Double resolution = params.has("resolution") ? params.getDouble("resolution") : null;
        double[] res = targetResolution(src, target, resolution);
        double[] extent = null;
        if (params.has("extent")) {
            extent = params.getDoubles("extent");
            if (extent.length != 4 || !(extent[0] < extent[2]) || !(extent[1] < extent[3])) {
                throw Ai4cException.usage("Warp: invalid value \"" + Arrays.toString(extent) + "\" for --extent: "
                        + "expected xmin,ymin,xmax,ymax with xmin < xmax and ymin < ymax, in the target CRS.");
            }
        }
        boolean tap = params.getBoolean("targetAlignedPixels");
        Resampling resampling = params.getChoice("resampling", Resampling.class);
        TargetGrid grid = TargetGrid.derive(src, raster.width(), raster.height(), target, res[0], res[1], extent, tap);
        Raster warped = new WarpRaster(raster, grid, resampling, PixelTransform.DEFAULT_MAX_ERROR);
        if (params.has("aoi")) {
            // the warp is lazy: the crop view pulls only the tiles inside the area of interest
            warped = AoiCrop.crop(warped, AreaOfInterest.parse(params.getString("aoi")), params.getBoolean("cropOnly"));
        }
        Metadata md = input.metadata().copy();
        md.childOrCreate("Processing_History").addChild("Warp")
                .set("projection", params.getString("projection"))
                .set("pixelSizeX", res[0]).set("pixelSizeY", res[1])
                .set("resampling", resampling)
                .set("width", warped.width()).set("height", warped.height());
        return new Product(input.name(), warped, md, null);
    }

    /**
     * Target pixel size {x, y} in target CRS units: the parameter value (metres when the target
     * is geographic and the value is at least {@value #METRES_THRESHOLD}), or the source's.
     */
    static double[] targetResolution(MapGeoCoding src, CoordinateReferenceSystem target, Double resolution) {
        boolean metres = resolution != null && Projections.isGeographic(target) && resolution >= METRES_THRESHOLD;
        return TargetGrid.pixelSize(src, target, resolution, metres);
    }
}
