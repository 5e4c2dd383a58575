package eu.ai4c.s1.coreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.synthetic.RepeatPassPair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Co-registration by geometry and ESD on a synthetic repeat-pass pair whose second product images
 * the scene 0.1 line later than its annotation says (an azimuth timing error), 100 m perpendicular
 * baseline, 30 m along-track offset.
 */
class CoregistrationTest {
    static final double LINE = 2.055556299999998e-3, PLANTED = 0.1;

    static final ElevationModel ELLIPSOID = EllipsoidSurface.INSTANCE;

    @TempDir
    static Path dir;
    static S1Product ref, sec;
    static SwathImage m, s;
    static OffsetGrid[] grids;
    static int[] matched;

    @BeforeAll
    static void pair() throws IOException {
        Path[] p = RepeatPassPair.builder(400, 150, 3).swaths(1).timingError(PLANTED * LINE)
                .area(0, 150, 300, 30, 350, 0.3, 0.3, 0.95) // stable, coherent (urban) area, burst 1 lines 15 … 150
                .build().write(dir);
        ref = S1Product.open(p[0]);
        sec = S1Product.open(p[1]);
        m = SwathImage.of(ref, "IW1", "VV", CalibrationType.SIGMA_NOUGHT, null, WarningListener.LOG);
        s = SwathImage.of(sec, "IW1", "VV", CalibrationType.SIGMA_NOUGHT, null, WarningListener.LOG);
        grids = new OffsetGrid[m.bursts()];
        matched = new int[m.bursts()];
        for (int k = 0; k < m.bursts(); k++) {
            matched[k] = BackGeocoding.matchingBurst(m, s, k, ELLIPSOID);
            grids[k] = BackGeocoding.grid(m, k, s, matched[k], ELLIPSOID);
        }
    }

    @AfterAll
    static void close() throws IOException {
        ref.close();
        sec.close();
    }

    static List<EnhancedSpectralDiversity.SwathPair> pairs(double shift) {
        OffsetGrid[] g = grids.clone();
        for (int k = 0; k < g.length; k++) g[k] = g[k].shiftedBy(shift);
        return List.of(new EnhancedSpectralDiversity.SwathPair(m, s, g, matched));
    }

    @Test
    void burstsAreMatchedByTheGroundTheyImage() {
        assertEquals(List.of(0, 1, 2), Arrays.stream(matched).boxed().toList());
    }

    /** Geometry alone leaves the planted timing error; ESD finds it, and after its correction less than 0.01 line remains. */
    @Test
    void backGeocodingPlusEsdLeavesLessThanAHundredthOfALine() throws IOException {
        EnhancedSpectralDiversity.Estimate first = EnhancedSpectralDiversity.estimate(pairs(0));
        assertEquals(2, first.overlaps().size());
        assertEquals(-PLANTED, first.shiftLines(), 0.01, "ESD on the geometric co-registration");
        double total = first.shiftLines();
        EnhancedSpectralDiversity.Estimate second = EnhancedSpectralDiversity.estimate(pairs(total));
        total += second.shiftLines();
        assertEquals(-PLANTED, total, 0.01, "correction after two rounds");
        double residual = EnhancedSpectralDiversity.estimate(pairs(total)).shiftLines();
        assertTrue(Math.abs(residual) < 0.01, "residual " + residual + " lines");
        System.out.printf("ESD: planted %.4f lines, corrected %.5f, residual %.5f%n", PLANTED, -total, residual);
    }

    /**
     * On an unchanged area (γ = 0.95) the interferogram, after the flat-earth (and here zero
     * topographic) phase of the geometry is removed, is flat: 10 × 10-sample averages share one phase
     * (0 here: the DEM is the surface the pair was made on) to within their estimation noise, about
     * √(1 − γ²)/(γ·√(2L)) ≈ 0.03 rad for L ≈ 64 independent looks. Without the removal the same
     * averages wind through many fringes.
     */
    @Test
    void interferogramOfAFlatAreaIsFlatAfterReferencePhaseRemoval() throws IOException {
        List<EnhancedSpectralDiversity.SwathPair> p = pairs(-PLANTED);
        int k = 1, lines = 100, x0 = 40, width = 300, first = 25;
        float[] mm = m.raster().read(m.band(), new eu.ai4c.kit.raster.Region(x0, k * m.linesPerBurst() + first, width, lines)).floats();
        float[] ss = SecondaryResampling.resample(s, matched[k], p.get(0).grids()[k], first, lines, x0, width);
        double[] phase = new double[width];
        double[] flat = blockPhases(mm, ss, p.get(0).grids()[k], first, lines, x0, width, true);
        double[] raw = blockPhases(mm, ss, p.get(0).grids()[k], first, lines, x0, width, false);
        double flatSpread = circularSpread(flat), rawSpread = circularSpread(raw);
        System.out.printf("interferogram phase spread: %.4f rad after removal, %.4f without%n", flatSpread, rawSpread);
        assertTrue(flatSpread < 0.1, "phase spread after flat-earth removal " + flatSpread);
        assertTrue(Math.abs(circularMean(flat)) < 0.05, "mean phase " + circularMean(flat));
        assertTrue(rawSpread > 1, "the uncorrected interferogram has fringes");
    }

    /** Phases of m·s*·e^(−iφ) (or m·s*) summed over 10 × 10 blocks. */
    static double[] blockPhases(float[] mm, float[] ss, OffsetGrid grid, int first, int lines, int x0, int width, boolean remove) {
        double[] phase = new double[width];
        int bw = width / 10, bh = lines / 10;
        double[] re = new double[bw * bh], im = new double[bw * bh];
        for (int r = 0; r < bh * 10; r++) {
            grid.map(first + r, x0, width, null, null, phase);
            for (int x = 0; x < bw * 10; x++) {
                int i = 2 * (r * width + x);
                double a = mm[i], b = mm[i + 1], c = ss[i], d = ss[i + 1];
                double pr = a * c + b * d, pi = b * c - a * d;
                if (remove) {
                    double cs = Math.cos(phase[x]), sn = Math.sin(phase[x]);
                    double t = pr * cs + pi * sn;
                    pi = pi * cs - pr * sn;
                    pr = t;
                }
                int blk = (r / 10) * bw + x / 10;
                re[blk] += pr;
                im[blk] += pi;
            }
        }
        double[] out = new double[bw * bh];
        for (int i = 0; i < out.length; i++) out[i] = Math.atan2(im[i], re[i]);
        return out;
    }

    static double circularMean(double[] a) {
        double c = 0, s = 0;
        for (double v : a) {
            c += Math.cos(v);
            s += Math.sin(v);
        }
        return Math.atan2(s, c);
    }

    /** √(−2·ln R), R the mean resultant length: the circular standard deviation, radians. */
    static double circularSpread(double[] a) {
        double c = 0, s = 0;
        for (double v : a) {
            c += Math.cos(v);
            s += Math.sin(v);
        }
        double r = Math.hypot(c, s) / a.length;
        return Math.sqrt(-2 * Math.log(r));
    }
}
