package eu.ai4c.kit.landsea;

import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.aoi.PolygonMask;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Region;
import java.util.Arrays;
import java.util.Objects;
import org.apache.sis.referencing.CRS;
import org.apache.sis.util.Utilities;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.TopologyException;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Land inside the polygons of a vector file (e.g. OpenStreetMap land polygons), sea outside. A
 * pixel is land when its centre is inside (the {@link PolygonMask} rule). The polygons are
 * reprojected to the grid's CRS and turned into a scanline mask once per grid; with
 * {@link #clippedTo} they are first cut to the image's footprint, so that a global coastline file
 * costs only its part over the image and never needs reprojecting far outside a projection's
 * domain.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: the mask of the last grid is kept in a volatile field and is itself immutable.
 */
public final class VectorLandClassifier implements LandClassifier {
    /** Margin of the footprint clip, as a fraction of the footprint's size. */
    private static final double CLIP_MARGIN = 0.05;

    private final AreaOfInterest land;
    private volatile Prepared prepared;

    /** The mask for one grid; {@code mask} null when no land touches the image. */
    private record Prepared(MapGeoCoding grid, PolygonMask mask) {
    }

    /** @param land the land polygons, in any CRS */
    public VectorLandClassifier(AreaOfInterest land) {
        this.land = Objects.requireNonNull(land, "land");
    }

    /**
     * A classifier for one image: the land polygons cut to the image's footprint (plus a margin)
     * and rasterized for its grid at once.
     *
     * @param land   the land polygons
     * @param grid   the image's grid
     * @param width  image width in pixels
     * @param height image height in pixels
     */
    public static VectorLandClassifier clippedTo(AreaOfInterest land, MapGeoCoding grid, int width, int height) {
        VectorLandClassifier c = new VectorLandClassifier(land);
        Geometry g = land.geometry();
        Envelope footprint = footprint(land, grid, width, height);
        if (footprint != null && !footprint.covers(g.getEnvelopeInternal())) {
            try {
                g = g.intersection(new GeometryFactory().toGeometry(footprint));
            } catch (TopologyException e) {
                g = land.geometry(); // unclipped: slower but the same mask
            }
        }
        PolygonMask mask = g.isEmpty() || g.getDimension() < 2 ? null
                : PolygonMask.of(AreaOfInterest.of(polygonal(g), land.crs(), land.source()), grid);
        c.prepared = new Prepared(grid, mask);
        return c;
    }

    /** Keeps the polygons of a clip result (which may hold lines or points where edges touched). */
    private static Geometry polygonal(Geometry g) {
        if (g.getDimension() == 2 && !"GeometryCollection".equals(g.getGeometryType())) return g;
        Geometry[] parts = new Geometry[g.getNumGeometries()];
        int k = 0;
        for (int i = 0; i < parts.length; i++) {
            Geometry p = g.getGeometryN(i);
            if (p.getDimension() == 2) parts[k++] = p;
        }
        return g.getFactory().buildGeometry(Arrays.asList(Arrays.copyOf(parts, k)));
    }

    /** The image's outline sampled along its border, in the land CRS, grown by the margin; null when it cannot be computed. */
    private static Envelope footprint(AreaOfInterest land, MapGeoCoding grid, int width, int height) {
        int steps = 32;
        double[] xy = new double[8 * steps];
        int k = 0;
        for (int i = 0; i < steps; i++) {
            double t = (double) i / steps;
            double[][] corners = {{t * width, 0}, {width, t * height}, {width - t * width, height}, {0, height - t * height}};
            for (double[] p : corners) {
                xy[k++] = grid.x(p[0], p[1]);
                xy[k++] = grid.y(p[0], p[1]);
            }
        }
        try {
            if (!Utilities.equalsIgnoreMetadata(grid.crs(), land.crs())) {
                MathTransform mt = CRS.findOperation(grid.crs(), land.crs(), null).getMathTransform();
                mt.transform(xy, 0, xy, 0, xy.length / 2);
            }
        } catch (FactoryException | TransformException e) {
            return null; // no clip: the full reprojection reports the problem if there is one
        }
        Envelope e = new Envelope();
        for (int i = 0; i < xy.length; i += 2) {
            if (Double.isFinite(xy[i]) && Double.isFinite(xy[i + 1])) e.expandToInclude(xy[i], xy[i + 1]);
        }
        if (e.isNull()) return null;
        e.expandBy(CLIP_MARGIN * e.getWidth() + 1e-9, CLIP_MARGIN * e.getHeight() + 1e-9);
        return e;
    }

    @Override
    public void land(MapGeoCoding grid, Region region, byte[] outIsLand) {
        Prepared p = prepared;
        if (p == null || !p.grid.equals(grid)) {
            p = new Prepared(grid, PolygonMask.of(land, grid));
            prepared = p;
        }
        if (p.mask == null) {
            Arrays.fill(outIsLand, 0, Math.toIntExact(region.area()), (byte) 0);
        } else {
            p.mask.rasterize(region, outIsLand);
        }
    }

    @Override
    public String describe() {
        return "land polygons from " + land.source();
    }
}
