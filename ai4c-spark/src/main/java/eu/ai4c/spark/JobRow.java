package eu.ai4c.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One job of a manifest: the service and its command-line options by name without the dashes
 * ({@code input}, {@code output_path}, {@code resolution}), empty cells dropped (the service's
 * default applies). Immutable; serialisable so that Spark ships it to an executor.
 *
 * @param row     1-based number of the job in the manifest (data rows, the header not counted)
 * @param service the service's command name, e.g. {@code S1-GRD-preprocess}
 * @param options option name to value, in manifest order
 */
public record JobRow(int row, String service, Map<String, String> options) implements Serializable {
    public JobRow {
        options = new LinkedHashMap<>(options);
    }

    @Override
    public Map<String, String> options() {
        return java.util.Collections.unmodifiableMap(options);
    }

    /** The same job with one option set (or replaced). */
    public JobRow with(String option, String value) {
        Map<String, String> m = new LinkedHashMap<>(options);
        m.put(option, value);
        return new JobRow(row, service, m);
    }

    /**
     * The command line of this job, as a user would type it after {@code ai4c}: the service, then
     * {@code --name=value} per option (the {@code =} form keeps values that start with a dash whole).
     */
    public List<String> commandLine() {
        List<String> a = new ArrayList<>();
        a.add(service);
        for (Map.Entry<String, String> e : options.entrySet()) a.add("--" + e.getKey() + "=" + e.getValue());
        return a;
    }

    /** The output location named by the row ({@code output_path}, {@code output_dir} or their kebab-case forms), or null. */
    public String output() {
        String k = outputOption();
        return k == null ? null : options.get(k);
    }

    /** The option that names the output ({@code output_path}, {@code output_dir} or their kebab-case forms), or null. */
    public String outputOption() {
        for (String k : List.of("output_path", "output-path", "output_dir", "output-dir")) {
            if (options.containsKey(k)) return k;
        }
        return null;
    }

    /** Whether the output is a folder of products ({@code output_dir}, or an {@code output_path} ending in a separator). */
    public boolean outputIsFolder() {
        String k = outputOption();
        return k != null && (k.startsWith("output_dir") || k.startsWith("output-dir") || options.get(k).endsWith("/"));
    }
}
