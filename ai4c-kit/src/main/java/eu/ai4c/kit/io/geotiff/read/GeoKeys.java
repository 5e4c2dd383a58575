package eu.ai4c.kit.io.geotiff.read;

import eu.ai4c.kit.io.geotiff.TiffTags;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The GeoKey directory of a GeoTIFF (OGC GeoTIFF 1.1, section 7.1): key id → value, where a value
 * is a SHORT stored in the directory, doubles from GeoDoubleParams or text from GeoAsciiParams
 * (the trailing '|' removed). Immutable.
 */
final class GeoKeys {
    private final Map<Integer, Object> values;

    private GeoKeys(Map<Integer, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The keys of a directory; empty when it has no GeoKeyDirectory tag. Malformed entries are skipped. */
    static GeoKeys of(TiffDirectory dir) {
        Map<Integer, Object> map = new TreeMap<>();
        Optional<TiffField> directory = dir.field(TiffTags.GEO_KEY_DIRECTORY);
        if (directory.isEmpty()) return new GeoKeys(map);
        long[] d = directory.get().longs();
        double[] doubles = dir.field(TiffTags.GEO_DOUBLE_PARAMS).map(TiffField::doubles).orElse(new double[0]);
        String ascii = dir.field(TiffTags.GEO_ASCII_PARAMS).map(TiffField::text).orElse("");
        int n = d.length >= 4 ? (int) d[3] : 0;
        for (int i = 0; i < n && 4 + 4 * i + 3 < d.length; i++) {
            int p = 4 + 4 * i;
            int key = (int) d[p], location = (int) d[p + 1], count = (int) d[p + 2], value = (int) d[p + 3];
            if (location == 0) {
                map.put(key, value);
            } else if (location == TiffTags.GEO_DOUBLE_PARAMS && value >= 0 && value + count <= doubles.length) {
                double[] v = new double[count];
                System.arraycopy(doubles, value, v, 0, count);
                map.put(key, v);
            } else if (location == TiffTags.GEO_ASCII_PARAMS && value >= 0 && value + count <= ascii.length() + 1) {
                String s = ascii.substring(value, Math.min(ascii.length(), value + count));
                while (s.endsWith("|") || s.endsWith("\0")) s = s.substring(0, s.length() - 1);
                map.put(key, s);
            } else if (location == TiffTags.GEO_KEY_DIRECTORY && value >= 0 && value < d.length) {
                map.put(key, (int) d[value]);
            }
        }
        return new GeoKeys(map);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean has(int key) {
        return values.containsKey(key);
    }

    /** A SHORT-valued key (codes). */
    OptionalInt code(int key) {
        Object v = values.get(key);
        return v instanceof Integer i ? OptionalInt.of(i) : OptionalInt.empty();
    }

    /** A numeric key: the first double, or a SHORT value. */
    OptionalDouble number(int key) {
        Object v = values.get(key);
        if (v instanceof double[] d && d.length > 0) return OptionalDouble.of(d[0]);
        if (v instanceof Integer i) return OptionalDouble.of(i);
        return OptionalDouble.empty();
    }

    Optional<String> text(int key) {
        Object v = values.get(key);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** All keys for the metadata tree, values printed. */
    Map<Integer, String> printable() {
        Map<Integer, String> m = new TreeMap<>();
        values.forEach((k, v) -> m.put(k, v instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(v)));
        return m;
    }
}
