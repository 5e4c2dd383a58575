package eu.ai4c.kit.aoi;

import eu.ai4c.kit.raster.Region;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;

/**
 * Throughput of {@link PolygonMask} against JTS's indexed point-in-polygon test at every pixel
 * centre, on a Sentinel-2-tile-sized grid (10980², in 512² tiles as the tile engine asks) with
 * a ragged circle of many vertices, like a digitised coastline or district border (a row
 * crosses few edges; the scanline cost grows with the edges crossed per row, not with the
 * vertex count). Prints one {@code key=value} line per measurement; the
 * ratio, not the absolute time, is the result. Not run by surefire.
 *
 * <p>Usage: {@code PolygonMaskBenchmark [size] [vertices]}.</p>
 */
public final class PolygonMaskBenchmark {

    private PolygonMaskBenchmark() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10980;
        int vertices = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        Geometry star = raggedCircle(size / 2.0, size / 2.0, size * 0.45, vertices);
        PolygonMask mask = PolygonMask.inPixels(star);
        int tile = 512;
        byte[] out = new byte[tile * tile];
        for (int warm = 0; warm < 2; warm++) {
            long inside = 0;
            long t0 = System.nanoTime();
            for (int y = 0; y < size; y += tile) {
                for (int x = 0; x < size; x += tile) {
                    Region r = new Region(x, y, Math.min(tile, size - x), Math.min(tile, size - y));
                    mask.rasterize(r, out);
                    for (int i = 0, n = (int) r.area(); i < n; i++) inside += out[i];
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("scanline size=%d vertices=%d seconds=%.3f mpix_per_s=%.1f inside=%d%n",
                    size, vertices, s, (double) size * size / s / 1e6, inside);
        }
        // JTS reference on a band of rows (full rows are too slow to do entirely).
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(star);
        int rows = Math.max(1, size / 50);
        Coordinate c = new Coordinate();
        long inside = 0;
        long t0 = System.nanoTime();
        for (int row = size / 2; row < size / 2 + rows; row++) {
            for (int col = 0; col < size; col++) {
                c.x = col + 0.5;
                c.y = row + 0.5;
                if (locator.locate(c) == Location.INTERIOR) inside++;
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("jts_point_in_polygon rows=%d seconds=%.3f mpix_per_s=%.1f inside=%d%n",
                rows, s, (double) rows * size / s / 1e6, inside);
    }

    private static Geometry raggedCircle(double cx, double cy, double radius, int n) {
        Coordinate[] ring = new Coordinate[n + 1];
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = radius * (1 + 0.05 * Math.sin(37 * a) + 0.002 * random.nextDouble());
            ring[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        ring[n] = ring[0].copy();
        return new GeometryFactory().createPolygon(ring);
    }
}
