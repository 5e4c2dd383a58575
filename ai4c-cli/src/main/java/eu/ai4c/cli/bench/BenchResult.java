package eu.ai4c.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured case, printed as one JSON line:
 * {@code {"name":…, "input":"10980x10980x4 uint16", "seconds":…, "peer":"gdalwarp",
 * "peer_seconds":…, "ratio":…, …extra}}. {@code ratio} is {@code seconds / peer_seconds}: below 1
 * means AI4C is faster than the peer. Immutable.
 *
 * @param name        case name
 * @param input       what was processed, e.g. {@code 10980x10980x4 uint16}
 * @param seconds     AI4C wall-clock time in seconds
 * @param peer        what AI4C is compared with, or null when there is no peer
 * @param peerSeconds the peer's wall-clock time in seconds (NaN without peer)
 * @param extra       further fields (memory, threads, checks), in order
 */
public record BenchResult(String name, String input, double seconds, String peer, double peerSeconds,
                          Map<String, Object> extra) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BenchResult {
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * A result whose extra fields are AI4C's memory figures followed by {@code extra}.
     *
     * @param peer null when there is no peer (then {@code peerSeconds} is ignored)
     */
    public static BenchResult of(String name, String input, BenchContext.Measured ours, String peer, double peerSeconds,
                                 Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>(ours.memory());
        m.putAll(extra);
        return new BenchResult(name, input, ours.seconds(), peer, peer == null ? Double.NaN : peerSeconds, m);
    }

    /** {@code seconds / peerSeconds}, NaN without peer. */
    public double ratio() {
        return peer == null || !(peerSeconds > 0) ? Double.NaN : seconds / peerSeconds;
    }

    /** Whether the case failed: its {@code pass} field is false (cases without one pass). */
    public boolean failed() {
        return Boolean.FALSE.equals(extra.get("pass"));
    }

    /** A copy with more extra fields. */
    public BenchResult with(Map<String, Object> more) {
        Map<String, Object> m = new LinkedHashMap<>(extra);
        m.putAll(more);
        return new BenchResult(name, input, seconds, peer, peerSeconds, m);
    }

    /** The result as one line of JSON. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("input", input);
        m.put("seconds", round(seconds));
        if (peer != null) {
            m.put("peer", peer);
            m.put("peer_seconds", round(peerSeconds));
            m.put("ratio", round(ratio()));
        }
        m.putAll(extra);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Benchmark result not serialisable: " + m, e);
        }
    }

    private static Object round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null;
    }
}
