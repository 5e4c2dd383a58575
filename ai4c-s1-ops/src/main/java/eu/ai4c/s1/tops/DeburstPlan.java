package eu.ai4c.s1.tops;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.SwathTiming;
import java.time.Duration;
import java.time.Instant;

/**
 * Which burst line every line of a debursted TOPS sub-swath comes from. The output runs on one
 * regular azimuth time axis, from the first valid line of the first burst to the last valid line
 * of the last, at the image's azimuth time interval Δt. Where consecutive bursts overlap, a line
 * is taken from burst k before the middle of the overlap (halfway between burst k's last valid
 * line and burst k+1's first valid line, by zero-Doppler time) and from burst k+1 after it, as
 * SNAP's TOPSAR-Deburst does. So no azimuth time is duplicated or skipped, and no seam of
 * no-data appears. A burst line is the one nearest in time to the output line (burst start times
 * are not whole multiples of Δt apart), kept within the burst's valid lines.
 *
 * <p>Per output line the plan gives the burst and the line within it, and per burst the valid
 * sample rectangle (samples outside it are no-data in the output). Pure computation; immutable.</p>
 */
public final class DeburstPlan {
    private final Instant start;
    private final double azimuthTimeInterval;
    private final int[] burstOfLine;
    private final int[] lineInBurst;
    private final int[] firstSample;
    private final int[] lastSample;

    private DeburstPlan(Instant start, double dt, int[] burstOfLine, int[] lineInBurst, int[] firstSample,
                        int[] lastSample) {
        this.start = start;
        this.azimuthTimeInterval = dt;
        this.burstOfLine = burstOfLine;
        this.lineInBurst = lineInBurst;
        this.firstSample = firstSample;
        this.lastSample = lastSample;
    }

    /**
     * The plan of a sub-swath.
     *
     * @param timing              the burst layout of its annotation
     * @param azimuthTimeInterval Δt of the image, seconds
     * @throws Ai4cException when a burst has no valid line, or bursts leave a gap in azimuth
     */
    public static DeburstPlan of(SwathTiming timing, double azimuthTimeInterval) {
        if (!(azimuthTimeInterval > 0)) {
            throw new IllegalArgumentException("azimuth time interval " + azimuthTimeInterval);
        }
        int n = timing.bursts().size();
        double[] t0 = new double[n], validStart = new double[n], validEnd = new double[n];
        Instant origin = timing.bursts().get(0).azimuthTime();
        int[] first = new int[n], last = new int[n], firstSample = new int[n], lastSample = new int[n];
        for (int k = 0; k < n; k++) {
            Burst b = timing.bursts().get(k);
            first[k] = b.firstValidLine();
            last[k] = b.lastValidLine();
            if (first[k] < 0) {
                throw new Ai4cException("Burst " + (k + 1) + " of " + n + " has no valid line (all firstValidSample "
                        + "are -1): the product is damaged or incomplete; use another product or leave the burst out.");
            }
            t0[k] = seconds(origin, b.azimuthTime());
            validStart[k] = t0[k] + first[k] * azimuthTimeInterval;
            validEnd[k] = t0[k] + last[k] * azimuthTimeInterval;
            firstSample[k] = b.firstValidSampleOfRectangle();
            lastSample[k] = b.lastValidSampleOfRectangle();
        }
        // switch from burst k to k+1 halfway between k's last and k+1's first valid line
        double[] switchAt = new double[n];
        for (int k = 0; k < n - 1; k++) {
            if (validStart[k + 1] > validEnd[k] + 1.5 * azimuthTimeInterval) {
                throw new Ai4cException(String.format(java.util.Locale.ROOT, "Bursts %d and %d leave a gap of %.1f lines"
                                + " in azimuth: the annotation's burst times are inconsistent.", k + 1, k + 2,
                        (validStart[k + 1] - validEnd[k]) / azimuthTimeInterval - 1));
            }
            switchAt[k] = 0.5 * (validEnd[k] + validStart[k + 1]);
        }
        switchAt[n - 1] = Double.POSITIVE_INFINITY;
        int lines = (int) Math.round((validEnd[n - 1] - validStart[0]) / azimuthTimeInterval) + 1;
        int[] burstOfLine = new int[lines], lineInBurst = new int[lines];
        int k = 0;
        for (int i = 0; i < lines; i++) {
            double t = validStart[0] + i * azimuthTimeInterval;
            while (k < n - 1 && t >= switchAt[k]) k++;
            int l = (int) Math.round((t - t0[k]) / azimuthTimeInterval);
            burstOfLine[i] = k;
            lineInBurst[i] = Math.max(first[k], Math.min(last[k], l));
        }
        Instant start = origin.plusNanos(Math.round(validStart[0] * 1e9));
        return new DeburstPlan(start, azimuthTimeInterval, burstOfLine, lineInBurst, firstSample, lastSample);
    }

    private static double seconds(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() + d.getNano() * 1e-9;
    }

    /** Lines of the debursted image. */
    public int lines() {
        return burstOfLine.length;
    }

    /** Zero-Doppler time of the first output line. */
    public Instant firstLineTime() {
        return start;
    }

    /** Azimuth time interval of the output, seconds. */
    public double azimuthTimeInterval() {
        return azimuthTimeInterval;
    }

    /** The burst (0-based) output line {@code line} is taken from. */
    public int burst(int line) {
        return burstOfLine[line];
    }

    /** The line within {@link #burst(int)} that output line {@code line} is taken from. */
    public int lineInBurst(int line) {
        return lineInBurst[line];
    }

    /** First valid sample of burst {@code burst} (samples before it are no-data in the output). */
    public int firstValidSample(int burst) {
        return firstSample[burst];
    }

    /** Last valid sample of burst {@code burst}. */
    public int lastValidSample(int burst) {
        return lastSample[burst];
    }
}
