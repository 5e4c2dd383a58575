package eu.ai4c.kit.landsea;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Region;
import java.util.Objects;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Land where the terrain lies above mean sea level: elevation = ellipsoid height (from the
 * {@link ElevationModel}) − EGM96 undulation N, land when {@code > 0}, sea when {@code ≤ 0}. This
 * is the SRTM 3Sec convention, where the sea is flattened to elevation 0; points outside the DEM
 * fall back to the geoid, i.e. elevation 0, and so count as sea.
 *
 * <p>Pixel centres are transformed to WGS 84 longitude/latitude in one bulk call per region
 * (the grid-to-WGS 84 transform is found once per grid CRS), then looked up in bulk.</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe when the elevation model is (as every {@link ElevationModel} must be); working
 * arrays are per call.
 */
public final class DemLandClassifier implements LandClassifier {
    private final ElevationModel dem;
    private final Geoid geoid;
    private volatile CachedTransform toWgs84;

    private record CachedTransform(CoordinateReferenceSystem crs, MathTransform transform) {
    }

    /**
     * @param dem   the terrain heights (ellipsoidal)
     * @param geoid the geoid giving mean sea level
     */
    public DemLandClassifier(ElevationModel dem, Geoid geoid) {
        this.dem = Objects.requireNonNull(dem, "dem");
        this.geoid = Objects.requireNonNull(geoid, "geoid");
    }

    @Override
    public void land(MapGeoCoding grid, Region region, byte[] outIsLand) {
        int w = region.width(), n = Math.toIntExact(region.area());
        if (n == 0) return;
        double[] gt = grid.geoTransform();
        double[] xy = new double[2 * n];
        for (int r = 0, k = 0; r < region.height(); r++) {
            double row = region.y() + r + 0.5;
            double x = gt[0] + row * gt[2], y = gt[3] + row * gt[5];
            for (int c = 0; c < w; c++, k += 2) {
                double col = region.x() + c + 0.5;
                xy[k] = x + col * gt[1];
                xy[k + 1] = y + col * gt[4];
            }
        }
        try {
            transformFor(grid.crs()).transform(xy, 0, xy, 0, n);
        } catch (TransformException e) {
            throw new Ai4cException("Cannot convert the pixels " + region + " of the " + grid.crs().getName()
                    + " grid to longitude/latitude for the land/sea mask: " + e.getMessage()
                    + ". Check the product's map projection.", e);
        }
        double[] lon = new double[n], lat = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = xy[2 * i];
            lat[i] = xy[2 * i + 1];
        }
        dem.heights(lon, lat, h, n);
        double[] undulation = xy; // reuse: only n of its 2n entries are needed
        geoid.undulations(lat, lon, undulation, n);
        for (int i = 0; i < n; i++) {
            outIsLand[i] = h[i] - undulation[i] > 0 ? (byte) 1 : (byte) 0;
        }
    }

    private MathTransform transformFor(CoordinateReferenceSystem crs) {
        CachedTransform c = toWgs84;
        if (c != null && c.crs == crs) return c.transform;
        try {
            MathTransform mt = CRS.findOperation(crs, Projections.wgs84(), null).getMathTransform();
            toWgs84 = new CachedTransform(crs, mt);
            return mt;
        } catch (FactoryException e) {
            throw new Ai4cException("No transformation from " + crs.getName() + " to WGS 84 for the land/sea mask: "
                    + e.getMessage() + ". Reproject the product to a common map projection first.", e);
        }
    }

    @Override
    public String describe() {
        return "elevation above mean sea level from " + dem.describe();
    }
}
