package eu.ai4c.s1.geometry;

import java.util.List;

/**
 * Ground-range image geometries for tests and benchmarks: SRGR/GRSR polynomials of degree 8 built
 * from the spherical-Earth relation between ground arc and slant range seen from the orbit at the
 * scene centre time, with the near range growing slightly along the scene (two entries).
 */
final class SyntheticScene {
    static final double EARTH_RADIUS = 6_371_000;

    private SyntheticScene() {
    }

    /**
     * @param orbit        the orbit
     * @param firstLine    zero-Doppler time of line 0, s
     * @param lines        lines
     * @param samples      samples
     * @param lineInterval azimuth time interval, s
     * @param spacing      ground range pixel spacing, m
     * @param nearRange    slant range of sample 0 at line 0, m
     */
    static SarGeometry grd(Orbit orbit, double firstLine, int lines, int samples, double lineInterval,
                           double spacing, double nearRange) {
        double tEnd = firstLine + (lines - 1) * lineInterval;
        double[] s = orbit.stateAt((firstLine + tEnd) / 2);
        double rs = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
        SrgrConversion a = conversion(firstLine, rs, nearRange, samples * spacing);
        SrgrConversion b = conversion(tEnd, rs, nearRange + 30, samples * spacing);
        double tau = 2 * nearRange / SarGeometry.SPEED_OF_LIGHT;
        return SarGeometry.groundRange(firstLine, lineInterval, lines, samples, tau, spacing, List.of(a, b));
    }

    static SrgrConversion conversion(double time, double rs, double nearRange, double width) {
        double re = EARTH_RADIUS;
        double arc0 = re * Math.acos((rs * rs + re * re - nearRange * nearRange) / (2 * rs * re));
        int m = 9;
        double[] gr = new double[m], sr = new double[m];
        for (int k = 0; k < m; k++) {
            gr[k] = width / 2 * (1 - Math.cos(Math.PI * (k + 0.5) / m)) * 1.1 - 0.05 * width;
            double arc = arc0 + gr[k];
            sr[k] = Math.sqrt(rs * rs + re * re - 2 * rs * re * Math.cos(arc / re));
        }
        // grsr: ground → slant range in (gr - gr0); srgr: slant → ground range in (sr - sr0)
        double[] srgr = new double[m], grsr = new double[m];
        PolynomialFit.interpolate(gr, sr, grsr);
        double[] srRel = new double[m];
        for (int k = 0; k < m; k++) srRel[k] = sr[k] - nearRange;
        PolynomialFit.interpolate(srRel, gr, srgr);
        return new SrgrConversion(time, nearRange, srgr, 0, grsr);
    }
}
