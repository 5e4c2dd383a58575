package eu.ai4c.kit.stac;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;
import org.opengis.referencing.operation.TransformException;

/**
 * The outline of a map grid in WGS 84 longitude/latitude degrees: the pixel-corner boundary of
 * the grid, {@value #POINTS_PER_EDGE} points per edge (so the curved image of a projected edge
 * is followed), as a closed counter-clockwise ring (RFC 7946 §3.1.6), and its bounding box.
 * Grids that cross the antimeridian are not split. Immutable.
 *
 * @param ring closed ring of (longitude, latitude) pairs, first point repeated last
 * @param bbox west, south, east, north in degrees
 */
public record Footprint(double[] ring, double[] bbox) {
    /** Points per edge of the grid, corners included once. */
    public static final int POINTS_PER_EDGE = 8;

    /**
     * The footprint of a {@code width} × {@code height} pixel grid.
     *
     * @throws Ai4cException when the grid's CRS cannot be transformed to WGS 84
     */
    public static Footprint of(MapGeoCoding grid, int width, int height) {
        double[] gt = grid.geoTransform();
        int n = 4 * POINTS_PER_EDGE;
        double[] xy = new double[2 * (n + 1)];
        // pixel corners walked upper-left → lower-left → lower-right → upper-right → back
        for (int i = 0; i < n; i++) {
            int edge = i / POINTS_PER_EDGE;
            double t = (i % POINTS_PER_EDGE) / (double) POINTS_PER_EDGE;
            double col, row;
            switch (edge) {
                case 0 -> { col = 0; row = t * height; }
                case 1 -> { col = t * width; row = height; }
                case 2 -> { col = width; row = (1 - t) * height; }
                default -> { col = (1 - t) * width; row = 0; }
            }
            xy[2 * i] = gt[0] + col * gt[1] + row * gt[2];
            xy[2 * i + 1] = gt[3] + col * gt[4] + row * gt[5];
        }
        xy[2 * n] = xy[0];
        xy[2 * n + 1] = xy[1];
        try {
            MathTransform mt = CRS.findOperation(Projections.eastingFirst(grid.crs()), Projections.wgs84(), null)
                    .getMathTransform();
            mt.transform(xy, 0, xy, 0, n + 1);
        } catch (FactoryException | TransformException e) {
            throw new Ai4cException("Cannot compute the WGS 84 footprint of the output grid in " + grid.crsName()
                    + ": " + e.getMessage() + ". Write the STAC item with another projection, or switch it off.", e);
        }
        if (signedArea(xy) < 0) reverse(xy);
        double w = Double.POSITIVE_INFINITY, s = Double.POSITIVE_INFINITY;
        double e = Double.NEGATIVE_INFINITY, nn = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xy.length; i += 2) {
            w = Math.min(w, xy[i]);
            e = Math.max(e, xy[i]);
            s = Math.min(s, xy[i + 1]);
            nn = Math.max(nn, xy[i + 1]);
        }
        return new Footprint(xy, new double[] {w, s, e, nn});
    }

    /** Shoelace area of a closed ring; positive when counter-clockwise with y up. */
    static double signedArea(double[] ring) {
        double a = 0;
        for (int i = 0; i + 3 < ring.length; i += 2) {
            a += ring[i] * ring[i + 3] - ring[i + 2] * ring[i + 1];
        }
        return a / 2;
    }

    private static void reverse(double[] xy) {
        for (int i = 0, j = xy.length - 2; i < j; i += 2, j -= 2) {
            double x = xy[i], y = xy[i + 1];
            xy[i] = xy[j];
            xy[i + 1] = xy[j + 1];
            xy[j] = x;
            xy[j + 1] = y;
        }
    }
}
