package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * The output map grid of terrain correction: a north-up {@link MapGeoCoding} and its size.
 * {@link #covering} derives it from a scene footprint: the footprint polygon (densified along its
 * edges) is projected to the target CRS, its bounding box snapped outwards to whole multiples of
 * the pixel size. The pixel size is the resolution in metres for projected CRSs (assumed in metres)
 * and, for geographic CRSs, the same distance expressed in degrees of latitude at the scene centre
 * (square pixels in degrees). Immutable value.
 *
 * @param geoCoding the grid (pixel-corner geotransform, easting/longitude first)
 * @param width     columns
 * @param height    rows
 */
public record TargetGrid(MapGeoCoding geoCoding, int width, int height) {
    private static final int EDGE_STEPS = 32;

    public TargetGrid {
        if (width < 1 || height < 1) throw new IllegalArgumentException("Empty target grid " + width + "x" + height);
    }

    /**
     * The grid covering a footprint.
     *
     * @param lon              footprint polygon longitudes, degrees (≥ 3 vertices, in order)
     * @param lat              footprint polygon latitudes, degrees
     * @param crs              target CRS, easting/longitude first
     * @param resolutionMetres pixel size, metres
     * @throws Ai4cException (usage) for a non-positive resolution or a CRS that cannot hold the footprint
     */
    public static TargetGrid covering(double[] lon, double[] lat, CoordinateReferenceSystem crs,
                                      double resolutionMetres) {
        if (!(resolutionMetres > 0)) {
            throw Ai4cException.usage("The pixel spacing must be positive, got " + resolutionMetres + " m.");
        }
        int v = lon.length;
        double centreLat = 0;
        for (double la : lat) centreLat += la / v;
        double[] pts = new double[2 * v * EDGE_STEPS];
        int k = 0;
        for (int i = 0; i < v; i++) {
            int j = (i + 1) % v;
            for (int s = 0; s < EDGE_STEPS; s++) {
                double f = (double) s / EDGE_STEPS;
                pts[k++] = lon[i] + f * (lon[j] - lon[i]);
                pts[k++] = lat[i] + f * (lat[j] - lat[i]);
            }
        }
        try {
            MathTransform toMap = CRS.findOperation(Projections.wgs84(), crs, null).getMathTransform();
            toMap.transform(pts, 0, pts, 0, v * EDGE_STEPS);
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
        double px = Projections.isGeographic(crs) ? degreesFor(resolutionMetres, centreLat) : resolutionMetres;
        double x0 = Math.floor(minX / px) * px, y0 = Math.ceil(maxY / px) * px;
        long w = (long) Math.ceil((maxX - x0) / px - 1e-9), h = (long) Math.ceil((y0 - minY) / px - 1e-9);
        if (w * h > Integer.MAX_VALUE || w < 1 || h < 1) {
            throw Ai4cException.usage("A pixel spacing of " + resolutionMetres + " m gives a " + w + " x " + h
                    + " pixel output: choose a coarser resolution.");
        }
        return new TargetGrid(MapGeoCoding.northUp(crs, x0, y0, px, px), (int) w, (int) h);
    }

    /**
     * Degrees of latitude spanned by {@code metres} along the meridian at latitude {@code lat}
     * (WGS 84 meridional radius of curvature).
     */
    public static double degreesFor(double metres, double lat) {
        double s = Math.sin(Math.toRadians(lat));
        double m = Ellipsoid.A * (1 - Ellipsoid.E2) / Math.pow(1 - Ellipsoid.E2 * s * s, 1.5);
        return Math.toDegrees(metres / m);
    }
}
