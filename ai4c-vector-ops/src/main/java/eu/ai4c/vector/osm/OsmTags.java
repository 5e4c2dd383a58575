package eu.ai4c.vector.osm;

import java.util.Arrays;

/**
 * The tags of the OSM object being delivered to an {@link OsmHandler}: a reused view, valid
 * only during the callback (copy what you keep with {@link #copy()}).
 *
 * <h2>Thread-safety</h2>
 * Mutable; owned by one reader.
 */
public final class OsmTags {
    private String[] keys = new String[16];
    private String[] values = new String[16];
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public String key(int i) {
        return keys[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** The value of {@code key}, or null. */
    public String get(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) return values[i];
        }
        return null;
    }

    /** An immutable copy of these tags. */
    public OsmTags copy() {
        OsmTags t = new OsmTags();
        t.keys = Arrays.copyOf(keys, size);
        t.values = Arrays.copyOf(values, size);
        t.size = size;
        return t;
    }

    void clear() {
        size = 0;
    }

    void add(String key, String value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) sb.append(", ");
            sb.append(keys[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
