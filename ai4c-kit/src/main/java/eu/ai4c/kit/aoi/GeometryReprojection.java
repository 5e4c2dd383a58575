package eu.ai4c.kit.aoi;

import eu.ai4c.kit.Ai4cException;
import org.apache.sis.referencing.CRS;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Moves a geometry from one CRS to another. Edges are densified first so that a straight edge
 * in the source CRS becomes a curve following the projection in the target CRS: every edge is
 * split into pieces no longer than 1/{@value #SEGMENTS_PER_EXTENT} of the larger side of the
 * geometry's envelope. The existing vertices are kept and transformed exactly; the added ones
 * bound the error of the straight-edge approximation to about (L/n)²/(8R) for an edge of
 * curvature radius R in the target: under a millimetre for AOIs of tens of kilometres,
 * about 0.4 m for a 1000 km AOI (R ≈ 6400 km).
 *
 * <h2>Thread-safety</h2>
 * Stateless.
 */
final class GeometryReprojection {

    /** Pieces per envelope side when densifying. */
    static final int SEGMENTS_PER_EXTENT = 256;

    private GeometryReprojection() {
    }

    /**
     * The geometry in {@code target} coordinates (both CRSs easting first). Returns a new geometry.
     *
     * @param what names the geometry in error messages
     */
    static Geometry transform(Geometry geometry, CoordinateReferenceSystem source, CoordinateReferenceSystem target,
                              String what) {
        MathTransform mt;
        try {
            mt = CRS.findOperation(source, target, null).getMathTransform();
        } catch (FactoryException e) {
            throw new Ai4cException("Cannot transform " + what + " from " + source.getName() + " to " + target.getName()
                    + " (" + e.getMessage() + "). Give the area of interest in WGS84 or in the input's CRS.", e);
        }
        if (mt.isIdentity()) {
            return geometry.copy();
        }
        Envelope env = geometry.getEnvelopeInternal();
        double step = Math.max(env.getWidth(), env.getHeight()) / SEGMENTS_PER_EXTENT;
        // Densifier shares Coordinate objects with its input: the copy keeps the caller's geometry
        // untouched by the in-place transform below.
        Geometry dense = (step > 0 ? Densifier.densify(geometry, step) : geometry).copy();
        PointTransformer filter = new PointTransformer(mt);
        dense.apply(filter);
        if (filter.failure != null) {
            throw new Ai4cException("Cannot transform " + what + " from " + source.getName() + " to "
                    + target.getName() + " (" + filter.failure.getMessage() + "); the area may lie outside the "
                    + "domain of the target projection. Use an area of interest inside the input's footprint.",
                    filter.failure);
        }
        dense.geometryChanged();
        return dense;
    }

    /** Applies a math transform to each 2-D coordinate in place; records the first failure. */
    private static final class PointTransformer implements CoordinateSequenceFilter {
        private final MathTransform mt;
        private final double[] xy = new double[2];
        private TransformException failure;

        PointTransformer(MathTransform mt) {
            this.mt = mt;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            if (failure != null) return;
            xy[0] = seq.getX(i);
            xy[1] = seq.getY(i);
            try {
                mt.transform(xy, 0, xy, 0, 1);
            } catch (TransformException e) {
                failure = e;
                return;
            }
            if (!Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
                failure = new TransformException("point (" + seq.getX(i) + ", " + seq.getY(i) + ") has no finite image");
                return;
            }
            seq.setOrdinate(i, 0, xy[0]);
            seq.setOrdinate(i, 1, xy[1]);
        }

        @Override
        public boolean isDone() {
            return failure != null;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
