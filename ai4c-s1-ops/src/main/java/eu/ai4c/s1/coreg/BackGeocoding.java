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
