package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import java.util.Objects;

/**
 * Range-Doppler inverse geocoding: for a ground point P (ECEF), the zero-Doppler azimuth time t
 * where the satellite's line of sight is perpendicular to its velocity,
 * {@code f(t) = (P − S(t)) · V(t) = 0}, the slant range {@code R = |P − S(t)|}, and from them the
 * image line and sample of the {@link SarGeometry}.
 *
 * <p>Solver: Newton's method with the exact derivative {@code f'(t) = −|V|² + (P − S) · A}, to a
 * step below {@value #TOLERANCE} s. Without an initial guess, it starts from a linear search over a
 * table of orbit states spanning the image time plus a margin (f decreases monotonically as the
 * satellite passes the point), which also tells points outside the table's span (they get NaN).
 * A guess (e.g. the neighbouring pixel's time) skips the search. The Earth-fixed (ECEF) orbit makes
 * the Doppler of a fixed ground point zero exactly there (no separate Earth-rotation term).</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable; the scratch arrays passed to the methods belong to the calling thread.
 */
public final class ZeroDoppler {
    /** Newton tolerance on the azimuth time, seconds. */
    public static final double TOLERANCE = 1e-7;
    private static final int TABLE_SIZE = 65;
    private static final int MAX_ITERATIONS = 12;

    private final Orbit orbit;
    private final SarGeometry geometry;
    private final double[] tableTime;
    private final double[] tableState; // per entry: x y z vx vy vz
    private final double tMin;
    private final double tMax;

    /**
     * @param orbit    the orbit (ECEF)
     * @param geometry the image geometry (same time epoch as the orbit)
     */
    public ZeroDoppler(Orbit orbit, SarGeometry geometry) {
        this.orbit = Objects.requireNonNull(orbit, "orbit");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        double span = geometry.lastLineTime() - geometry.firstLineTime();
        double pad = Math.max(1.0, 0.1 * span);
        double lo = Math.max(orbit.firstTime() - orbit.margin(), geometry.firstLineTime() - pad);
        double hi = Math.min(orbit.lastTime() + orbit.margin(), geometry.lastLineTime() + pad);
        if (!(hi > lo)) {
            throw new Ai4cException("The orbit (" + orbit.firstTime() + " to " + orbit.lastTime()
                    + " s after " + orbit.epoch() + ") does not cover the image (" + geometry.firstLineTime()
                    + " to " + geometry.lastLineTime() + " s): use an orbit file covering the acquisition.");
        }
        this.tMin = lo;
        this.tMax = hi;
        this.tableTime = new double[TABLE_SIZE];
        this.tableState = new double[TABLE_SIZE * 6];
        double[] s = new double[9];
        for (int k = 0; k < TABLE_SIZE; k++) {
            double t = lo + (hi - lo) * k / (TABLE_SIZE - 1);
            tableTime[k] = t;
            orbit.stateAt(t, s);
            System.arraycopy(s, 0, tableState, 6 * k, 6);
        }
    }

    public Orbit orbit() {
        return orbit;
    }

    public SarGeometry geometry() {
        return geometry;
    }

    /**
     * Zero-Doppler time of a point.
     *
     * @param x       ECEF X, m
     * @param y       ECEF Y, m
     * @param z       ECEF Z, m
     * @param guess   an initial time (s) or NaN to search
     * @param scratch length ≥ 10; on return scratch[9] holds the slant range R (m)
     * @return the time in s since the epoch, or NaN when the point is not seen within the orbit table
     */
    public double solve(double x, double y, double z, double guess, double[] scratch) {
        double t = guess;
        if (!(t >= tMin && t <= tMax)) {
            t = search(x, y, z);
            if (Double.isNaN(t)) return Double.NaN;
        }
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            orbit.stateAt(t, scratch);
            double dx = x - scratch[0], dy = y - scratch[1], dz = z - scratch[2];
            double vx = scratch[3], vy = scratch[4], vz = scratch[5];
            double f = dx * vx + dy * vy + dz * vz;
            double fp = -(vx * vx + vy * vy + vz * vz) + dx * scratch[6] + dy * scratch[7] + dz * scratch[8];
            double dt = -f / fp;
            double tn = t + dt;
            if (!(tn >= tMin && tn <= tMax)) {
                if (it == 0 && !Double.isNaN(guess)) {
                    // a bad guess: restart from the search
                    double s = search(x, y, z);
                    if (Double.isNaN(s)) return Double.NaN;
                    t = s;
                    continue;
                }
                return Double.NaN;
            }
            if (Math.abs(dt) < TOLERANCE) {
                // S(t + dt) ≈ S + V dt + A dt²/2 for the final range
                double h2 = 0.5 * dt * dt;
                double rx = dx - vx * dt - scratch[6] * h2;
                double ry = dy - vy * dt - scratch[7] * h2;
                double rz = dz - vz * dt - scratch[8] * h2;
                scratch[9] = Math.sqrt(rx * rx + ry * ry + rz * rz);
                return tn;
            }
            t = tn;
        }
        return Double.NaN;
    }

    /**
     * Zero-Doppler time, line and sample of a point.
     *
     * @param out receives {time (s), line, sample, slant range (m)}; NaN when not seen
     * @param scratch length ≥ 10
     * @return the time, or NaN
     */
    public double lineSample(double x, double y, double z, double guess, double[] out, double[] scratch) {
        double t = solve(x, y, z, guess, scratch);
        if (Double.isNaN(t)) {
            out[0] = out[1] = out[2] = out[3] = Double.NaN;
            return t;
        }
        double r = scratch[9];
        out[0] = t;
        out[1] = geometry.line(t);
        out[2] = geometry.sample(t, r);
        out[3] = r;
        return t;
    }

    /**
     * Line and sample of many points; each solve starts from the previous point's time.
     *
     * @param outLine   receives fractional lines (NaN where not seen)
     * @param outSample receives fractional samples (NaN where not seen)
     */
    public void lineSample(double[] x, double[] y, double[] z, double[] outLine, double[] outSample, int count) {
        double[] scratch = new double[10];
        double guess = Double.NaN;
        for (int i = 0; i < count; i++) {
            double t = solve(x[i], y[i], z[i], guess, scratch);
            if (Double.isNaN(t)) {
                outLine[i] = outSample[i] = Double.NaN;
            } else {
                outLine[i] = geometry.line(t);
                outSample[i] = geometry.sample(t, scratch[9]);
                guess = t;
            }
        }
    }

    /** Linear search: the table interval where f changes sign, then the secant inside it. */
    private double search(double x, double y, double z) {
        double f0 = doppler(0, x, y, z);
        double f1 = doppler(TABLE_SIZE - 1, x, y, z);
        if (!(f0 >= 0 && f1 <= 0)) return Double.NaN;
        int lo = 0, hi = TABLE_SIZE - 1;
        double flo = f0, fhi = f1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            double fm = doppler(mid, x, y, z);
            if (fm >= 0) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
                fhi = fm;
            }
        }
        double w = flo == fhi ? 0 : flo / (flo - fhi);
        return tableTime[lo] + w * (tableTime[hi] - tableTime[lo]);
    }

    private double doppler(int k, double x, double y, double z) {
        int o = 6 * k;
        return (x - tableState[o]) * tableState[o + 3] + (y - tableState[o + 1]) * tableState[o + 4]
                + (z - tableState[o + 2]) * tableState[o + 5];
    }
}
