package eu.ai4c.s1.tops;

import eu.ai4c.kit.Ai4cException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How debursted sub-swaths (IW1–IW3, EW1–EW5) merge into one slant-range image, as SNAP's
 * TOPSAR-Merge does it: the merged range axis runs from the first valid sample of the nearest
 * sub-swath to the last valid sample of the farthest, at the nearest sub-swath's sample spacing in
 * slant-range time; the merged azimuth axis covers every sub-swath's lines at the common azimuth
 * time interval. A merged column takes the sub-swath whose valid samples contain its slant-range
 * time; where two overlap, the boundary is the middle of the overlap (halfway between the near
 * sub-swath's last and the far sub-swath's first valid sample). Source samples and lines are the
 * nearest in time. Pure computation; immutable.
 */
public final class MergePlan {

    /**
     * One debursted sub-swath as the merge sees it.
     *
     * @param name             e.g. {@code IW2}
     * @param firstLineTime    zero-Doppler time of its first (debursted) line
     * @param lines            its lines
     * @param slantRangeTime   two-way slant-range time of its first sample, seconds
     * @param sampleTime       two-way slant-range time between samples (1 / range sampling rate), seconds
     * @param firstValidSample first sample valid in every burst
     * @param lastValidSample  last sample valid in every burst
     */
    public record SubSwath(String name, Instant firstLineTime, int lines, double slantRangeTime, double sampleTime,
                           int firstValidSample, int lastValidSample) {
        /**
         * The sub-swath of a deburst plan: valid samples are those valid in every burst.
         *
         * @param slantRangeTime    two-way slant-range time of the image's first sample (annotation)
         * @param rangeSamplingRate range sampling rate, Hz (annotation)
         */
        public static SubSwath of(String name, DeburstPlan plan, int bursts, double slantRangeTime,
                                  double rangeSamplingRate) {
            int first = Integer.MIN_VALUE, last = Integer.MAX_VALUE;
            for (int k = 0; k < bursts; k++) {
                first = Math.max(first, plan.firstValidSample(k));
                last = Math.min(last, plan.lastValidSample(k));
            }
            return new SubSwath(name, plan.firstLineTime(), plan.lines(), slantRangeTime, 1 / rangeSamplingRate,
                    first, last);
        }

        double firstValidTime() {
            return slantRangeTime + firstValidSample * sampleTime;
        }

        double lastValidTime() {
            return slantRangeTime + lastValidSample * sampleTime;
        }
    }

    private final List<SubSwath> swaths;
    private final Instant firstLineTime;
    private final double azimuthTimeInterval;
    private final int lines;
    private final double slantRangeTime;
    private final double sampleTime;
    private final int[] swathOfColumn;
    private final int[] sampleOfColumn;
    private final int[][] lineOffset;

    private MergePlan(List<SubSwath> swaths, Instant firstLineTime, double dt, int lines, double tau0, double dtau,
                      int[] swathOfColumn, int[] sampleOfColumn, int[][] lineOffset) {
        this.swaths = swaths;
        this.firstLineTime = firstLineTime;
        this.azimuthTimeInterval = dt;
        this.lines = lines;
        this.slantRangeTime = tau0;
        this.sampleTime = dtau;
        this.swathOfColumn = swathOfColumn;
        this.sampleOfColumn = sampleOfColumn;
        this.lineOffset = lineOffset;
    }

    /**
     * The plan of sub-swaths given near to far range, all at azimuth time interval {@code dt}.
     *
     * @throws Ai4cException when the sub-swaths are not in range order or leave a gap in range
     */
    public static MergePlan of(List<SubSwath> swaths, double dt) {
        int n = swaths.size();
        if (n == 0) throw new IllegalArgumentException("no sub-swath");
        for (int s = 1; s < n; s++) {
            SubSwath near = swaths.get(s - 1), far = swaths.get(s);
            if (far.firstValidTime() <= near.firstValidTime()) {
                throw new Ai4cException("Sub-swath " + far.name() + " does not lie beyond " + near.name()
                        + " in slant range: give the sub-swaths near to far.");
            }
            if (far.firstValidTime() > near.lastValidTime() + 1.5 * near.sampleTime()) {
                throw new Ai4cException("Sub-swaths " + near.name() + " and " + far.name() + " leave a gap in slant range:"
                        + " they are not neighbours; merge neighbouring sub-swaths only.");
            }
        }
        SubSwath first = swaths.get(0), last = swaths.get(n - 1);
        double tau0 = first.firstValidTime(), dtau = first.sampleTime();
        int columns = (int) Math.round((last.lastValidTime() - tau0) / dtau) + 1;
        // boundaries in slant-range time: the middle of each overlap
        double[] boundary = new double[n];
        for (int s = 0; s < n - 1; s++) boundary[s] = 0.5 * (swaths.get(s).lastValidTime() + swaths.get(s + 1).firstValidTime());
        boundary[n - 1] = Double.POSITIVE_INFINITY;
        int[] swathOfColumn = new int[columns], sampleOfColumn = new int[columns];
        int s = 0;
        for (int x = 0; x < columns; x++) {
            double tau = tau0 + x * dtau;
            while (s < n - 1 && tau > boundary[s]) s++;
            SubSwath w = swaths.get(s);
            int sample = (int) Math.round((tau - w.slantRangeTime()) / w.sampleTime());
            swathOfColumn[x] = s;
            sampleOfColumn[x] = Math.max(w.firstValidSample(), Math.min(w.lastValidSample(), sample));
        }
        // azimuth: the union of the sub-swaths' lines
        Instant start = first.firstLineTime(), end = first.firstLineTime().plusNanos(Math.round((first.lines() - 1) * dt * 1e9));
        for (SubSwath w : swaths) {
            if (w.firstLineTime().isBefore(start)) start = w.firstLineTime();
            Instant wEnd = w.firstLineTime().plusNanos(Math.round((w.lines() - 1) * dt * 1e9));
            if (wEnd.isAfter(end)) end = wEnd;
        }
        int lines = (int) Math.round(seconds(start, end) / dt) + 1;
        // per sub-swath: its line index = merged line − offset (nearest line)
        int[][] offset = new int[n][1];
        for (int i = 0; i < n; i++) offset[i][0] = (int) Math.round(seconds(start, swaths.get(i).firstLineTime()) / dt);
        return new MergePlan(List.copyOf(swaths), start, dt, lines, tau0, dtau, swathOfColumn, sampleOfColumn, offset);
    }

    private static double seconds(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() + d.getNano() * 1e-9;
    }

    public int width() {
        return swathOfColumn.length;
    }

    public int lines() {
        return lines;
    }

    public Instant firstLineTime() {
        return firstLineTime;
    }

    public double azimuthTimeInterval() {
        return azimuthTimeInterval;
    }

    /** Two-way slant-range time of merged column 0, seconds. */
    public double slantRangeTime() {
        return slantRangeTime;
    }

    /** Two-way slant-range time between merged columns, seconds. */
    public double sampleTime() {
        return sampleTime;
    }

    public List<SubSwath> subSwaths() {
        return swaths;
    }

    /** The sub-swath (index into {@link #subSwaths()}) merged column {@code x} comes from. */
    public int subSwath(int x) {
        return swathOfColumn[x];
    }

    /** The sample of {@link #subSwath(int)} merged column {@code x} comes from. */
    public int sample(int x) {
        return sampleOfColumn[x];
    }

    /** The line of sub-swath {@code s} at merged line {@code y}, or −1 where the sub-swath has none. */
    public int line(int s, int y) {
        int l = y - lineOffset[s][0];
        return l >= 0 && l < swaths.get(s).lines() ? l : -1;
    }
}
