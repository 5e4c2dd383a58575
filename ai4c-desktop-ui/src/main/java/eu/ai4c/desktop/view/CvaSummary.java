package eu.ai4c.desktop.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the viewer uses of an S2-CD {@code <name>_summary.json}: the χ² threshold on the squared
 * magnitude and, per change class 1…k, the k-means centre (magnitude in difference-std units,
 * angle in degrees) and pixel count. Immutable value.
 *
 * @param threshold         squared-magnitude threshold (a pixel changed when magnitude² exceeds it)
 * @param centreMagnitudes  class centres' magnitude, index 0 = class 1
 * @param centreAnglesDeg   class centres' angle in degrees
 * @param pixels            pixels per class
 * @param noChangePixels    pixels of class 0
 * @param noDataPixels      no-data pixels
 */
public record CvaSummary(double threshold, double[] centreMagnitudes, double[] centreAnglesDeg, long[] pixels,
                         long noChangePixels, long noDataPixels) {

    /** Number of change classes. */
    public int classCount() {
        return pixels.length;
    }

    /** Magnitude at which change begins (√threshold). */
    public double thresholdMagnitude() {
        return Math.sqrt(threshold);
    }

    /**
     * Parses a summary.
     *
     * @throws Ai4cException when the file is not an S2-CD summary
     */
    public static CvaSummary read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Ai4cException("S2-CD summary " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); run S2-CD again to rewrite it.");
        }
        if (root == null || !root.path("threshold").isNumber() || !root.path("classes").isArray()) {
            throw new Ai4cException("S2-CD summary " + file + " has no numeric \"threshold\" or no \"classes\" list; "
                    + "it is not an S2-CD summary — open the *_summary.json written with the change map.");
        }
        JsonNode classes = root.path("classes");
        int k = classes.size();
        double[] m = new double[k], a = new double[k];
        long[] p = new long[k];
        for (int i = 0; i < k; i++) {
            JsonNode c = classes.get(i);
            int index = c.path("class").asInt(i + 1) - 1;
            if (index < 0 || index >= k) index = i;
            m[index] = c.path("centreMagnitude").asDouble(Double.NaN);
            a[index] = c.path("centreAngleDeg").asDouble(Double.NaN);
            p[index] = c.path("pixels").asLong(-1);
        }
        return new CvaSummary(root.path("threshold").asDouble(), m, a, p, root.path("noChangePixels").asLong(-1),
                root.path("noDataPixels").asLong(-1));
    }
}
