package eu.ai4c.kit.aoi;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Region;
import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Rasterizes a polygonal area onto a pixel grid: a pixel is inside when its <em>centre</em>
 * (column + 0.5, row + 0.5 in pixel-corner coordinates) is inside the polygon by the even-odd
 * rule over all ring edges, so holes and the parts of a multipolygon need no special handling.
 * A centre exactly on a left edge counts as inside, on a right edge as outside (half-open spans,
 * as in GDAL's rasterization), so adjacent polygons never share a pixel.
 *
 * <p>Scanline fill: edges are converted once to pixel coordinates and sorted by their lowest row;
 * each row of a requested region keeps an active-edge list (edges with
 * {@code yMin <= yc < yMax}, the half-open rule that counts a shared vertex once), intersects it
 * with the row's centre line, sorts the crossings and fills the spans between pairs. The active
 * list keeps its order from row to row, so the sort (insertion) is nearly linear. Cost is
 * O(rows × active edges + pixels), with no per-pixel point-in-polygon test.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable; {@link #rasterize} may be called from many threads at once (working arrays are
 * per call).
 */
public final class PolygonMask {
    /** Per edge, sorted by yMin: lowest and highest row coordinate, x at yMin, dx/dy. */
    private final double[] yMin;
    private final double[] yMax;
    private final double[] xAtYMin;
    private final double[] slope;
    private final double minX, minY, maxX, maxY;

    private PolygonMask(double[] edges, int count) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(edges[4 * a + 1], edges[4 * b + 1]));
        yMin = new double[count];
        yMax = new double[count];
        xAtYMin = new double[count];
        slope = new double[count];
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            int e = 4 * order[k];
            yMin[k] = edges[e + 1];
            yMax[k] = edges[e + 3];
            xAtYMin[k] = edges[e];
            slope[k] = (edges[e + 2] - edges[e]) / (edges[e + 3] - edges[e + 1]);
            x0 = Math.min(x0, Math.min(edges[e], edges[e + 2]));
            x1 = Math.max(x1, Math.max(edges[e], edges[e + 2]));
            y0 = Math.min(y0, edges[e + 1]);
            y1 = Math.max(y1, edges[e + 3]);
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
    }

    /**
     * The mask of an AoI on a map grid: the AoI is reprojected to the grid's CRS (edges
     * densified) and its vertices converted to pixel coordinates with the inverse geotransform,
     * which keeps edges straight also for rotated grids.
     */
    public static PolygonMask of(AreaOfInterest aoi, MapGeoCoding grid) {
        Geometry g = aoi.toCrs(grid.crs()).geometry();
        return fromEdges(g, grid);
    }

    /**
     * The mask of a polygonal geometry already given in pixel-corner coordinates
     * (x = column, y = row).
     */
    public static PolygonMask inPixels(Geometry pixelGeometry) {
        return fromEdges(pixelGeometry, null);
    }

    /**
     * Convenience: the mask of {@code aoi} over {@code region} of the grid, 1 inside, 0 outside,
     * row-major over the region.
     */
    public static byte[] mask(AreaOfInterest aoi, MapGeoCoding grid, Region region) {
        return of(aoi, grid).rasterize(region);
    }

    private static PolygonMask fromEdges(Geometry g, MapGeoCoding grid) {
        int capacity = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) capacity += g.getGeometryN(i).getNumPoints();
        double[] edges = new double[4 * capacity];
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p)) {
                throw new IllegalArgumentException("Not polygonal: " + g.getGeometryType());
            }
            n = addRing(p.getExteriorRing().getCoordinateSequence(), grid, edges, n);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                n = addRing(p.getInteriorRingN(h).getCoordinateSequence(), grid, edges, n);
            }
        }
        return new PolygonMask(edges, n);
    }

    /** Appends the non-horizontal edges of a ring as (x at low y, low y, x at high y, high y). */
    private static int addRing(CoordinateSequence seq, MapGeoCoding grid, double[] edges, int n) {
        int size = seq.size();
        if (size < 2) return n;
        double[] prev = pixel(seq, 0, grid);
        for (int i = 1; i < size; i++) {
            double[] cur = pixel(seq, i, grid);
            if (cur[1] != prev[1] && Double.isFinite(cur[1]) && Double.isFinite(prev[1])) {
                boolean up = prev[1] < cur[1];
                double[] lo = up ? prev : cur, hi = up ? cur : prev;
                int e = 4 * n++;
                edges[e] = lo[0];
                edges[e + 1] = lo[1];
                edges[e + 2] = hi[0];
                edges[e + 3] = hi[1];
            }
            prev = cur;
        }
        return n;
    }

    private static double[] pixel(CoordinateSequence seq, int i, MapGeoCoding grid) {
        return grid == null ? new double[] {seq.getX(i), seq.getY(i)} : grid.toPixel(seq.getX(i), seq.getY(i));
    }

    /**
     * The smallest pixel window holding every pixel the polygon touches (corner coordinates
     * floored / ceiled, {@code tolerance} pixels of slack against rounding noise), not clipped
     * to any raster; empty when the polygon has no non-horizontal edge.
     */
    public Region touchedPixels(double tolerance) {
        if (yMin.length == 0) return new Region(0, 0, 0, 0);
        long c0 = (long) Math.floor(minX + tolerance), r0 = (long) Math.floor(minY + tolerance);
        long c1 = (long) Math.ceil(maxX - tolerance), r1 = (long) Math.ceil(maxY - tolerance);
        c0 = clampInt(c0);
        r0 = clampInt(r0);
        c1 = Math.max(c0, clampInt(c1));
        r1 = Math.max(r0, clampInt(r1));
        return new Region((int) c0, (int) r0, (int) (c1 - c0), (int) (r1 - r0));
    }

    private static long clampInt(long v) {
        return Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, v));
    }

    /** The mask over {@code region}: 1 where the pixel centre is inside, 0 elsewhere, row-major. */
    public byte[] rasterize(Region region) {
        byte[] out = new byte[Math.toIntExact(region.area())];
        rasterize(region, out);
        return out;
    }

    /**
     * Fills {@code out} (at least {@code region.area()} entries, row-major over the region) with
     * 1 inside and 0 outside.
     */
    public void rasterize(Region region, byte[] out) {
        int w = region.width();
        Arrays.fill(out, 0, Math.toIntExact(region.area()), (byte) 0);
        int n = yMin.length;
        if (n == 0 || region.isEmpty() || region.maxY() <= minY - 1 || region.y() > maxY
                || region.maxX() <= minX - 1 || region.x() > maxX) {
            return;
        }
        int[] active = new int[n];
        double[] crossings = new double[n];
        int activeCount = 0;
        int next = 0;
        for (int row = region.y(); row < region.maxY(); row++) {
            double yc = row + 0.5;
            // Drop finished edges and update the crossings of the others, keeping their order.
            int kept = 0;
            for (int a = 0; a < activeCount; a++) {
                int e = active[a];
                if (yMax[e] > yc) {
                    active[kept] = e;
                    crossings[kept++] = xAtYMin[e] + (yc - yMin[e]) * slope[e];
                }
            }
            activeCount = kept;
            while (next < n && yMin[next] <= yc) {
                if (yMax[next] > yc) {
                    active[activeCount] = next;
                    crossings[activeCount++] = xAtYMin[next] + (yc - yMin[next]) * slope[next];
                }
                next++;
            }
            if (activeCount < 2) continue;
            // The previous row's order is nearly right: insertion sort is then linear.
            sortByCrossing(crossings, active, activeCount);
            fillSpans(crossings, activeCount, region.x(), w, out, (row - region.y()) * w);
        }
    }

    /** Sets out[offset + c - x0] = 1 for the columns whose centre lies in [x_2i, x_2i+1). */
    private static void fillSpans(double[] xs, int k, int x0, int w, byte[] out, int offset) {
        for (int i = 0; i + 1 < k; i += 2) {
            double c0 = Math.ceil(xs[i] - 0.5), c1 = Math.ceil(xs[i + 1] - 0.5);
            int from = (int) Math.max(0, Math.min(w, c0 - x0));
            int to = (int) Math.max(0, Math.min(w, c1 - x0));
            if (to > from) Arrays.fill(out, offset + from, offset + to, (byte) 1);
        }
    }

    /** Insertion sort of the crossings, moving the edge ids along (nearly sorted input). */
    private static void sortByCrossing(double[] xs, int[] edges, int k) {
        for (int i = 1; i < k; i++) {
            double v = xs[i];
            int e = edges[i];
            int j = i - 1;
            while (j >= 0 && xs[j] > v) {
                xs[j + 1] = xs[j];
                edges[j + 1] = edges[j];
                j--;
            }
            xs[j + 1] = v;
            edges[j + 1] = e;
        }
    }
}
