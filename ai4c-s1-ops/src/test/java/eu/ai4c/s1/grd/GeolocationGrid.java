package eu.ai4c.s1.grd;

import eu.ai4c.s1.safe.Annotation.GeolocationGridPoint;
import java.util.List;
import java.util.TreeSet;

/**
 * Bilinear interpolation of an annotation geolocation grid (latitude, longitude, incidence) at a
 * fractional line/sample: the reference positions the terrain-corrected output is checked against.
 * The grid is the synthetic one: regular in line and pixel, heights 0 on the ellipsoid.
 */
final class GeolocationGrid {
    private final int[] lines, pixels;
    private final double[][] lat, lon, inc;

    GeolocationGrid(List<GeolocationGridPoint> points) {
        TreeSet<Integer> ls = new TreeSet<>(), ps = new TreeSet<>();
        for (GeolocationGridPoint p : points) {
            ls.add(p.line());
            ps.add(p.pixel());
        }
        lines = ls.stream().mapToInt(Integer::intValue).toArray();
        pixels = ps.stream().mapToInt(Integer::intValue).toArray();
        lat = new double[lines.length][pixels.length];
        lon = new double[lines.length][pixels.length];
        inc = new double[lines.length][pixels.length];
        for (GeolocationGridPoint p : points) {
            int i = java.util.Arrays.binarySearch(lines, p.line()), j = java.util.Arrays.binarySearch(pixels, p.pixel());
            lat[i][j] = p.latitude();
            lon[i][j] = p.longitude();
            inc[i][j] = p.incidenceAngle();
        }
    }

    /** {latitude, longitude, incidence} in degrees at image line/sample (pixel centres at integers). */
    double[] at(double line, double sample) {
        int i = cell(lines, line), j = cell(pixels, sample);
        double u = (line - lines[i]) / (lines[i + 1] - lines[i]), v = (sample - pixels[j]) / (pixels[j + 1] - pixels[j]);
        return new double[] {bilinear(lat, i, j, u, v), bilinear(lon, i, j, u, v), bilinear(inc, i, j, u, v)};
    }

    private static int cell(int[] nodes, double x) {
        int k = 0;
        while (k < nodes.length - 2 && x > nodes[k + 1]) k++;
        return k;
    }

    private static double bilinear(double[][] g, int i, int j, double u, double v) {
        return (1 - u) * ((1 - v) * g[i][j] + v * g[i][j + 1]) + u * ((1 - v) * g[i + 1][j] + v * g[i + 1][j + 1]);
    }
}
