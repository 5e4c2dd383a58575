package eu.ai4c.s1.synthetic;

/** The part of a swath between two incidence angles, at the centre line of a {@link GrdGeometry}. Stateless. */
final class IncidenceSpan {
    private IncidenceSpan() {
    }

    /**
     * Ground distance (metres along the ellipsoid) between the points seen at incidence
     * {@code nearDeg} and {@code farDeg}, and the incidence angle half way between them.
     *
     * @return {@code {distance, midIncidenceDeg}}
     */
    static double[] span(GrdGeometry g, double nearDeg, double farDeg) {
        int n = 20000;
        double[] dist = new double[n + 1], inc = new double[n + 1];
        double[] s = g.position(0);
        double[] prev = null;
        for (int i = 0; i <= n; i++) {
            double[] p = g.pointAtLook(0, Math.toRadians(5 + 55.0 * i / n));
            dist[i] = prev == null ? 0 : dist[i - 1] + GrdGeometry.norm(GrdGeometry.sub(p, prev));
            inc[i] = GrdGeometry.incidenceDeg(p, s);
            prev = p;
        }
        double dNear = at(inc, dist, nearDeg), dFar = at(inc, dist, farDeg);
        return new double[] {dFar - dNear, at(dist, inc, (dNear + dFar) / 2)};
    }

    /** Linear interpolation of {@code y} where the increasing {@code x} equals {@code value}. */
    private static double at(double[] x, double[] y, double value) {
        for (int i = 0; i < x.length - 1; i++) {
            if (x[i + 1] >= value && x[i] <= value) {
                double u = (value - x[i]) / (x[i + 1] - x[i]);
                return y[i] + u * (y[i + 1] - y[i]);
            }
        }
        throw new IllegalArgumentException("Incidence or distance " + value + " is outside the modelled look angles (5°..60°)");
    }
}
