package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.PolygonMask;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;

/**
 * {@code aoi-mask}: the area-of-interest mask of every pixel centre of an N×N grid (default
 * N = 10980) in 512² tiles, as the tile engine asks for it, for a ragged circle of V vertices
 * ({@code -Pvertices=V}, default 20,000: a digitised coastline or district border), by the kit's
 * scanline {@link PolygonMask} against JTS's indexed point-in-polygon test at each pixel centre,
 * both on one thread. Both must count the same inside pixels.
 */
public final class AoiMaskBenchmark extends DeclaredBenchmark {
    private static final int TILE = 512;

    public AoiMaskBenchmark() {
        super("aoi-mask",
                "AoI polygon mask of an NxN grid (ragged circle, -Pvertices 20000), scanline vs JTS point-in-polygon "
                + "(default N 10980).", "vertices");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        int vertices = context.intOption("vertices", 20000, 3);
        Geometry polygon = raggedCircle(n / 2.0, n / 2.0, n * 0.45, vertices);
        PolygonMask mask = PolygonMask.inPixels(polygon);
        long[] inside = new long[2];
        BenchContext.Measured ours = context.measure(() -> {
            byte[] out = new byte[TILE * TILE];
            long count = 0;
            for (int y = 0; y < n; y += TILE) {
                for (int x = 0; x < n; x += TILE) {
                    Region r = new Region(x, y, Math.min(TILE, n - x), Math.min(TILE, n - y));
                    mask.rasterize(r, out);
                    for (int i = 0, a = (int) r.area(); i < a; i++) count += out[i];
                }
            }
            inside[0] = count;
        });
        double peer = context.medianSeconds(() -> {
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(polygon);
            Coordinate c = new Coordinate();
            long count = 0;
            for (int y = 0; y < n; y += TILE) {
                for (int x = 0; x < n; x += TILE) {
                    for (int row = y; row < Math.min(n, y + TILE); row++) {
                        for (int col = x; col < Math.min(n, x + TILE); col++) {
                            c.x = col + 0.5;
                            c.y = row + 0.5;
                            if (locator.locate(c) == Location.INTERIOR) count++;
                        }
                    }
                }
            }
            inside[1] = count;
        });
        if (inside[0] != inside[1]) {
            throw new Ai4cException("aoi-mask: the scanline mask counts " + inside[0] + " pixel centres inside the "
                    + vertices + "-vertex polygon, JTS " + inside[1] + ": the scanline rasterisation is wrong.");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", 1);
        extra.put("vertices", vertices);
        extra.put("inside", inside[0]);
        extra.put("mpix_per_s", Math.round((double) n * n / ours.seconds() / 1e5) / 10.0);
        return List.of(BenchResult.of(name(), n + "x" + n + " grid, " + vertices + "-vertex polygon", ours,
                "JTS IndexedPointInAreaLocator", peer, extra));
    }

    /** A circle with a 37-lobe ripple of 5 % and 0.2 % random jitter, in pixel coordinates. */
    private static Geometry raggedCircle(double cx, double cy, double radius, int n) {
        Coordinate[] ring = new Coordinate[n + 1];
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = radius * (1 + 0.05 * Math.sin(37 * a) + 0.002 * random.nextDouble());
            ring[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        ring[n] = ring[0].copy();
        return new GeometryFactory().createPolygon(ring);
    }
}
