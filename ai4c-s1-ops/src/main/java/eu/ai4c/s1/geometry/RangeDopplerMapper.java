package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Region;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * For the pixels of a target map region, the fractional source (line, sample) seen there, using
 * the terrain heights of an {@link ElevationModel}.
 *
 * <p>Two methods, chosen by the node step:</p>
 * <ul>
 * <li><b>exact</b> (step ≤ 1): every pixel centre is projected to longitude/latitude, lifted to
 * its ellipsoid height, and solved with {@link ZeroDoppler} (starting from the previous pixel's
 * time).</li>
 * <li><b>node-interpolated</b> (step &gt; 1): the exact solve is done on a grid of nodes every
 * {@code step} pixels, each at three heights (its own ellipsoid height h and h ± 200 m), which gives
 * line and sample as quadratics in the height. Between nodes, longitude/latitude and the quadratic
 * coefficients are interpolated bilinearly and evaluated at each pixel's own DEM height, so the
 * terrain between nodes is honoured. Pixels whose height departs from the bilinear node height by
 * more than {@value #MAX_RESIDUAL_HEIGHT} m, or cells with a node outside the orbit, are solved
 * exactly. Regions whose nodes all map far outside the image (by more than any terrain height could
 * move them) are NaN without DEM lookups. The map → geographic transform and the geometry are smooth at the node scale
 * (sub-millimetre over 16 pixels of 10 m), so the accuracy is that of the height model; the
 * tests check it stays within 0.05 pixels of the exact solve on rough terrain.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Immutable; scratch arrays are per thread.
 */
final class RangeDopplerMapper {
    static final double MAX_RESIDUAL_HEIGHT = 1500;
    private static final double DELTA_H = 200;
    /** Heights above the ellipsoid on Earth stay within about -500 .. 9,000 m. */
    private static final double EARTH_HEIGHT_RANGE = 10_000;

    private final ZeroDoppler zeroDoppler;
    private final ElevationModel dem;
    private final double[] gt;
    private final MathTransform toLonLat;
    private final boolean identity;
    private final int step;
    private final ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[3][0]);

    RangeDopplerMapper(ZeroDoppler zeroDoppler, ElevationModel dem, MapGeoCoding target, int step) {
        this.zeroDoppler = zeroDoppler;
        this.dem = dem;
        this.gt = target.geoTransform();
        this.step = step;
        try {
            this.toLonLat = CRS.findOperation(target.crs(), Projections.wgs84(), null).getMathTransform();
        } catch (FactoryException e) {
            throw new Ai4cException("No transformation from " + target.crs().getName() + " to WGS 84 longitude/latitude: "
                    + e.getMessage() + ". Choose another projection.", e);
        }
        this.identity = toLonLat.isIdentity();
    }

    int step() {
        return step;
    }

    /**
     * Computes line and sample for every pixel of {@code region} (row-major, region-relative).
     * Positions not seen by the orbit get NaN.
     */
    void map(Region region, double[] line, double[] sample) {
        int n = Math.toIntExact(region.area());
        double[][] s = scratch.get();
        if (s[0].length < n) {
            s[0] = new double[n];
            s[1] = new double[n];
            s[2] = new double[n];
        }
        double[] lon = s[0], lat = s[1], h = s[2];
        if (step <= 1) {
            exact(region, lon, lat, h, line, sample);
        } else {
            interpolated(region, lon, lat, h, line, sample);
        }
    }

    private void exact(Region region, double[] lon, double[] lat, double[] h, double[] line, double[] sample) {
        int w = region.width(), ht = region.height(), n = w * ht;
        for (int r = 0, i = 0; r < ht; r++) {
            double row = region.y() + r + 0.5;
            for (int c = 0; c < w; c++, i++) {
                double col = region.x() + c + 0.5;
                lon[i] = gt[0] + col * gt[1] + row * gt[2];
                lat[i] = gt[3] + col * gt[4] + row * gt[5];
            }
        }
        toLonLat(lon, lat, n);
        dem.heights(lon, lat, h, n);
        // ECEF in place of lon/lat/h
        Ellipsoid.toEcef(lon, lat, h, lon, lat, h, n);
        double[] sc = new double[10];
        double guess = Double.NaN, rowGuess = Double.NaN;
        for (int r = 0, i = 0; r < ht; r++) {
            guess = rowGuess;
            for (int c = 0; c < w; c++, i++) {
                double t = zeroDoppler.solve(lon[i], lat[i], h[i], guess, sc);
                if (Double.isNaN(t)) {
                    line[i] = sample[i] = Double.NaN;
                } else {
                    line[i] = zeroDoppler.geometry().line(t);
                    sample[i] = zeroDoppler.geometry().sample(t, sc[9]);
                    guess = t;
                    if (c == 0) rowGuess = t;
                }
            }
        }
    }

    private void interpolated(Region region, double[] lon, double[] lat, double[] h, double[] line, double[] sample) {
        int w = region.width(), ht = region.height(), n = w * ht;
        int[] nx = nodes(w), ny = nodes(ht);
        int cols = nx.length, rows = ny.length, nn = cols * rows;
        double[] nLon = new double[nn], nLat = new double[nn];
        for (int j = 0, k = 0; j < rows; j++) {
            double row = region.y() + ny[j] + 0.5;
            for (int i = 0; i < cols; i++, k++) {
                double col = region.x() + nx[i] + 0.5;
                nLon[k] = gt[0] + col * gt[1] + row * gt[2];
                nLat[k] = gt[3] + col * gt[4] + row * gt[5];
            }
        }
        toLonLat(nLon, nLat, nn);
        double[] nh = new double[nn];
        dem.heights(nLon, nLat, nh, nn);

        // nodes at h - Δ, h, h + Δ
        double[] x = new double[3 * nn], y = new double[3 * nn], z = new double[3 * nn];
        double[] lon3 = new double[3 * nn], lat3 = new double[3 * nn], h3 = new double[3 * nn];
        for (int k = 0; k < nn; k++) {
            for (int m = 0; m < 3; m++) {
                lon3[3 * k + m] = nLon[k];
                lat3[3 * k + m] = nLat[k];
                h3[3 * k + m] = nh[k] + (m - 1) * DELTA_H;
            }
        }
        Ellipsoid.toEcef(lon3, lat3, h3, x, y, z, 3 * nn);
        double[] l3 = new double[3 * nn], s3 = new double[3 * nn];
        zeroDoppler.lineSample(x, y, z, l3, s3, 3 * nn);
        // quadratic in dh: value = c0 + c1 dh + c2 dh²
        double[] l0 = new double[nn], l1 = new double[nn], l2 = new double[nn];
        double[] s0 = new double[nn], s1 = new double[nn], s2 = new double[nn];
        for (int k = 0; k < nn; k++) {
            double lm = l3[3 * k], lc = l3[3 * k + 1], lp = l3[3 * k + 2];
            double sm = s3[3 * k], scc = s3[3 * k + 1], sp = s3[3 * k + 2];
            l0[k] = lc;
            l1[k] = (lp - lm) / (2 * DELTA_H);
            l2[k] = (lp - 2 * lc + lm) / (2 * DELTA_H * DELTA_H);
            s0[k] = scc;
            s1[k] = (sp - sm) / (2 * DELTA_H);
            s2[k] = (sp - 2 * scc + sm) / (2 * DELTA_H * DELTA_H);
        }
        if (farOutside(l0, l1, l2, zeroDoppler.geometry().lines()) || farOutside(s0, s1, s2,
                zeroDoppler.geometry().samples())) {
            java.util.Arrays.fill(line, 0, n, Double.NaN);
            java.util.Arrays.fill(sample, 0, n, Double.NaN);
            return;
        }
        CellInterpolation.bilinear(nx, ny, nLon, w, lon);
        CellInterpolation.bilinear(nx, ny, nLat, w, lat);
        dem.heights(lon, lat, h, n);
        CellInterpolation.heightQuadratic(nx, ny, w, h, nh, new double[][] {l0, l1, l2}, new double[][] {s0, s1, s2},
                line, sample, MAX_RESIDUAL_HEIGHT);
        // pixels flagged NaN (node unseen or terrain too far from the node plane): exact solve
        double[] sc = new double[10];
        double[] p = new double[3];
        double guess = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(line[i]) || Double.isNaN(sample[i])) {
                ecef(lon[i], lat[i], h[i], p);
                double t = zeroDoppler.solve(p[0], p[1], p[2], guess, sc);
                if (Double.isNaN(t)) {
                    line[i] = sample[i] = Double.NaN;
                } else {
                    line[i] = zeroDoppler.geometry().line(t);
                    sample[i] = zeroDoppler.geometry().sample(t, sc[9]);
                    guess = t;
                }
            }
        }
    }

    /**
     * True when every pixel of the region must map outside {@code [0, size)}: all nodes are finite
     * and, even with terrain anywhere between {@value #EARTH_HEIGHT_RANGE} m of the node heights
     * (the whole range of heights on Earth), the quadratic height model stays on one side outside.
     * Saves the DEM lookups of target tiles beyond the swath.
     */
    private static boolean farOutside(double[] c0, double[] c1, double[] c2, int size) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, d1 = 0, d2 = 0;
        for (int k = 0; k < c0.length; k++) {
            if (Double.isNaN(c0[k] + c1[k] + c2[k])) return false;
            min = Math.min(min, c0[k]);
            max = Math.max(max, c0[k]);
            d1 = Math.max(d1, Math.abs(c1[k]));
            d2 = Math.max(d2, Math.abs(c2[k]));
        }
        double margin = EARTH_HEIGHT_RANGE * d1 + EARTH_HEIGHT_RANGE * EARTH_HEIGHT_RANGE * d2 + 2;
        return max + margin < -1 || min - margin > size;
    }

    private static void ecef(double lon, double lat, double h, double[] out) {
        double phi = Math.toRadians(lat), lam = Math.toRadians(lon);
        double sp = Math.sin(phi), cp = Math.cos(phi);
        double nr = Ellipsoid.A / Math.sqrt(1 - Ellipsoid.E2 * sp * sp);
        out[0] = (nr + h) * cp * Math.cos(lam);
        out[1] = (nr + h) * cp * Math.sin(lam);
        out[2] = (nr * (1 - Ellipsoid.E2) + h) * sp;
    }

    /** Node offsets 0, step, 2·step, … and always the last pixel. */
    private int[] nodes(int size) {
        int count = (size - 1) / step + 1;
        boolean extra = (size - 1) % step != 0;
        int[] r = new int[count + (extra ? 1 : 0)];
        for (int i = 0; i < count; i++) r[i] = i * step;
        if (extra) r[count] = size - 1;
        if (r.length == 1) return new int[] {0, 0};
        return r;
    }

    /** Map coordinates → longitude, latitude in place (x in lon[], y in lat[]). */
    private void toLonLat(double[] xs, double[] ys, int n) {
        if (identity) return;
        double[] pts = new double[2 * n];
        for (int i = 0; i < n; i++) {
            pts[2 * i] = xs[i];
            pts[2 * i + 1] = ys[i];
        }
        try {
            toLonLat.transform(pts, 0, pts, 0, n);
        } catch (TransformException e) {
            throw new Ai4cException("Target grid point cannot be converted to longitude/latitude: " + e.getMessage(), e);
        }
        for (int i = 0; i < n; i++) {
            xs[i] = pts[2 * i];
            ys[i] = pts[2 * i + 1];
        }
    }
}
