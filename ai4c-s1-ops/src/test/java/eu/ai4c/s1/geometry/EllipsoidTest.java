package eu.ai4c.s1.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EllipsoidTest {

    @Test
    void knownPoints() {
        assertArrayEquals(new double[] {Ellipsoid.A, 0, 0}, Ellipsoid.toEcef(0, 0, 0), 1e-6);
        assertArrayEquals(new double[] {0, 0, Ellipsoid.B + 100}, Ellipsoid.toEcef(0, 90, 100), 1e-6);
        assertArrayEquals(new double[] {0, -Ellipsoid.A + 10, 0}, Ellipsoid.toEcef(-90, 0, -10), 1e-6);
        // Rome, from the closed form by hand: N = a / sqrt(1 - e² sin²φ)
        double phi = Math.toRadians(41.9), lam = Math.toRadians(12.5);
        double n = 6378137.0 / Math.sqrt(1 - 0.00669437999014 * Math.sin(phi) * Math.sin(phi));
        double[] p = Ellipsoid.toEcef(12.5, 41.9, 50);
        assertEquals((n + 50) * Math.cos(phi) * Math.cos(lam), p[0], 1e-3);
        assertEquals((n * (1 - 0.00669437999014) + 50) * Math.sin(phi), p[2], 1e-3);
    }

    @Test
    void roundTripsFromDeepToOrbitHeights() {
        Random rnd = new Random(7);
        int n = 2000;
        double[] lon = new double[n], lat = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = rnd.nextDouble() * 360 - 180;
            lat[i] = rnd.nextDouble() * 180 - 90;
            h[i] = i % 3 == 0 ? rnd.nextDouble() * 900_000 : rnd.nextDouble() * 9000 - 500;
        }
        lat[0] = 90;
        lat[1] = -90;
        lat[2] = 0;
        double[] x = new double[n], y = new double[n], z = new double[n];
        Ellipsoid.toEcef(lon, lat, h, x, y, z, n);
        double[] lon2 = new double[n], lat2 = new double[n], h2 = new double[n];
        Ellipsoid.toGeodetic(x, y, z, lon2, lat2, h2, n);
        for (int i = 0; i < n; i++) {
            assertEquals(lat[i], lat2[i], 1e-10, "lat " + i);
            if (Math.abs(lat[i]) < 90) assertEquals(lon[i], lon2[i], 1e-10, "lon " + i);
            assertEquals(h[i], h2[i], 1e-4, "h " + i);
        }
    }
}
