package eu.ai4c.kit.dem;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A DEM given as one raster (band 0) on a WGS 84 geographic {@link MapGeoCoding}, holding
 * orthometric heights (metres above EGM96 mean sea level, as SRTM and Copernicus DEM). Heights are
 * interpolated bilinearly between pixel centres and converted to ellipsoid heights with the
 * {@link Geoid}. No-data neighbours are left out of the interpolation (weights renormalised); points
 * outside the DEM or with four no-data neighbours fall back to the geoid (height 0 above MSL) and
 * are counted.
 *
 * <p>Each call reads the DEM window covering the requested points once, so a call per target tile
 * costs one small read.</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe when the raster is (as every {@link Raster} must be).
 */
public final class RasterDem implements ElevationModel {
    private final Raster dem;
    private final Geoid geoid;
    private final String name;
    private final double[] inv;
    private final double[] gt;
    private final Band band;
    private final LongAdder fallbacks = new LongAdder();

    /**
     * @param dem   the DEM raster; its geocoding must be a WGS 84 geographic {@link MapGeoCoding}
     * @param geoid the geoid for the MSL → ellipsoid conversion
     * @param name  the DEM's file or name, for messages
     * @throws Ai4cException when the DEM is not on a WGS 84 geographic grid
     */
    public RasterDem(Raster dem, Geoid geoid, String name) {
        this.dem = Objects.requireNonNull(dem, "dem");
        this.geoid = Objects.requireNonNull(geoid, "geoid");
        this.name = name;
        if (!(dem.geoCoding() instanceof MapGeoCoding map) || !Projections.isGeographic(map.crs())) {
            throw new Ai4cException("DEM " + name + " is not on a geographic (longitude/latitude) grid: "
                    + "reproject it to WGS 84 first, e.g. gdalwarp -t_srs EPSG:4326 in.tif out.tif.");
        }
        this.gt = map.geoTransform();
        double det = gt[1] * gt[5] - gt[2] * gt[4];
        // inverse affine: col = inv0*(x-gt0) + inv1*(y-gt3), row = inv2*(x-gt0) + inv3*(y-gt3)
        this.inv = new double[] {gt[5] / det, -gt[2] / det, -gt[4] / det, gt[1] / det};
        this.band = dem.bands().get(0);
    }

    @Override
    public void heights(double[] lon, double[] lat, double[] out, int count) {
        if (count == 0) return;
        double[] col = new double[count];
        double[] row = new double[count];
        int w = dem.width(), ht = dem.height();
        double maxC = w - 0.5, maxR = ht - 0.5;
        double minCol = Double.POSITIVE_INFINITY, maxCol = Double.NEGATIVE_INFINITY;
        double minRow = Double.POSITIVE_INFINITY, maxRow = Double.NEGATIVE_INFINITY;
        double i0 = inv[0], i1 = inv[1], i2 = inv[2], i3 = inv[3], g0 = gt[0], g3 = gt[3];
        for (int i = 0; i < count; i++) {
            double dx = lon[i] - g0, dy = lat[i] - g3;
            // continuous coordinates with integers at pixel centres
            double c = i0 * dx + i1 * dy - 0.5;
            double r = i2 * dx + i3 * dy - 0.5;
            col[i] = c;
            row[i] = r;
            if (c >= -0.5 && c <= maxC && r >= -0.5 && r <= maxR) {
                if (c < minCol) minCol = c;
                if (c > maxCol) maxCol = c;
                if (r < minRow) minRow = r;
                if (r > maxRow) maxRow = r;
            }
        }
        geoid.undulations(lat, lon, out, count);
        if (minCol > maxCol) {
            fallbacks.add(count);
            return;
        }
        int x0 = Math.max(0, (int) Math.floor(minCol)), y0 = Math.max(0, (int) Math.floor(minRow));
        int x1 = Math.min(w - 1, (int) Math.floor(maxCol) + 1);
        int y1 = Math.min(ht - 1, (int) Math.floor(maxRow) + 1);
        Region window = new Region(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
        float[] h;
        try {
            h = dem.read(0, window).toFloats();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read DEM " + name + " window " + window, e);
        }
        int ww = window.width(), wh = window.height();
        int lastC = Math.max(0, ww - 2), lastR = Math.max(0, wh - 2);
        int stepC = ww > 1 ? 1 : 0, stepR = wh > 1 ? ww : 0;
        boolean hasNoData = band.hasNoData();
        float noData = (float) band.noData();
        int missing = 0;
        for (int i = 0; i < count; i++) {
            double c = col[i], r = row[i];
            if (!(c >= -0.5 && c <= maxC && r >= -0.5 && r <= maxR)) {
                missing++;
                continue;
            }
            double lc = c - x0, lr = r - y0;
            if (lc < 0) lc = 0; else if (lc > ww - 1) lc = ww - 1;
            if (lr < 0) lr = 0; else if (lr > wh - 1) lr = wh - 1;
            int ic = (int) lc, ir = (int) lr;
            if (ic > lastC) ic = lastC;
            if (ir > lastR) ir = lastR;
            double wx = lc - ic, wy = lr - ir;
            int k = ir * ww + ic;
            float a = h[k], b = h[k + stepC], cc = h[k + stepR], d = h[k + stepR + stepC];
            double v;
            if (a == a && b == b && cc == cc && d == d
                    && !(hasNoData && (a == noData || b == noData || cc == noData || d == noData))) {
                double top = a + wx * (b - a), bottom = cc + wx * (d - cc);
                v = top + wy * (bottom - top);
            } else {
                v = DemInterpolation.bilinear(a, b, cc, d, wx, wy, hasNoData, noData);
            }
            if (Double.isNaN(v)) {
                missing++;
            } else {
                out[i] += v;
            }
        }
        if (missing > 0) fallbacks.add(missing);
    }

    @Override
    public long fallbackCount() {
        return fallbacks.sum();
    }

    @Override
    public String describe() {
        return "DEM " + name + " (" + dem.width() + "x" + dem.height() + ") + EGM96 geoid";
    }
}
