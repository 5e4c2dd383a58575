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
        double minC = Double.POSITIVE_INFINITY, maxC = Double.NEGATIVE_INFINITY;
        double minR = Double.POSITIVE_INFINITY, maxR = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double dx = lon[i] - gt[0], dy = lat[i] - gt[3];
            // continuous coordinates with integers at pixel centres
            double c = inv[0] * dx + inv[1] * dy - 0.5;
            double r = inv[2] * dx + inv[3] * dy - 0.5;
            col[i] = c;
            row[i] = r;
            if (c >= -0.5 && c <= dem.width() - 0.5 && r >= -0.5 && r <= dem.height() - 0.5) {
                minC = Math.min(minC, c);
                maxC = Math.max(maxC, c);
                minR = Math.min(minR, r);
                maxR = Math.max(maxR, r);
            }
        }
        geoid.undulations(lat, lon, out, count);
        if (minC > maxC) {
            fallbacks.add(count);
            return;
        }
        int x0 = Math.max(0, (int) Math.floor(minC)), y0 = Math.max(0, (int) Math.floor(minR));
        int x1 = Math.min(dem.width() - 1, (int) Math.floor(maxC) + 1);
        int y1 = Math.min(dem.height() - 1, (int) Math.floor(maxR) + 1);
        Region window = new Region(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
        float[] h;
        try {
            h = dem.read(0, window).toFloats();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read DEM " + name + " window " + window, e);
        }
        int w = window.width(), ht = window.height();
        boolean hasNoData = band.hasNoData();
        float noData = (float) band.noData();
        int missing = 0;
        for (int i = 0; i < count; i++) {
            double c = col[i], r = row[i];
            if (!(c >= -0.5 && c <= dem.width() - 0.5 && r >= -0.5 && r <= dem.height() - 0.5)) {
                missing++;
                continue;
            }
            double lc = Math.max(0, Math.min(w - 1, c - x0));
            double lr = Math.max(0, Math.min(ht - 1, r - y0));
            int ic = Math.min((int) lc, Math.max(0, w - 2)), ir = Math.min((int) lr, Math.max(0, ht - 2));
            double wx = w == 1 ? 0 : lc - ic, wy = ht == 1 ? 0 : lr - ir;
            int ic1 = Math.min(ic + 1, w - 1), ir1 = Math.min(ir + 1, ht - 1);
            double v = DemInterpolation.bilinear(h[ir * w + ic], h[ir * w + ic1], h[ir1 * w + ic], h[ir1 * w + ic1],
                    wx, wy, hasNoData, noData);
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
