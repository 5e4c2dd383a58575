package eu.ai4c.kit.io.geotiff.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GDAL_METADATA tag (42112): an XML list of {@code <Item name=".." [sample="n"] [role=".."]>value</Item>}.
 * Items without {@code sample} belong to the dataset; the others to band {@code sample} (0-based),
 * keyed by their role when they have one (e.g. {@code description}, {@code unittype}, {@code scale}).
 * Immutable after parsing.
 */
final class GdalMetadata {
    private static final Pattern ITEM = Pattern.compile("<Item\\s([^>]*?)(?:/>|>(.*?)</Item>)", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

    private final Map<String, String> dataset = new LinkedHashMap<>();
    private final Map<Integer, Map<String, String>> bands = new TreeMap<>();

    static GdalMetadata parse(String xml) {
        GdalMetadata m = new GdalMetadata();
        if (xml == null) return m;
        Matcher item = ITEM.matcher(xml);
        while (item.find()) {
            String name = null, role = null, sample = null;
            Matcher a = ATTRIBUTE.matcher(item.group(1));
            while (a.find()) {
                switch (a.group(1)) {
                    case "name" -> name = unescape(a.group(2));
                    case "role" -> role = a.group(2);
                    case "sample" -> sample = a.group(2);
                    default -> { }
                }
            }
            if (name == null) continue;
            String value = item.group(2) == null ? "" : unescape(item.group(2).trim());
            if (sample == null) {
                m.dataset.put(name, value);
            } else {
                try {
                    int s = Integer.parseInt(sample.trim());
                    m.bands.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(role != null ? role : name, value);
                } catch (NumberFormatException e) {
                    m.dataset.put(name + "[" + sample + "]", value);
                }
            }
        }
        return m;
    }

    Map<String, String> dataset() {
        return dataset;
    }

    /** Items of band {@code sample} (0-based): by role, or by name when the item has no role. */
    Map<String, String> band(int sample) {
        return bands.getOrDefault(sample, Map.of());
    }

    Optional<String> description(int sample) {
        return Optional.ofNullable(band(sample).get("description")).filter(s -> !s.isBlank());
    }

    Optional<String> unit(int sample) {
        return Optional.ofNullable(band(sample).get("unittype")).filter(s -> !s.isBlank());
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) return s;
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#10;", "\n").replace("&amp;", "&");
    }
}
