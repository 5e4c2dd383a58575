package eu.ai4c.s1.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZeroDopplerTest {
    private final Kepler kepler = Kepler.sentinel1Like(41.9, 12.5);
    private final Orbit orbit = kepler.orbit(-60, 80);
    private final SarGeometry grd = SyntheticScene.grd(orbit, 0, 16000, 25000, 0.001, 10, 800_000);

    /** A point seen exactly at (t, R), right of the track, depression angle from the local vertical. */
    private double[] pointAt(double t, double r, double lookDeg) {
        double[] s = orbit.stateAt(t);
        double rs = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
        double vn = Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]);
        double[] u = {s[0] / rs, s[1] / rs, s[2] / rs};
        double[] e = {s[3] / vn, s[4] / vn, s[5] / vn};
        double dd = -(u[0] * e[0] + u[1] * e[1] + u[2] * e[2]);
        double[] down = {-u[0] - dd * e[0], -u[1] - dd * e[1], -u[2] - dd * e[2]};
        double dn = Math.sqrt(down[0] * down[0] + down[1] * down[1] + down[2] * down[2]);
        double[] right = {e[1] * u[2] - e[2] * u[1], e[2] * u[0] - e[0] * u[2], e[0] * u[1] - e[1] * u[0]};
        double rn = Math.sqrt(right[0] * right[0] + right[1] * right[1] + right[2] * right[2]);
        double c = Math.cos(Math.toRadians(lookDeg)), sn = Math.sin(Math.toRadians(lookDeg));
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) p[k] = s[k] + r * (c * down[k] / dn + sn * right[k] / rn);
        return p;
    }

    /** Expected GRD sample: SRGR (slant → ground) polynomials interpolated linearly in time, by hand. */
    private double expectedSample(double t, double r) {
        List<SrgrConversion> c = grd.conversions();
        double w = (t - c.get(0).azimuthTime()) / (c.get(1).azimuthTime() - c.get(0).azimuthTime());
        double g0 = horner(c.get(0).srgrCoefficients(), r - c.get(0).sr0());
        double g1 = horner(c.get(1).srgrCoefficients(), r - c.get(1).sr0());
        return (g0 + w * (g1 - g0)) / 10;
    }

    private static double horner(double[] c, double x) {
        double p = 0;
        for (int k = c.length - 1; k >= 0; k--) p = p * x + c[k];
        return p;
    }

    @Test
    void recoversLineAndSampleOfConstructedPoints() {
        ZeroDoppler zd = new ZeroDoppler(orbit, grd);
        Random rnd = new Random(3);
        double[] out = new double[4], scratch = new double[10];
        for (int i = 0; i < 300; i++) {
            double t = rnd.nextDouble() * 16;
            double r = 800_000 + rnd.nextDouble() * 150_000;
            double[] p = pointAt(t, r, 20 + rnd.nextDouble() * 25);
            double guess = i % 2 == 0 ? Double.NaN : t + 0.3;
            zd.lineSample(p[0], p[1], p[2], guess, out, scratch);
            assertEquals(t, out[0], 1e-7 * 1.01, "time");
            assertEquals(t / 0.001, out[1], 1e-3, "line");
            assertEquals(r, out[3], 1e-4, "range");
            assertEquals(expectedSample(t, r), out[2], 1e-3, "sample");
        }
    }

    @Test
    void slcSampleIsTheSlantRangeTime() {
        double tau = 2 * 800_000 / SarGeometry.SPEED_OF_LIGHT;
        SarGeometry slc = SarGeometry.slantRange(0, 0.002, 8000, 20000, tau, 2.329562);
        ZeroDoppler zd = new ZeroDoppler(orbit, slc);
        double[] out = new double[4], scratch = new double[10];
        double t = 7.123, r = 812_345.678;
        double[] p = pointAt(t, r, 33);
        zd.lineSample(p[0], p[1], p[2], Double.NaN, out, scratch);
        assertEquals(t / 0.002, out[1], 1e-3);
        double expected = (2 * r / SarGeometry.SPEED_OF_LIGHT - tau) / (2 * 2.329562 / SarGeometry.SPEED_OF_LIGHT);
        assertEquals(expected, out[2], 1e-3);
    }

    @Test
    void pointsOutsideTheOrbitSpanAreNaN() {
        ZeroDoppler zd = new ZeroDoppler(orbit, grd);
        double[] p = pointAt(75, 850_000, 30); // beyond the image time plus its 10 % margin
        double[] out = new double[4];
        zd.lineSample(p[0], p[1], p[2], Double.NaN, out, new double[10]);
        assertTrue(Double.isNaN(out[1]) && Double.isNaN(out[2]));
    }

    @Test
    void forwardLocatorRoundTrips() {
        SarLocator loc = new SarLocator(orbit, grd);
        ZeroDoppler zd = new ZeroDoppler(orbit, grd);
        double[] out = new double[4], scratch = new double[10];
        for (double[] ls : new double[][] {{0, 0}, {8000, 12000}, {15999, 24999}, {123.4, 5678.9}}) {
            for (double h : new double[] {0, 2500}) {
                double t = grd.azimuthTime(ls[0]);
                double r = grd.slantRange(t, ls[1]);
                double[] p = loc.ecef(t, r, h);
                assertEquals(h, Ellipsoid.toGeodetic(p[0], p[1], p[2])[2], 2e-3);
                zd.lineSample(p[0], p[1], p[2], Double.NaN, out, scratch);
                assertEquals(ls[0], out[1], 1e-3);
                assertEquals(r, out[3], 1e-3);
                assertEquals(expectedSample(t, r), out[2], 1e-3);
                // SRGR and GRSR are separate fits of one curve: they agree to a few centimetres
                assertEquals(ls[1], out[2], 0.01);
            }
        }
    }
}
