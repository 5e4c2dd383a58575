package eu.ai4c.vector.etl;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of cleansing actions per feature class and {@link CleanseReason}.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe.
 */
public final class CleanseLog {
    private final Map<String, EnumMap<CleanseReason, Long>> counts = new TreeMap<>();

    void add(String featureClass, CleanseReason reason) {
        counts.computeIfAbsent(featureClass, k -> new EnumMap<>(CleanseReason.class)).merge(reason, 1L, Long::sum);
    }

    /** The count for one class and reason (0 when none). */
    public long count(String featureClass, CleanseReason reason) {
        EnumMap<CleanseReason, Long> m = counts.get(featureClass);
        return m == null ? 0 : m.getOrDefault(reason, 0L);
    }

    /** The total per reason over all classes. */
    public Map<CleanseReason, Long> totals() {
        EnumMap<CleanseReason, Long> t = new EnumMap<>(CleanseReason.class);
        for (EnumMap<CleanseReason, Long> m : counts.values()) m.forEach((r, n) -> t.merge(r, n, Long::sum));
        return t;
    }

    /** class → reason → count, read-only view. */
    public Map<String, EnumMap<CleanseReason, Long>> byClass() {
        return java.util.Collections.unmodifiableMap(counts);
    }
}
