package eu.ai4c.kit.landsea;

import java.util.Arrays;

/**
 * Grows a class mask by a distance in metres: a pixel is marked when its centre lies within the
 * radius (Euclidean, in metres) of the centre of some marked pixel. Pixels may be anisotropic
 * (width and height in metres differ); the radius may be any non-negative real, also a fraction
 * of a pixel.
 *
 * <p>Exact Euclidean distance transform by Felzenszwalb &amp; Huttenlocher ("Distance Transforms of
 * Sampled Functions", Theory of Computing 8, 2012): the squared distance is separable, so a 1-D
 * transform down every column (weight {@code height²}) and then along every row (weight
 * {@code width²}) gives it exactly. Each 1-D pass builds the lower envelope of the parabolas
 * {@code a·(q − p)² + f(p)} in O(n). Squared distances are in m² and compared with
 * {@code radius² · (1 + }{@value #SLACK}{@code )}, so a centre at exactly the radius counts as
 * within whatever the rounding.</p>
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe: an instance owns scratch arrays reused from call to call (use one per thread).
 */
public final class ToleranceBuffer {
    /** Relative slack on the squared radius, against rounding at exact-radius ties. */
    public static final double SLACK = 1e-9;

    private double[] squared = new double[0];
    private double[] f = new double[0];
    private double[] d = new double[0];
    private int[] vertex = new int[0];
    private double[] boundary = new double[0];

    /**
     * Marks the pixels within {@code radius} metres of a marked pixel.
     *
     * @param marked      the class mask, row-major over {@code width × height}, non-zero = marked
     * @param width       window width in pixels
     * @param height      window height in pixels
     * @param pixelWidth  pixel width in metres (distance between horizontally adjacent centres)
     * @param pixelHeight pixel height in metres
     * @param radius      the buffer radius in metres, ≥ 0
     * @param out         receives 1 for the marked and buffered pixels, 0 elsewhere; may be {@code marked}
     */
    public void buffer(byte[] marked, int width, int height, double pixelWidth, double pixelHeight,
                       double radius, byte[] out) {
        if (!(pixelWidth > 0) || !(pixelHeight > 0) || !(radius >= 0)) {
            throw new IllegalArgumentException("Pixel size " + pixelWidth + " x " + pixelHeight
                    + " m and radius " + radius + " m must be positive");
        }
        int n = Math.multiplyExact(width, height);
        ensureCapacity(n, Math.max(width, height));
        double[] dist = squared;
        for (int i = 0; i < n; i++) {
            dist[i] = marked[i] != 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double b = pixelHeight * pixelHeight;
        for (int x = 0; x < width; x++) {
            for (int y = 0, i = x; y < height; y++, i += width) f[y] = dist[i];
            transform(height, b);
            for (int y = 0, i = x; y < height; y++, i += width) dist[i] = d[y];
        }
        double a = pixelWidth * pixelWidth;
        for (int y = 0, row = 0; y < height; y++, row += width) {
            System.arraycopy(dist, row, f, 0, width);
            transform(width, a);
            System.arraycopy(d, 0, dist, row, width);
        }
        double limit = radius * radius * (1 + SLACK);
        for (int i = 0; i < n; i++) {
            out[i] = dist[i] <= limit ? (byte) 1 : (byte) 0;
        }
    }

    /** 1-D transform of f[0..n) into d[0..n): d(q) = min_p a·(q−p)² + f(p), infinite f skipped. */
    private void transform(int n, double a) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            double fq = f[q];
            if (fq == Double.POSITIVE_INFINITY) continue;
            if (k < 0) {
                k = 0;
                vertex[0] = q;
                boundary[0] = Double.NEGATIVE_INFINITY;
                boundary[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double hq = fq + a * ((double) q * q);
            double s;
            while (true) {
                int p = vertex[k];
                // abscissa where the parabolas rooted at p and q intersect
                s = (hq - (f[p] + a * ((double) p * p))) / (2 * a * (q - p));
                if (s <= boundary[k]) k--; else break;
            }
            k++;
            vertex[k] = q;
            boundary[k] = s;
            boundary[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            Arrays.fill(d, 0, n, Double.POSITIVE_INFINITY);
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (boundary[j + 1] < q) j++;
            double dq = q - vertex[j];
            d[q] = a * (dq * dq) + f[vertex[j]];
        }
    }

    private void ensureCapacity(int pixels, int line) {
        if (squared.length < pixels) squared = new double[pixels];
        if (f.length < line) {
            f = new double[line];
            d = new double[line];
            vertex = new int[line];
            boundary = new double[line + 1];
        }
    }
}
