package eu.ai4c.cd.cva;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content of S2-CD's {@code _summary.json}, as a map Jackson writes. Stateless. */
final class CvaSummary {
    private CvaSummary() {
    }

    /**
     * The summary of a run: normalisation (gains, offsets), difference spread, reference vector,
     * confidence and threshold, sample sizes, and per class its centre and pixel count.
     *
     * @param counts pixel counts, {@code [0]} no change, {@code [1..k]} classes, {@code [k+1]} no-data
     */
    static Map<String, Object> of(CvaModel model, long[] counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bands", List.of(model.bandNames()));
        m.put("gains", model.gains());
        m.put("offsets", model.offsets());
        m.put("differenceStd", model.differenceStd());
        m.put("referenceVector", model.reference());
        m.put("levelConfidence", model.confidence());
        m.put("threshold", model.threshold());
        m.put("samplePixels", model.samplePixels());
        m.put("invariantPixels", model.invariantPixels());
        int k = counts.length - 2;
        List<Map<String, Object>> classes = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("class", c + 1);
            e.put("centreMagnitude", model.classes().centreMagnitudes()[c]);
            e.put("centreAngleDeg", model.classes().centreAngles()[c]);
            e.put("pixels", counts[c + 1]);
            classes.add(e);
        }
        m.put("classes", classes);
        m.put("noChangePixels", counts[0]);
        m.put("noDataPixels", counts[k + 1]);
        return m;
    }
}
