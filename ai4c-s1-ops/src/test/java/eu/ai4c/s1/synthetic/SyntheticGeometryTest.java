package eu.ai4c.s1.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.Annotation.GeolocationGridPoint;
import eu.ai4c.s1.safe.Annotation.OrbitStateVector;
import eu.ai4c.s1.safe.S1Product;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic annotation is a consistent SAR geometry, checked only through what a terrain
 * correction will use — the written XML: every geolocation grid point lies at zero Doppler of the
 * orbit (state vectors interpolated by cubic Hermite) at its azimuth time, at the slant range
 * given by its slant range time; lines follow productFirstLineUtcTime + line·azimuthTimeInterval.
 */
class SyntheticGeometryTest {
    @TempDir
    Path dir;

    @Test
    void gridPointsAreAtZeroDopplerAndTheirSlantRange() throws Exception {
        Path safe = SyntheticGrd.builder(2000, 1500).polarisations("VV").centre(-33.9, 151.2).heading(-13)
                .incidence(32, 44).threads(1).build().write(dir);
        try (S1Product s1 = S1Product.open(safe)) {
            Annotation a = s1.image("IW", "VV").annotation();
            assertEquals("ASCENDING", s1.manifest().pass());
            List<GeolocationGridPoint> grid = a.geolocationGrid();
            assertEquals(32, grid.get(0).incidenceAngle(), 0.1);
            assertEquals(44, grid.get(20).incidenceAngle(), 0.1);
            for (GeolocationGridPoint g : grid) {
                double[] s = new double[3], v = new double[3];
                orbitAt(a.orbitList(), g.azimuthTime(), s, v);
                double[] p = GrdGeometry.ecef(g.latitude(), g.longitude(), g.height());
                double[] los = GrdGeometry.sub(p, s);
                double range = GrdGeometry.norm(los);
                assertEquals(g.slantRangeTime() * GrdGeometry.C_LIGHT / 2, range, 0.05, "slant range at " + g.line() + "," + g.pixel());
                double cosDoppler = GrdGeometry.dot(los, v) / (range * GrdGeometry.norm(v));
                assertTrue(Math.abs(cosDoppler) < 1e-7, "not at zero Doppler: " + cosDoppler);
                Instant lineTime = a.imageInformation().productFirstLineUtcTime()
                        .plusNanos(Math.round(g.line() * a.imageInformation().azimuthTimeInterval() * 1e9));
                assertTrue(Math.abs(Duration.between(lineTime, g.azimuthTime()).toNanos()) < 2000, "line time of " + g.line());
            }
        }
    }

    /** Cubic Hermite interpolation of position and velocity between the bracketing state vectors. */
    static void orbitAt(List<OrbitStateVector> orbit, Instant t, double[] pos, double[] vel) {
        int i = 0;
        while (i + 2 < orbit.size() && !orbit.get(i + 1).time().isAfter(t)) i++;
        OrbitStateVector a = orbit.get(i), b = orbit.get(i + 1);
        double dt = Duration.between(a.time(), b.time()).toNanos() / 1e9;
        double u = Duration.between(a.time(), t).toNanos() / 1e9 / dt;
        double h00 = 2 * u * u * u - 3 * u * u + 1, h10 = u * u * u - 2 * u * u + u, h01 = -2 * u * u * u + 3 * u * u,
                h11 = u * u * u - u * u;
        double d00 = (6 * u * u - 6 * u) / dt, d10 = 3 * u * u - 4 * u + 1, d01 = (-6 * u * u + 6 * u) / dt, d11 = 3 * u * u - 2 * u;
        double[] pa = {a.x(), a.y(), a.z()}, pb = {b.x(), b.y(), b.z()}, va = {a.vx(), a.vy(), a.vz()}, vb = {b.vx(), b.vy(), b.vz()};
        for (int k = 0; k < 3; k++) {
            pos[k] = h00 * pa[k] + h10 * dt * va[k] + h01 * pb[k] + h11 * dt * vb[k];
            vel[k] = d00 * pa[k] + d10 * va[k] + d01 * pb[k] + d11 * vb[k];
        }
    }
}
