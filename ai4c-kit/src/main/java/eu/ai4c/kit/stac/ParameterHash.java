package eu.ai4c.kit.stac;

import eu.ai4c.kit.op.ParameterValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fingerprint of one run's request: service, inputs (absolute paths) and validated parameters
 * (defaults filled in), so that "the same job" means the same thing to the STAC item that records
 * it and to a batch that decides whether a job is already done. SHA-256 of a canonical text with
 * names sorted. Stateless.
 */
public final class ParameterHash {
    private ParameterHash() {
    }

    /** Lower-case hex SHA-256 of {@link #canonical}. */
    public static String of(String service, Map<String, Path> inputs, ParameterValues params) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical(service, inputs, params)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** One line per item: {@code service=…}, then {@code input.<name>=…}, then {@code <parameter>=…}, each group sorted. */
    public static String canonical(String service, Map<String, Path> inputs, ParameterValues params) {
        StringBuilder sb = new StringBuilder("service=").append(service).append('\n');
        for (Map.Entry<String, Path> e : new TreeMap<>(inputs).entrySet()) {
            sb.append("input.").append(e.getKey()).append('=').append(text(e.getValue())).append('\n');
        }
        for (Map.Entry<String, String> e : texts(params).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    /** The parameters as text, sorted by name: paths absolute, lists comma-separated. */
    public static Map<String, String> texts(ParameterValues params) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : params.asMap().entrySet()) out.put(e.getKey(), text(e.getValue()));
        return out;
    }

    static String text(Object v) {
        if (v instanceof Path p) return p.toAbsolutePath().normalize().toString();
        if (v instanceof double[] d) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < d.length; i++) sb.append(i == 0 ? "" : ",").append(d[i]);
            return sb.toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : ",").append(l.get(i));
            return sb.toString();
        }
        return String.valueOf(v);
    }
}
