package eu.ai4c.kit.warp;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Region;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.NoninvertibleTransformException;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Maps target pixel coordinates to source pixel coordinates (both in the pixel-corner
 * convention of {@link MapGeoCoding}): target geotransform, then the CRS operation found by
 * Apache SIS ({@code CRS.findOperation}), then the inverse source geotransform, concatenated into
 * one {@link MathTransform} applied in bulk.
 *
 * <p>{@link #sourceCoordinates} computes the source point of every target pixel centre of a
 * region either exactly or with an approximation in the spirit of GDAL's approximate
 * transformer: the exact transform on a coarse grid of nodes (every {@value #STEP} pixels, tile
 * border included) and bilinear interpolation inside each grid cell; a cell whose interpolated
 * centre differs from the exact one by more than the error threshold (|dx| + |dy|, in source
 * pixels) is transformed exactly pixel by pixel instead.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable and thread-safe; each call allocates its scratch arrays (per tile, never per pixel).
 */
public final class PixelTransform {
    /** Node spacing of the approximation grid, in target pixels. */
    public static final int STEP = 32;
    /** gdalwarp's default error threshold, in source pixels. */
    public static final double DEFAULT_MAX_ERROR = 0.125;

    private final MathTransform transform;

    private PixelTransform(MathTransform transform) {
        this.transform = transform;
    }

    /**
     * The transform from the pixels of {@code target} to the pixels of {@code source}.
     *
     * @throws Ai4cException when SIS finds no operation between the two CRSs
     */
    public static PixelTransform between(MapGeoCoding target, MapGeoCoding source) {
        try {
            MathTransform crsOp = CRS.findOperation(target.crs(), source.crs(), null).getMathTransform();
            MathTransform toTarget = MathTransforms.linear(affine(target.geoTransform()));
            MathTransform toSourcePixel = MathTransforms.linear(affine(source.geoTransform())).inverse();
            return new PixelTransform(MathTransforms.concatenate(toTarget, crsOp, toSourcePixel));
        } catch (FactoryException | NoninvertibleTransformException e) {
            throw new Ai4cException("No coordinate operation from " + target.crs().getName() + " to "
                    + source.crs().getName() + ": " + e.getMessage() + ". Choose another projection.", e);
        }
    }

    private static Matrix3 affine(double[] gt) {
        return new Matrix3(gt[1], gt[2], gt[0], gt[4], gt[5], gt[3], 0, 0, 1);
    }

    /** The concatenated transform (target pixel corner coordinates → source pixel corner coordinates). */
    public MathTransform mathTransform() {
        return transform;
    }

    /**
     * Transforms interleaved (x, y) points in place; points that cannot be transformed become NaN.
     *
     * @param xy interleaved coordinates
     * @param n  number of points
     */
    public void transformInPlace(double[] xy, int n) {
        try {
            transform.transform(xy, 0, xy, 0, n);
        } catch (TransformException e) {
            // SIS sets the points it could not transform to NaN and carries on: they become no-data.
        }
    }

    /**
     * Source coordinates of the centres of the pixels of {@code region} of the target grid.
     *
     * @param region       target pixels
     * @param maxErrorPx   error threshold of the approximation in source pixels; 0 = exact transform
     * @param sx           receives source x, row-major over the region (length ≥ region area)
     * @param sy           receives source y
     */
    public void sourceCoordinates(Region region, double maxErrorPx, double[] sx, double[] sy) {
        int w = region.width(), h = region.height();
        if (maxErrorPx <= 0 || w < 2 || h < 2) {
            exact(region.x(), region.y(), 0, 0, w, h, w, sx, sy);
            return;
        }
        int[] cols = nodes(w), rows = nodes(h);
        int nc = cols.length, nr = rows.length;
        int cells = (nc - 1) * (nr - 1);
        double[] xy = new double[2 * (nc * nr + cells)];
        int k = 0;
        for (int r : rows) {
            for (int c : cols) {
                xy[k++] = region.x() + c + 0.5;
                xy[k++] = region.y() + r + 0.5;
            }
        }
        for (int j = 0; j + 1 < nr; j++) {
            for (int i = 0; i + 1 < nc; i++) {
                xy[k++] = region.x() + 0.5 * (cols[i] + cols[i + 1]) + 0.5;
                xy[k++] = region.y() + 0.5 * (rows[j] + rows[j + 1]) + 0.5;
            }
        }
        transformInPlace(xy, nc * nr + cells);
        int centre = 2 * nc * nr;
        for (int j = 0; j + 1 < nr; j++) {
            for (int i = 0; i + 1 < nc; i++, centre += 2) {
                int a = 2 * (j * nc + i), b = a + 2, c = 2 * ((j + 1) * nc + i), d = c + 2;
                // Each cell fills its pixels up to (excluding) its right/bottom nodes, the last cells including them.
                int c0 = cols[i], c1 = i + 2 == nc ? cols[i + 1] + 1 : cols[i + 1];
                int r0 = rows[j], r1 = j + 2 == nr ? rows[j + 1] + 1 : rows[j + 1];
                double ix = 0.25 * (xy[a] + xy[b] + xy[c] + xy[d]);
                double iy = 0.25 * (xy[a + 1] + xy[b + 1] + xy[c + 1] + xy[d + 1]);
                double err = Math.abs(ix - xy[centre]) + Math.abs(iy - xy[centre + 1]);
                if (!(err <= maxErrorPx)) {
                    exact(region.x(), region.y(), c0, r0, c1 - c0, r1 - r0, w, sx, sy);
                    continue;
                }
                double du = cols[i + 1] - cols[i], dv = rows[j + 1] - rows[j];
                for (int r = r0; r < r1; r++) {
                    double v = (r - rows[j]) / dv;
                    double lx = xy[a] + v * (xy[c] - xy[a]), ly = xy[a + 1] + v * (xy[c + 1] - xy[a + 1]);
                    double rx = xy[b] + v * (xy[d] - xy[b]), ry = xy[b + 1] + v * (xy[d + 1] - xy[b + 1]);
                    int o = r * w;
                    for (int col = c0; col < c1; col++) {
                        double u = (col - cols[i]) / du;
                        sx[o + col] = lx + u * (rx - lx);
                        sy[o + col] = ly + u * (ry - ly);
                    }
                }
            }
        }
    }

    /** Node offsets 0, STEP, 2·STEP, …, always ending at size-1; at least two nodes. */
    private static int[] nodes(int size) {
        int last = Math.max(1, size - 1);
        int n = (last + STEP - 1) / STEP + 1;
        int[] out = new int[n];
        for (int i = 0; i < n - 1; i++) out[i] = i * STEP;
        out[n - 1] = last;
        return out;
    }

    /** Exact transform of the pixel centres of a sub-rectangle of the region, row by row in bulk. */
    private void exact(int regionX, int regionY, int c0, int r0, int cw, int rh, int stride, double[] sx, double[] sy) {
        double[] row = new double[2 * cw];
        for (int r = r0; r < r0 + rh; r++) {
            for (int c = 0; c < cw; c++) {
                row[2 * c] = regionX + c0 + c + 0.5;
                row[2 * c + 1] = regionY + r + 0.5;
            }
            transformInPlace(row, cw);
            int o = r * stride + c0;
            for (int c = 0; c < cw; c++) {
                sx[o + c] = row[2 * c];
                sy[o + c] = row[2 * c + 1];
            }
        }
    }
}
