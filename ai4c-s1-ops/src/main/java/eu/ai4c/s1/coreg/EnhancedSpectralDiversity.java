package eu.ai4c.s1.coreg;

import eu.ai4c.kit.math.Phase;
import eu.ai4c.s1.tops.SpectralDiversity;
import eu.ai4c.s1.tops.TopsDeramp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The azimuth correction of a geometrically co-registered TOPS pair by Enhanced Spectral Diversity:
 * in every overlap of consecutive reference bursts, the reference and the resampled secondary of
 * both bursts give the residual azimuth shift ({@link SpectralDiversity}); the shifts of all
 * overlaps of all sub-swaths are averaged. Stateless.
 */
public final class EnhancedSpectralDiversity {

    /**
     * @param shiftLines the correction to add to the secondary lines, lines (minus the measured lag)
     * @param overlaps   the lag measured in each overlap, lines
     */
    public record Estimate(double shiftLines, List<Double> overlaps) {
        /** Standard deviation of the overlap estimates, lines (0 with fewer than two). */
        public double spread() {
            if (overlaps.size() < 2) return 0;
            double mean = overlaps.stream().mapToDouble(Double::doubleValue).average().orElse(0), s = 0;
            for (double v : overlaps) s += (v - mean) * (v - mean);
            return Math.sqrt(s / (overlaps.size() - 1));
        }
    }

    /** One sub-swath's pair with its per-burst grids. */
    public record SwathPair(SwathImage reference, SwathImage secondary, OffsetGrid[] grids, int[] secondaryBursts) {
    }

    private EnhancedSpectralDiversity() {
    }

    /**
     * The residual shift of the secondary after geometric co-registration, from every overlap of
     * consecutive reference bursts that both have a secondary burst; NaN shift when there is none.
     */
    public static Estimate estimate(List<SwathPair> swaths) throws IOException {
        List<int[]> overlaps = new ArrayList<>(); // {swath, burst k}: the overlap of bursts k and k + 1
        for (int sw = 0; sw < swaths.size(); sw++) {
            SwathPair p = swaths.get(sw);
            if (!p.reference().tops() || p.reference().bursts() < 2) continue;
            for (int k = 0; k + 1 < p.reference().bursts(); k++) {
                if (p.grids()[k] != null && p.grids()[k + 1] != null) overlaps.add(new int[] {sw, k});
            }
        }
        // the overlaps are independent: measured in parallel, averaged in a fixed order
        double[] lines = new double[overlaps.size()];
        try {
            java.util.stream.IntStream.range(0, overlaps.size()).parallel().forEach(i -> {
                try {
                    lines[i] = overlapShift(swaths.get(overlaps.get(i)[0]), overlaps.get(i)[1]);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        List<Double> shifts = new ArrayList<>();
        for (double l : lines) if (!Double.isNaN(l)) shifts.add(l);
        double mean = shifts.isEmpty() ? Double.NaN : shifts.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        // a secondary that lags by δ is read δ earlier
        return new Estimate(-mean, List.copyOf(shifts));
    }

    /** The shift in lines measured in the overlap of bursts k and k + 1 of one sub-swath; NaN when there is none. */
    private static double overlapShift(SwathPair p, int k) throws IOException {
        SwathImage m = p.reference();
        int lpb = m.linesPerBurst();
        int cycle = (int) Math.round(m.burstCycleLines());
        int[] v0 = m.validLines(k), v1 = m.validLines(k + 1);
        // burst k line l images the time of burst k+1 line l − cycle
        int from = Math.max(Math.max(cycle, v0[0]), v1[0] + cycle), to = Math.min(v0[1], v1[1] + cycle);
        int[] s0 = m.validSamples(k), s1 = m.validSamples(k + 1);
        int x0 = Math.max(s0[0], s1[0]), x1 = Math.min(s0[1], s1[1]);
        if (to < from || x1 < x0) return Double.NaN;
        int lines = to - from + 1, width = x1 - x0 + 1;
        float[] mFirst = read(m, k * lpb + from, lines, x0, width);
        float[] mSecond = read(m, (k + 1) * lpb + from - cycle, lines, x0, width);
        float[] sFirst = SecondaryResampling.resample(p.secondary(), p.secondaryBursts()[k], p.grids()[k], from, lines, x0, width);
        float[] sSecond = SecondaryResampling.resample(p.secondary(), p.secondaryBursts()[k + 1], p.grids()[k + 1],
                from - cycle, lines, x0, width);
        removeReferencePhase(sFirst, p.grids()[k], from, lines, x0, width);
        removeReferencePhase(sSecond, p.grids()[k + 1], from - cycle, lines, x0, width);
        TopsDeramp deramp = m.deramp(k);
        double[] separation = new double[width];
        double[] full = SpectralDiversity.separation(deramp, m.samples(), lpb, lpb - cycle, m.lineInterval());
        System.arraycopy(full, x0, separation, 0, width);
        double seconds = SpectralDiversity.azimuthShift(mFirst, sFirst, mSecond, sSecond, separation, width, lines);
        return seconds / m.lineInterval();
    }

    private static float[] read(SwathImage m, int y, int lines, int x0, int width) throws IOException {
        return m.raster().read(m.band(), new eu.ai4c.kit.raster.Region(x0, y, width, lines)).floats();
    }

    /**
     * Multiplies the secondary by e^(iφ) (φ the reference phase), so that m·s* carries only what the
     * geometry did not predict: the two looks of an overlap then differ by the misregistration alone.
     */
    private static void removeReferencePhase(float[] s, OffsetGrid grid, int firstLine, int lines, int x0, int width) {
        double[] phase = new double[width];
        for (int r = 0; r < lines; r++) {
            grid.map(firstLine + r, x0, width, null, null, phase);
            for (int x = 0; x < width; x++) {
                int i = 2 * (r * width + x);
                double c = Phase.cos(phase[x]), sn = Phase.sin(phase[x]), re = s[i], im = s[i + 1];
                s[i] = (float) (re * c - im * sn);
                s[i + 1] = (float) (re * sn + im * c);
            }
        }
    }
}
