package eu.ai4c.s1.coreg;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.s1.geometry.Ellipsoid;
import eu.ai4c.s1.geometry.SarLocator;

/**
 * Co-registration by geometry (the method of SNAP's Back-Geocoding): each node of a reference
 * burst's {@link OffsetGrid} is put on the ground with the reference orbit at the DEM height
 * (range-Doppler intersection, iterated on the height found there), and the secondary's
 * zero-Doppler equation gives its azimuth time and slant range in the secondary image. The
 * reference phase of the interferogram m·s* at the node is 4π·(R₂ − R₁)/λ: the flat-earth and
 * topographic phase that coherence removes. The secondary burst is the one whose middle is
 * nearest in time to where the reference burst's middle falls. Stateless.
 */
public final class BackGeocoding {
    private BackGeocoding() {
    }

    /**
     * The secondary burst imaging reference burst {@code k}: the one whose middle is nearest to the
     * secondary time of the reference burst's central sample, at the DEM height there.
     */
    public static int matchingBurst(SwathImage reference, SwathImage secondary, int k, ElevationModel dem) {
        double line = reference.linesPerBurst() / 2.0, sample = reference.samples() / 2.0;
        double[] p = ground(reference, reference.burstStart(k) + line * reference.lineInterval(),
                reference.slantRange(sample), dem);
        double[] scratch = new double[10];
        double t = secondary.zeroDoppler().solve(p[0], p[1], p[2], Double.NaN, scratch);
        if (Double.isNaN(t)) {
            throw new Ai4cException("Co-registration: burst " + (k + 1) + " of " + reference + " is not seen by "
                    + secondary + " (no zero-Doppler time within its orbit); the acquisitions do not overlap there.");
        }
        int best = -1;
        double bestGap = Double.MAX_VALUE;
        for (int j = 0; j < secondary.bursts(); j++) {
            double mid = secondary.burstStart(j) + secondary.linesPerBurst() / 2.0 * secondary.lineInterval();
            double gap = Math.abs(t - mid);
            if (gap < bestGap) {
                bestGap = gap;
                best = j;
            }
        }
        if (bestGap > secondary.linesPerBurst() * secondary.lineInterval()) return -1;
        return best;
    }

    /**
     * The offset grid of reference burst {@code k} in secondary burst {@code j}.
     *
     * @return the grid; secondary lines are stacked lines of the secondary image
     */
    public static OffsetGrid grid(SwathImage reference, int k, SwathImage secondary, int j, ElevationModel dem) {
        int lines = reference.linesPerBurst(), samples = reference.samples();
        int rows = OffsetGrid.nodes(lines, OffsetGrid.NODE_LINES), cols = OffsetGrid.nodes(samples, OffsetGrid.NODE_SAMPLES);
        double[] sl = new double[rows * cols], ss = new double[rows * cols], ph = new double[rows * cols];
        double[] scratch = new double[10];
        double fourPiOverLambda = 4 * Math.PI / reference.wavelength();
        for (int r = 0; r < rows; r++) {
            int line = OffsetGrid.nodePosition(r, lines, OffsetGrid.NODE_LINES);
            double t1 = reference.burstStart(k) + line * reference.lineInterval();
            double guess = Double.NaN;
            for (int c = 0; c < cols; c++) {
                int sample = OffsetGrid.nodePosition(c, samples, OffsetGrid.NODE_SAMPLES);
                double r1 = reference.slantRange(sample);
                double[] p = ground(reference, t1, r1, dem);
                double t2 = secondary.zeroDoppler().solve(p[0], p[1], p[2], guess, scratch);
                int i = r * cols + c;
                if (Double.isNaN(t2)) {
                    sl[i] = ss[i] = ph[i] = Double.NaN;
                    continue;
                }
                guess = t2;
                double r2 = scratch[9];
                sl[i] = j * secondary.linesPerBurst() + (t2 - secondary.burstStart(j)) / secondary.lineInterval();
                ss[i] = secondary.sample(r2);
                ph[i] = fourPiOverLambda * (r2 - r1);
            }
        }
        return new OffsetGrid(lines, samples, sl, ss, ph, 0);
    }

    /**
     * The interferometric baseline at the middle of reference burst {@code k}: the vector between the
     * two satellites when each sees that ground point at zero Doppler, split into its component
     * along the reference's line of sight (parallel) and the rest (perpendicular; positive when the
     * secondary lies above the reference's line of sight, i.e. farther from the Earth's centre).
     *
     * @return {perpendicular, parallel} in metres, or NaNs when the secondary does not see the point
     */
    public static double[] baseline(SwathImage reference, int k, SwathImage secondary, ElevationModel dem) {
        double t1 = reference.burstStart(k) + reference.linesPerBurst() / 2.0 * reference.lineInterval();
        double[] p = ground(reference, t1, reference.slantRange(reference.samples() / 2.0), dem);
        double[] scratch = new double[10];
        double t2 = secondary.zeroDoppler().solve(p[0], p[1], p[2], Double.NaN, scratch);
        if (Double.isNaN(t2)) return new double[] {Double.NaN, Double.NaN};
        double[] s1 = reference.orbit().stateAt(t1), s2 = secondary.orbit().stateAt(t2);
        double[] b = {s2[0] - s1[0], s2[1] - s1[1], s2[2] - s1[2]};
        double[] los = {p[0] - s1[0], p[1] - s1[1], p[2] - s1[2]};
        double n = Math.sqrt(los[0] * los[0] + los[1] * los[1] + los[2] * los[2]);
        double parallel = (b[0] * los[0] + b[1] * los[1] + b[2] * los[2]) / n;
        double total = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
        double perpendicular = Math.sqrt(Math.max(0, total * total - parallel * parallel));
        // sign: positive when the secondary is above the reference's line of sight (farther from the Earth's centre)
        double up = (b[0] * s1[0] + b[1] * s1[1] + b[2] * s1[2]) / Math.sqrt(s1[0] * s1[0] + s1[1] * s1[1] + s1[2] * s1[2]);
        double losUp = (los[0] * s1[0] + los[1] * s1[1] + los[2] * s1[2]) / (n * Math.sqrt(s1[0] * s1[0] + s1[1] * s1[1] + s1[2] * s1[2]));
        double aboveLos = up - parallel * losUp;
        return new double[] {aboveLos >= 0 ? perpendicular : -perpendicular, parallel};
    }

    /** The ground point seen by the reference at (t, R), at the DEM's height there (three refinements). */
    static double[] ground(SwathImage reference, double t, double slantRange, ElevationModel dem) {
        SarLocator locator = reference.locator();
        double h = 0;
        double[] p = null, lon = new double[1], lat = new double[1], height = new double[1];
        for (int i = 0; i < 3; i++) {
            p = locator.ecef(t, slantRange, h);
            double[] g = Ellipsoid.toGeodetic(p[0], p[1], p[2]);
            lon[0] = g[0];
            lat[0] = g[1];
            dem.heights(lon, lat, height, 1);
            if (Math.abs(height[0] - h) < 0.01) break;
            h = height[0];
            if (i == 2) p = locator.ecef(t, slantRange, h);
        }
        return p;
    }
}
