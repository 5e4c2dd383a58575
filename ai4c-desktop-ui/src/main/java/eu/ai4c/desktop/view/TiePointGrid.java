package eu.ai4c.desktop.view;

import java.util.Arrays;

/**
 * Latitude and longitude at the nodes of a rectangular grid of image positions (the tie points of
 * a Sentinel-1 geolocation grid: rows of equal {@code line}, columns of equal {@code pixel}),
 * interpolated bilinearly in (line, pixel) between the four nodes around a position; outside the
 * grid the border cells are extended linearly. Pure functions on arrays; immutable and thread-safe.
 *
 * <p>Longitudes are interpolated as given: a grid that crosses the antimeridian (±180°) is not
 * unwrapped.</p>
 */
final class TiePointGrid {
    private final double[] lines;
    private final double[] pixels;
    /** Row-major {@code lines.length × pixels.length}. */
    private final double[] lat;
    private final double[] lon;

    /**
     * @param lines  node lines, strictly increasing (at least one)
     * @param pixels node pixels, strictly increasing (at least one)
     * @param lat    latitudes, row-major over (line, pixel)
     * @param lon    longitudes, row-major over (line, pixel)
     */
    TiePointGrid(double[] lines, double[] pixels, double[] lat, double[] lon) {
        if (lines.length == 0 || pixels.length == 0 || lat.length != lines.length * pixels.length
                || lon.length != lat.length) {
            throw new IllegalArgumentException("A tie-point grid of " + lines.length + " lines and " + pixels.length
                    + " pixels needs " + lines.length * pixels.length + " latitudes and longitudes, got " + lat.length
                    + " and " + lon.length);
        }
        for (double[] a : new double[][] {lines, pixels}) {
            for (int i = 1; i < a.length; i++) {
                if (!(a[i] > a[i - 1])) throw new IllegalArgumentException("Tie-point positions not increasing: " + Arrays.toString(a));
            }
        }
        this.lines = lines.clone();
        this.pixels = pixels.clone();
        this.lat = lat.clone();
        this.lon = lon.clone();
    }

    /**
     * The grid of scattered tie points {@code (line[i], pixel[i]) → (lat[i], lon[i])} that form a
     * full rectangular grid (every line with every pixel, as in a Sentinel-1 annotation). A line
     * given twice (two bursts of an SLC share a boundary line) keeps its first values.
     *
     * @throws IllegalArgumentException when the points do not fill a rectangular grid
     */
    static TiePointGrid of(int[] line, int[] pixel, double[] lat, double[] lon) {
        double[] ls = Arrays.stream(line).distinct().sorted().asDoubleStream().toArray();
        double[] ps = Arrays.stream(pixel).distinct().sorted().asDoubleStream().toArray();
        double[] la = new double[ls.length * ps.length];
        double[] lo = new double[la.length];
        boolean[] set = new boolean[la.length];
        for (int i = 0; i < line.length; i++) {
            int k = Arrays.binarySearch(ls, line[i]) * ps.length + Arrays.binarySearch(ps, pixel[i]);
            if (set[k]) continue;
            set[k] = true;
            la[k] = lat[i];
            lo[k] = lon[i];
        }
        for (boolean s : set) {
            if (!s) throw new IllegalArgumentException("The tie points (" + line.length + ") do not fill a grid of "
                    + ls.length + " lines × " + ps.length + " pixels");
        }
        return new TiePointGrid(ls, ps, la, lo);
    }

    /** {longitude, latitude} in degrees at image position (line, pixel). */
    double[] lonLat(double line, double pixel) {
        int j = cell(lines, line), i = cell(pixels, pixel);
        double ty = lines.length == 1 ? 0 : (line - lines[j]) / (lines[j + 1] - lines[j]);
        double tx = pixels.length == 1 ? 0 : (pixel - pixels[i]) / (pixels[i + 1] - pixels[i]);
        return new double[] {bilinear(lon, j, i, ty, tx), bilinear(lat, j, i, ty, tx)};
    }

    private double bilinear(double[] v, int j, int i, double ty, double tx) {
        int n = pixels.length;
        int j1 = Math.min(j + 1, lines.length - 1), i1 = Math.min(i + 1, n - 1);
        double top = v[j * n + i] + tx * (v[j * n + i1] - v[j * n + i]);
        double bottom = v[j1 * n + i] + tx * (v[j1 * n + i1] - v[j1 * n + i]);
        return top + ty * (bottom - top);
    }

    /** Index of the lower node of the cell holding {@code x}; the first/last cell outside the nodes. */
    static int cell(double[] nodes, double x) {
        if (nodes.length < 2) return 0;
        int k = Arrays.binarySearch(nodes, x);
        if (k < 0) k = -k - 2;
        return Math.max(0, Math.min(nodes.length - 2, k));
    }
}
