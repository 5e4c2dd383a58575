package eu.ai4c.s1.safe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The burst layout of a TOPS SLC image (annotation {@code swathTiming}): lines and samples per
 * burst and the bursts in azimuth order. Stripmap SLC and GRD images have none
 * ({@link #parse} gives empty). Immutable.
 *
 * @param linesPerBurst   lines of every burst
 * @param samplesPerBurst samples of every burst line
 * @param bursts          bursts in increasing azimuth time
 */
public record SwathTiming(int linesPerBurst, int samplesPerBurst, List<Burst> bursts) {
    public SwathTiming {
        bursts = List.copyOf(bursts);
    }

    /** Image lines the bursts cover: {@code bursts × linesPerBurst}. */
    public int lines() {
        return bursts.size() * linesPerBurst;
    }

    /**
     * The burst layout of an annotation, checked: per-line arrays of {@code linesPerBurst} values,
     * azimuth times strictly increasing, byte offsets increasing, and burst lines that add up to the
     * image's {@code numberOfLines}.
     *
     * @param imageLines the image's number of lines
     * @return empty when the annotation lists no burst (stripmap, GRD)
     * @throws eu.ai4c.kit.Ai4cException naming the annotation and the element when the layout is inconsistent
     */
    static Optional<SwathTiming> parse(SafeXml root, int imageLines) {
        Optional<SafeXml> timing = root.optAt("swathTiming");
        if (timing.isEmpty()) return Optional.empty();
        SafeXml st = timing.get();
        List<SafeXml> items = st.child("burstList").listItems("burst");
        if (items.isEmpty()) return Optional.empty();
        int lines = st.intValue("linesPerBurst"), samples = st.intValue("samplesPerBurst");
        if (lines <= 0 || samples <= 0) throw st.error("gives " + lines + " lines x " + samples + " samples per burst");
        List<Burst> bursts = new ArrayList<>();
        for (SafeXml b : items) {
            int[] first = b.ints("firstValidSample"), last = b.ints("lastValidSample");
            if (first.length != lines || last.length != lines) {
                throw b.error("has " + first.length + "/" + last.length + " valid-sample values for " + lines
                        + " lines per burst");
            }
            Burst burst = new Burst(bursts.size(), b.instant("azimuthTime"), b.doubleValue("azimuthAnxTime"),
                    b.instant("sensingTime"), (long) b.doubleValue("byteOffset"), first, last);
            if (!bursts.isEmpty()) {
                Burst prev = bursts.get(bursts.size() - 1);
                if (!burst.azimuthTime().isAfter(prev.azimuthTime()) || burst.byteOffset() <= prev.byteOffset()) {
                    throw b.error("is not after burst " + prev.index() + " (azimuth time " + burst.azimuthTime()
                            + ", byte offset " + burst.byteOffset() + ")");
                }
            }
            bursts.add(burst);
        }
        SwathTiming t = new SwathTiming(lines, samples, bursts);
        if (t.lines() != imageLines) {
            throw st.error("has " + bursts.size() + " bursts of " + lines + " lines = " + t.lines()
                    + " lines, but the image has " + imageLines);
        }
        return Optional.of(t);
    }
}
