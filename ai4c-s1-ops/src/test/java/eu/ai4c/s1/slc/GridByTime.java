package eu.ai4c.s1.slc;

import eu.ai4c.s1.safe.Annotation.GeolocationGridPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An SLC annotation geolocation grid interpolated bilinearly in (zero-Doppler time, sample): the
 * grid rows of an SLC sit on the burst starts, whose lines are not a linear measure of time (bursts
 * overlap), so positions between rows are interpolated by their time, not by their image line.
 */
final class GridByTime {
    private final double[] times;
    private final int[] pixels;
    private final double[][] lat, lon, inc;
    private final Instant origin;

    GridByTime(List<GeolocationGridPoint> points) {
        origin = points.get(0).azimuthTime();
        TreeMap<Double, Integer> rows = new TreeMap<>();
        TreeSet<Integer> ps = new TreeSet<>();
        for (GeolocationGridPoint p : points) {
            rows.putIfAbsent(seconds(p.azimuthTime()), rows.size());
            ps.add(p.pixel());
        }
        times = rows.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        pixels = ps.stream().mapToInt(Integer::intValue).toArray();
        lat = new double[times.length][pixels.length];
        lon = new double[times.length][pixels.length];
        inc = new double[times.length][pixels.length];
        for (GeolocationGridPoint p : points) {
            int i = java.util.Arrays.binarySearch(times, seconds(p.azimuthTime()));
            int j = java.util.Arrays.binarySearch(pixels, p.pixel());
            lat[i][j] = p.latitude();
            lon[i][j] = p.longitude();
            inc[i][j] = p.incidenceAngle();
        }
    }

    private double seconds(Instant t) {
        Duration d = Duration.between(origin, t);
        return d.getSeconds() + d.getNano() * 1e-9;
    }

    /** {latitude, longitude, incidence} in degrees at a zero-Doppler time and sample. */
    double[] at(Instant time, double sample) {
        double t = seconds(time);
        int i = 0;
        while (i < times.length - 2 && t > times[i + 1]) i++;
        int j = 0;
        while (j < pixels.length - 2 && sample > pixels[j + 1]) j++;
        double u = (t - times[i]) / (times[i + 1] - times[i]), v = (sample - pixels[j]) / (pixels[j + 1] - pixels[j]);
        return new double[] {bilinear(lat, i, j, u, v), bilinear(lon, i, j, u, v), bilinear(inc, i, j, u, v)};
    }

    private static double bilinear(double[][] g, int i, int j, double u, double v) {
        return (1 - u) * ((1 - v) * g[i][j] + v * g[i][j + 1]) + u * ((1 - v) * g[i + 1][j] + v * g[i + 1][j + 1]);
    }
}
