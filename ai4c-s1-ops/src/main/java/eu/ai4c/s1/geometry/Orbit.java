package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A satellite trajectory interpolated from orbit state vectors.
 *
 * <p>Method: piecewise Lagrange interpolation. Between two consecutive vectors the position is the
 * polynomial of degree ≤ 7 through the 8 nearest vectors' positions, the velocity the same kind of
 * polynomial through their velocities (ESA velocities are more accurate than a derivative of the
 * positions), and the acceleration the derivative of the velocity polynomial. With Sentinel-1's 10 s
 * spacing this reproduces a Keplerian orbit to far below a millimetre. Coefficients are precomputed
 * per interval, so an evaluation is a few Horner steps.</p>
 *
 * <p>Times are seconds since {@link #epoch()} (UTC). Times up to {@link #margin()} seconds before the
 * first or after the last vector are extrapolated; further out {@link #stateAt} fails.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable; safe for concurrent use.
 */
public final class Orbit {
    /** Number of vectors per interpolating polynomial. */
    public static final int POINTS = 8;
    /** Default extrapolation allowance, seconds. */
    public static final double DEFAULT_MARGIN = 1.0;

    private final Instant epoch;
    private final List<OrbitStateVector> vectors;
    private final double[] times;
    private final int degreePlus1;
    private final double[] coef; // [interval][component 0..5][degreePlus1], component 0..2 position, 3..5 velocity
    private final double[] scale; // [interval] seconds per unit of the local variable
    private final double margin;

    /**
     * @param epoch   the UTC instant of time 0
     * @param vectors at least 2 vectors with strictly increasing times
     * @param margin  seconds beyond the first/last vector where extrapolation is still allowed
     */
    public Orbit(Instant epoch, List<OrbitStateVector> vectors, double margin) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        List<OrbitStateVector> v = new ArrayList<>(vectors);
        v.sort(Comparator.comparingDouble(OrbitStateVector::time));
        if (v.size() < 2) {
            throw new Ai4cException("An orbit needs at least 2 state vectors, got " + v.size()
                    + ": the orbit list of the product or orbit file is empty or damaged.");
        }
        this.vectors = List.copyOf(v);
        int n = v.size();
        this.times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = v.get(i).time();
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new Ai4cException("Orbit state vectors at equal times (" + times[i] + " s after " + epoch
                        + "): the orbit list is damaged.");
            }
        }
        this.margin = margin;
        this.degreePlus1 = Math.min(POINTS, n);
        this.coef = new double[(n - 1) * 6 * degreePlus1];
        this.scale = new double[n - 1];
        double[] u = new double[degreePlus1];
        double[] y = new double[degreePlus1];
        double[] poly = new double[degreePlus1];
        for (int i = 0; i < n - 1; i++) {
            int start = Math.max(0, Math.min(n - degreePlus1, i - degreePlus1 / 2 + 1));
            double h = times[i + 1] - times[i];
            scale[i] = h;
            for (int k = 0; k < degreePlus1; k++) u[k] = (times[start + k] - times[i]) / h;
            for (int comp = 0; comp < 6; comp++) {
                for (int k = 0; k < degreePlus1; k++) y[k] = component(v.get(start + k), comp);
                PolynomialFit.interpolate(u, y, poly);
                System.arraycopy(poly, 0, coef, (i * 6 + comp) * degreePlus1, degreePlus1);
            }
        }
    }

    /** An orbit with the {@link #DEFAULT_MARGIN}. */
    public Orbit(Instant epoch, List<OrbitStateVector> vectors) {
        this(epoch, vectors, DEFAULT_MARGIN);
    }

    private static double component(OrbitStateVector s, int comp) {
        return switch (comp) {
            case 0 -> s.x();
            case 1 -> s.y();
            case 2 -> s.z();
            case 3 -> s.vx();
            case 4 -> s.vy();
            default -> s.vz();
        };
    }

    /** Seconds from {@code epoch} to {@code t} (negative before it), with nanosecond precision. */
    public static double secondsBetween(Instant epoch, Instant t) {
        Duration d = Duration.between(epoch, t);
        return d.getSeconds() + d.getNano() * 1e-9;
    }

    /** The UTC instant of time 0. */
    public Instant epoch() {
        return epoch;
    }

    /** The state vectors, by time. */
    public List<OrbitStateVector> vectors() {
        return vectors;
    }

    /** Time of the first vector, seconds since the epoch. */
    public double firstTime() {
        return times[0];
    }

    /** Time of the last vector, seconds since the epoch. */
    public double lastTime() {
        return times[times.length - 1];
    }

    /** Allowed extrapolation beyond the vectors, seconds. */
    public double margin() {
        return margin;
    }

    /** True when {@code t} can be evaluated (inside the vectors' span plus margin). */
    public boolean covers(double t) {
        return t >= times[0] - margin && t <= times[times.length - 1] + margin;
    }

    /**
     * Position, velocity and acceleration at time {@code t}.
     *
     * @param t   seconds since the epoch
     * @param out receives {x, y, z, vx, vy, vz, ax, ay, az} (m, m/s, m/s²); length ≥ 9
     * @throws Ai4cException when {@code t} lies outside the span plus margin
     */
    public void stateAt(double t, double[] out) {
        if (!covers(t)) {
            throw new Ai4cException("Orbit time " + epoch.plusNanos(Math.round(t * 1e9)) + " is outside the orbit "
                    + "state vectors (" + epoch.plusNanos(Math.round(times[0] * 1e9)) + " to "
                    + epoch.plusNanos(Math.round(lastTime() * 1e9)) + "): use an orbit file covering the acquisition.");
        }
        int i = interval(t);
        double h = scale[i];
        double u = (t - times[i]) / h;
        int m = degreePlus1;
        int base = i * 6 * m;
        for (int comp = 0; comp < 3; comp++) {
            int o = base + comp * m;
            double p = coef[o + m - 1];
            for (int k = m - 2; k >= 0; k--) p = p * u + coef[o + k];
            out[comp] = p;
            int ov = base + (comp + 3) * m;
            double v = coef[ov + m - 1];
            double dv = 0;
            for (int k = m - 2; k >= 0; k--) {
                dv = dv * u + v;
                v = v * u + coef[ov + k];
            }
            out[comp + 3] = v;
            out[comp + 6] = dv / h;
        }
    }

    /** Position, velocity and acceleration as a new array of 9 (convenience, allocates). */
    public double[] stateAt(double t) {
        double[] out = new double[9];
        stateAt(t, out);
        return out;
    }

    private int interval(double t) {
        int n = times.length;
        int i = (int) ((t - times[0]) / (times[n - 1] - times[0]) * (n - 1));
        i = Math.max(0, Math.min(n - 2, i));
        while (i > 0 && t < times[i]) i--;
        while (i < n - 2 && t >= times[i + 1]) i++;
        return i;
    }
}
