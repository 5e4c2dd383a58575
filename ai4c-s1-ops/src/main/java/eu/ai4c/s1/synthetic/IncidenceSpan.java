package eu.ai4c.s1.synthetic;

/** Ground distance across a swath between two incidence angles, at the centre line of a {@link GrdGeometry}. Stateless. */
final class IncidenceSpan {
    private IncidenceSpan() {
    }

    /** Metres along the ellipsoid between the points seen at incidence {@code nearDeg} and {@code farDeg}. */
    static double groundDistance(GrdGeometry g, double nearDeg, double farDeg) {
        double[] s = g.position(0);
        double dist = 0, start = Double.NaN;
        double[] prev = null;
        double prevInc = Double.NaN;
        for (int i = 0; i <= 20000; i++) {
            double alpha = Math.toRadians(5 + 55.0 * i / 20000);
            double[] p = g.pointAtLook(0, alpha);
            if (prev != null) dist += GrdGeometry.norm(GrdGeometry.sub(p, prev));
            double inc = GrdGeometry.incidenceDeg(p, s);
            if (Double.isNaN(start) && inc >= nearDeg) start = dist;
            if (!Double.isNaN(start) && inc >= farDeg) return dist - start;
            prev = p;
            prevInc = inc;
        }
        throw new IllegalArgumentException("Incidence " + farDeg + "° is beyond the modelled look angles (last " + prevInc + "°)");
    }
}
