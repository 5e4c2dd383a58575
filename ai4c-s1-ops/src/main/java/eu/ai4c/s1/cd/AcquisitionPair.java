package eu.ai4c.s1.cd;

import eu.ai4c.s1.safe.Manifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two Sentinel-1 SLC acquisitions that can be compared: one mission family, one relative orbit and
 * pass, one mode, the polarisation and sub-swaths asked for in both, overlapping footprints, and
 * an interval of whole 6-day cycles (S1A/S1B/S1C share one 12-day orbit, 6 days apart). The
 * earlier acquisition is the reference, whatever the order given.
 *
 * @param reference the earlier acquisition
 * @param secondary the later one
 * @param interval  time between the two acquisition starts
 * @param cycles    the interval in 6-day cycles
 */
public record AcquisitionPair(Manifest reference, Manifest secondary, Duration interval, int cycles) {
    /** Repeat period of the constellation: 12-day orbit repeat per satellite, two satellites 6 days apart. */
    public static final Duration CYCLE = Duration.ofDays(6);
    /**
     * How far the interval may be from a whole number of cycles: products of one relative orbit are
     * cut from their data-takes at slightly different azimuth times, a few tens of seconds at most.
     */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /**
     * Checks the two products and orders them.
     *
     * @param name1 how the first input is named in messages (e.g. its path)
     * @throws IllegalArgumentException naming the values that differ and what to give instead
     */
    public static AcquisitionPair of(String name1, Manifest m1, String name2, Manifest m2,
                                     List<String> polarisations, List<String> swaths) {
        requireSlc(name1, m1);
        requireSlc(name2, m2);
        List<String> problems = new ArrayList<>();
        if (!family(m1.mission()).equals(family(m2.mission()))) {
            problems.add("missions " + m1.mission() + " and " + m2.mission() + " are not of one family");
        }
        if (!m1.mode().equals(m2.mode())) problems.add("modes differ: " + m1.mode() + " and " + m2.mode());
        if (m1.relativeOrbit() != m2.relativeOrbit()) {
            problems.add("relative orbits differ: " + m1.relativeOrbit() + " and " + m2.relativeOrbit());
        }
        if (!m1.pass().equalsIgnoreCase(m2.pass())) problems.add("passes differ: " + m1.pass() + " and " + m2.pass());
        for (String p : polarisations) {
            if (!m1.polarisations().contains(p)) problems.add("polarisation " + p + " is not in " + name1 + " (it has " + m1.polarisations() + ")");
            if (!m2.polarisations().contains(p)) problems.add("polarisation " + p + " is not in " + name2 + " (it has " + m2.polarisations() + ")");
        }
        for (String s : swaths) {
            if (!m1.swaths().contains(s)) problems.add("sub-swath " + s + " is not in " + name1 + " (it has " + m1.swaths() + ")");
            if (!m2.swaths().contains(s)) problems.add("sub-swath " + s + " is not in " + name2 + " (it has " + m2.swaths() + ")");
        }
        if (!m1.footprint().isEmpty() && !m2.footprint().isEmpty() && !Footprints.overlap(m1.footprint(), m2.footprint())) {
            problems.add("their footprints do not overlap");
        }
        boolean firstEarlier = !m1.startTime().isAfter(m2.startTime());
        Manifest ref = firstEarlier ? m1 : m2, sec = firstEarlier ? m2 : m1;
        Duration interval = Duration.between(ref.startTime(), sec.startTime());
        long cycles = Math.round(interval.toSeconds() / (double) CYCLE.toSeconds());
        Duration off = interval.minus(CYCLE.multipliedBy(cycles)).abs();
        if (cycles < 1 || off.compareTo(TOLERANCE) > 0) {
            problems.add(String.format(Locale.ROOT, "the acquisitions are %.3f days apart, not a whole multiple of the "
                    + "6-day cycle (6, 12, 18 … days)", interval.toSeconds() / 86400.0));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("S1-CD: " + name1 + " and " + name2 + " cannot be compared: "
                    + String.join("; ", problems) + ". Give two SLC products of one relative orbit and pass, "
                    + "acquired a whole number of 6-day cycles apart.");
        }
        return new AcquisitionPair(ref, sec, interval, (int) cycles);
    }

    /** {@code S1A}, {@code S1B}, {@code S1C} … are one family, {@code S1}. */
    static String family(String mission) {
        return mission.length() >= 2 ? mission.substring(0, 2).toUpperCase(Locale.ROOT) : mission;
    }

    private static void requireSlc(String name, Manifest m) {
        if (!"SLC".equals(m.productType())) {
            throw new IllegalArgumentException("S1-CD: " + name + " is a " + m.productType() + " product; change "
                    + "detection with coherence needs two SLC products (the phase is not kept in " + m.productType() + ").");
        }
    }
}
