package eu.ai4c.kit.warp;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.PixelSpacing;
import eu.ai4c.kit.geo.Projections;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * The north-up grid a raster is warped onto: a {@link MapGeoCoding} in the target CRS and a size.
 * Immutable.
 *
 * <p>{@link #derive} follows gdalwarp's defaults: the source footprint is sampled densely along its
 * four edges (pixel corners, {@value #EDGE_SAMPLES} points per edge), the points are transformed
 * to the target CRS and their bounding box is the extent (unless one is given); the grid starts
 * at the extent's upper-left corner and has {@code (int)((max - min + res/2) / res)} pixels per
 * axis. With {@code targetAlignedPixels} (gdalwarp {@code -tap}) the extent is first widened to
 * multiples of the resolution.</p>
 *
 * @param geoCoding the target grid (pixel-corner geotransform, easting first)
 * @param width     pixels per row
 * @param height    rows
 */
public record TargetGrid(MapGeoCoding geoCoding, int width, int height) {

    /** Points sampled per source edge (pixel corners, ends included). */
    public static final int EDGE_SAMPLES = 101;

    public TargetGrid {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Empty target grid " + width + "x" + height);
        }
    }

    /**
     * Derives the target grid.
     *
     * @param source       source grid
     * @param sourceWidth  source width in pixels
     * @param sourceHeight source height in pixels
     * @param targetCrs    target CRS, easting/longitude first
     * @param resX         target pixel width in target CRS units (> 0)
     * @param resY         target pixel height in target CRS units (> 0)
     * @param extent       {xmin, ymin, xmax, ymax} in the target CRS, or null for the source footprint
     * @param targetAlignedPixels snap the extent outwards to multiples of the resolution
     * @throws Ai4cException when the footprint cannot be transformed or the grid would be empty/huge
     */
    public static TargetGrid derive(MapGeoCoding source, int sourceWidth, int sourceHeight,
                                    CoordinateReferenceSystem targetCrs, double resX, double resY,
                                    double[] extent, boolean targetAlignedPixels) {
        if (!(resX > 0) || !(resY > 0)) {
            throw Ai4cException.usage("Warp: the resolution must be positive, got " + resX + " x " + resY + ".");
        }
        double[] box = extent != null ? extent.clone() : footprint(source, sourceWidth, sourceHeight, targetCrs);
        double minX = box[0], minY = box[1], maxX = box[2], maxY = box[3];
        if (targetAlignedPixels) {
            minX = Math.floor(minX / resX) * resX;
            maxX = Math.ceil(maxX / resX) * resX;
            minY = Math.floor(minY / resY) * resY;
            maxY = Math.ceil(maxY / resY) * resY;
        }
        double cols = (maxX - minX + resX / 2) / resX, rows = (maxY - minY + resY / 2) / resY;
        if (!(cols >= 1 && rows >= 1) || cols * rows > 1e11) {
            throw Ai4cException.usage(String.format(java.util.Locale.ROOT,
                    "Warp: the target grid would be %.0f x %.0f pixels (extent %s, resolution %g x %g): "
                            + "check --extent and --resolution (resolution in target CRS units).",
                    Math.floor(cols), Math.floor(rows), java.util.Arrays.toString(box), resX, resY));
        }
        MapGeoCoding gc = MapGeoCoding.northUp(targetCrs, minX, maxY, resX, resY);
        return new TargetGrid(gc, (int) cols, (int) rows);
    }

    /**
     * Bounding box {xmin, ymin, xmax, ymax} in {@code targetCrs} of the source footprint, from
     * {@value #EDGE_SAMPLES} pixel-corner points per edge (points that fail to transform are skipped).
     */
    public static double[] footprint(MapGeoCoding source, int width, int height, CoordinateReferenceSystem targetCrs) {
        int n = EDGE_SAMPLES - 1;
        double[] xy = new double[2 * 4 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / n;
            k = put(xy, k, source, t * width, 0);
            k = put(xy, k, source, width, t * height);
            k = put(xy, k, source, width - t * width, height);
            k = put(xy, k, source, 0, height - t * height);
        }
        transform(source.crs(), targetCrs, xy);
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xy.length; i += 2) {
            if (Double.isFinite(xy[i]) && Double.isFinite(xy[i + 1])) {
                minX = Math.min(minX, xy[i]);
                maxX = Math.max(maxX, xy[i]);
                minY = Math.min(minY, xy[i + 1]);
                maxY = Math.max(maxY, xy[i + 1]);
            }
        }
        if (!(minX < maxX && minY < maxY)) {
            throw new Ai4cException("Warp: the source footprint cannot be expressed in " + targetCrs.getName()
                    + " (outside its domain). Choose a projection that covers the scene.");
        }
        return new double[] {minX, minY, maxX, maxY};
    }

    private static int put(double[] xy, int k, MapGeoCoding g, double col, double row) {
        xy[k] = g.x(col, row);
        xy[k + 1] = g.y(col, row);
        return k + 2;
    }

    /**
     * Longitude and latitude (degrees) of the centre of a source grid.
     */
    public static double[] centreLonLat(MapGeoCoding source, int width, int height) {
        double[] xy = {source.x(width / 2.0, height / 2.0), source.y(width / 2.0, height / 2.0)};
        transform(source.crs(), Projections.wgs84(), xy);
        return xy;
    }

    /**
     * The target pixel size {x, y} in target CRS units.
     *
     * @param source      source grid
     * @param target      target CRS
     * @param resolution  requested pixel size, or null to keep the source pixel size (converted
     *                    between metres and degrees by {@link PixelSpacing} when one CRS is
     *                    geographic and the other projected)
     * @param inMetres    true when {@code resolution} is in metres for a geographic target
     */
    public static double[] pixelSize(MapGeoCoding source, CoordinateReferenceSystem target, Double resolution,
                                     boolean inMetres) {
        boolean targetGeo = Projections.isGeographic(target);
        if (resolution != null) {
            double r = inMetres && targetGeo ? PixelSpacing.degrees(resolution) : resolution;
            return new double[] {r, r};
        }
        double[] gt = source.geoTransform();
        double sx = Math.hypot(gt[1], gt[4]), sy = Math.hypot(gt[2], gt[5]);
        boolean sourceGeo = Projections.isGeographic(source.crs());
        if (sourceGeo == targetGeo) return new double[] {sx, sy};
        if (targetGeo) return new double[] {PixelSpacing.degrees(sx), PixelSpacing.degrees(sy)};
        return new double[] {PixelSpacing.metres(sx), PixelSpacing.metres(sy)};
    }

    /**
     * The grid covering a footprint given in WGS 84 longitude/latitude, aligned to whole multiples
     * of the pixel size (gdalwarp's {@code -tap}): the footprint polygon, densified along its edges,
     * is projected to {@code crs} and its bounding box snapped outwards. The pixel size is
     * {@code resolutionMetres} in the units of {@code crs} by {@link PixelSpacing}. This is the grid of
     * the Sentinel-1 terrain correction; {@link #derive} with {@code targetAlignedPixels} and the
     * same pixel size gives the same grid for a raster with that footprint.
     *
     * @param lon              footprint polygon longitudes, degrees (≥ 3 vertices, in order)
     * @param lat              footprint polygon latitudes, degrees
     * @param crs              target CRS, easting/longitude first
     * @param resolutionMetres pixel size, metres
     * @throws Ai4cException (usage) for a non-positive resolution or a CRS that cannot hold the footprint
     */
    public static TargetGrid covering(double[] lon, double[] lat, CoordinateReferenceSystem crs, double resolutionMetres) {
        if (!(resolutionMetres > 0)) {
            throw Ai4cException.usage("The pixel spacing must be positive, got " + resolutionMetres + " m.");
        }
        int v = lon.length;
        int steps = 32;
        double[] pts = new double[2 * v * steps];
        int k = 0;
        for (int i = 0; i < v; i++) {
            int j = (i + 1) % v;
            for (int s = 0; s < steps; s++) {
                double f = (double) s / steps;
                pts[k++] = lon[i] + f * (lon[j] - lon[i]);
                pts[k++] = lat[i] + f * (lat[j] - lat[i]);
            }
        }
        try {
            MathTransform toMap = CRS.findOperation(Projections.wgs84(), crs, null).getMathTransform();
            toMap.transform(pts, 0, pts, 0, v * steps);
        } catch (FactoryException | TransformException e) {
            throw Ai4cException.usage("The scene footprint cannot be projected to " + crs.getName() + " ("
                    + e.getMessage() + "): choose a projection that covers the scene.");
        }
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pts.length; i += 2) {
            if (!Double.isFinite(pts[i]) || !Double.isFinite(pts[i + 1])) {
                throw Ai4cException.usage("The scene footprint falls outside the domain of " + crs.getName()
                        + ": choose a projection that covers the scene.");
            }
            minX = Math.min(minX, pts[i]);
            maxX = Math.max(maxX, pts[i]);
            minY = Math.min(minY, pts[i + 1]);
            maxY = Math.max(maxY, pts[i + 1]);
        }
        double px = PixelSpacing.inUnitsOf(crs, resolutionMetres);
        double x0 = Math.floor(minX / px) * px, y0 = Math.ceil(maxY / px) * px;
        long w = (long) Math.ceil((maxX - x0) / px - 1e-9), h = (long) Math.ceil((y0 - minY) / px - 1e-9);
        if (w * h > Integer.MAX_VALUE || w < 1 || h < 1) {
            throw Ai4cException.usage("A pixel spacing of " + resolutionMetres + " m gives a " + w + " x " + h
                    + " pixel output: choose a coarser resolution.");
        }
        return new TargetGrid(MapGeoCoding.northUp(crs, x0, y0, px, px), (int) w, (int) h);
    }

    private static void transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to, double[] xy) {
        try {
            MathTransform mt = CRS.findOperation(from, to, null).getMathTransform();
            try {
                mt.transform(xy, 0, xy, 0, xy.length / 2);
            } catch (TransformException e) {
                // points that failed are NaN and skipped by the callers
            }
        } catch (FactoryException e) {
            throw new Ai4cException("No coordinate operation from " + from.getName() + " to " + to.getName()
                    + ": " + e.getMessage() + ". Choose another projection.", e);
        }
    }
}
