package eu.ai4c.kit.aoi;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.vector.Polygons;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * Crops a map-projected raster to an area of interest: the pixel window covering the AoI's
 * bounds in the raster's CRS (clipped to the raster) and, unless only a crop is asked for, the
 * pixels of that window whose centre lies outside the polygon set to no-data (see
 * {@link PolygonMask} for the centre rule and {@link AoiCroppedRaster} for the no-data values).
 *
 * <p>Readers that can read a part of a file use {@link #window(MapGeoCoding, int, int, AreaOfInterest)}
 * to read only what the AoI needs.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable.
 */
public final class AoiCrop {

    /** Slack, in pixels, when rounding the AoI bounds outwards (reprojection rounding noise). */
    static final double WINDOW_TOLERANCE_PIXELS = 1e-6;

    private final MapGeoCoding grid;
    private final int width;
    private final int height;
    private final AreaOfInterest aoiInGridCrs;
    private final PolygonMask mask;
    private final Region window;

    private AoiCrop(MapGeoCoding grid, int width, int height, AreaOfInterest aoi) {
        this.grid = grid;
        this.width = width;
        this.height = height;
        this.aoiInGridCrs = aoi.toCrs(grid.crs());
        this.mask = PolygonMask.of(aoiInGridCrs, grid);
        Region touched = mask.touchedPixels(WINDOW_TOLERANCE_PIXELS);
        this.window = touched.intersect(Region.of(width, height));
        // The bounds may overlap while the polygon itself (e.g. an L shape) misses the raster.
        if (window.isEmpty() || !aoiInGridCrs.geometry().relate(footprintPolygon(), "T********")) {
            throw Ai4cException.usage("The area of interest (" + aoi.source() + ", " + aoiInGridCrs.describeBounds()
                    + ") does not intersect the input (" + AreaOfInterest.describe(footprint(), grid.crs())
                    + "); check the AoI and the input's footprint.");
        }
    }

    /**
     * Plans the crop of a {@code width × height} grid.
     *
     * @throws Ai4cException (usage error) when the AoI does not intersect the grid
     */
    public static AoiCrop of(MapGeoCoding grid, int width, int height, AreaOfInterest aoi) {
        return new AoiCrop(grid, width, height, aoi);
    }

    /**
     * Plans the crop of a raster.
     *
     * @throws Ai4cException when the raster has no map geocoding or the AoI does not intersect it
     */
    public static AoiCrop of(Raster raster, AreaOfInterest aoi) {
        if (!(raster.geoCoding() instanceof MapGeoCoding grid)) {
            throw Ai4cException.usage("The input is not map-projected (" + (raster.geoCoding() == null ? "no geocoding"
                    : raster.geoCoding().getClass().getSimpleName()) + "), so the area of interest " + aoi.source()
                    + " cannot be applied to it; terrain-correct or reproject the input first.");
        }
        return new AoiCrop(grid, raster.width(), raster.height(), aoi);
    }

    /** The pixel window covering the AoI of a {@code width × height} grid, clipped to it. */
    public static Region window(MapGeoCoding grid, int width, int height, AreaOfInterest aoi) {
        return of(grid, width, height, aoi).window();
    }

    /** The pixel window covering the AoI, clipped to the raster. */
    public static Region window(Raster raster, AreaOfInterest aoi) {
        return of(raster, aoi).window();
    }

    /**
     * A view of {@code raster} over the AoI window: the geocoding shifted to the window and,
     * unless {@code cropOnly}, pixels whose centre is outside the polygon set to no-data.
     */
    public static Raster crop(Raster raster, AreaOfInterest aoi, boolean cropOnly) {
        return of(raster, aoi).apply(raster, cropOnly);
    }

    /** The window covering the AoI bounds, clipped to the grid; never empty. */
    public Region window() {
        return window;
    }

    /** The AoI in the grid's CRS. */
    public AreaOfInterest aoiInGridCrs() {
        return aoiInGridCrs;
    }

    /** The polygon mask in the full grid's pixel coordinates. */
    public PolygonMask mask() {
        return mask;
    }

    /** The window's geocoding: the grid shifted to the window origin. */
    public MapGeoCoding windowGeoCoding() {
        return grid.shifted(window.x(), window.y());
    }

    /**
     * The view over the window of {@code raster}, which must be the grid this crop was planned
     * for (e.g. from {@link #of(Raster, AreaOfInterest)}).
     */
    public Raster apply(Raster raster, boolean cropOnly) {
        if (raster.width() != width || raster.height() != height || !grid.equals(raster.geoCoding())) {
            throw new IllegalArgumentException("Raster " + raster.width() + "x" + raster.height()
                    + " is not the grid the crop was planned for");
        }
        return new AoiCroppedRaster(raster, window, windowGeoCoding(), cropOnly ? null : mask);
    }

    /** The grid's outline in CRS units. */
    private Polygon footprintPolygon() {
        Coordinate[] ring = new Coordinate[5];
        int[][] corners = {{0, 0}, {width, 0}, {width, height}, {0, height}, {0, 0}};
        for (int i = 0; i < 5; i++) {
            ring[i] = new Coordinate(grid.x(corners[i][0], corners[i][1]), grid.y(corners[i][0], corners[i][1]));
        }
        return Polygons.FACTORY.createPolygon(ring);
    }

    /** The grid's bounds in CRS units (all four corners, so rotated grids are covered). */
    private Envelope footprint() {
        Envelope e = new Envelope();
        for (int[] c : new int[][] {{0, 0}, {width, 0}, {0, height}, {width, height}}) {
            e.expandToInclude(grid.x(c[0], c[1]), grid.y(c[0], c[1]));
        }
        return e;
    }
}
