package eu.ai4c.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a job manifest: CSV with a header line (RFC 4180 quoting), or JSON lines (one object per
 * line; chosen when the first non-blank character is <code>{</code>). A {@code service} column
 * names the service; every other column is a command-line option of it without the dashes
 * ({@code input}, {@code output_path}, {@code resolution}); an empty cell (or a JSON null) means
 * the option's default. Lines that are blank or start with {@code #} are ignored. An option whose
 * value is a glob makes its line one job per matching file or folder ({@link #expand}); consecutive
 * pairs ({@code @next}) and tiles × years of a line are {@link SeriesExpansion}'s. Stateless.
 */
public final class JobManifest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobManifest() {
    }

    /**
     * The jobs of a manifest file.
     *
     * @throws Ai4cException naming the manifest and line when it cannot be read as a manifest
     */
    public static List<JobRow> read(Path manifest) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            throw Ai4cException.usage("Manifest " + manifest + " does not exist: check the path given to --manifest.");
        }
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        String first = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .findFirst().orElseThrow(() -> Ai4cException.usage("Manifest " + manifest
                        + " is empty: write a header line with a 'service' column and one line per job."));
        return first.startsWith("{") ? jsonLines(manifest, lines) : csv(manifest, lines);
    }

    private static List<JobRow> jsonLines(Path manifest, List<String> lines) {
        List<JobRow> jobs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            JsonNode o;
            try {
                o = JSON.readTree(l);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw Ai4cException.usage("Manifest " + manifest + " line " + (i + 1) + " is not a JSON object: "
                        + e.getOriginalMessage() + ". Write one JSON object per line.");
            }
            if (!o.isObject()) {
                throw Ai4cException.usage("Manifest " + manifest + " line " + (i + 1) + " is not a JSON object.");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (v.isContainerNode()) {
                    throw Ai4cException.usage("Manifest " + manifest + " line " + (i + 1) + ": the value of '"
                            + f.getKey() + "' is " + (v.isArray() ? "an array" : "an object")
                            + "; write it as the command line takes it, e.g. \"VV,VH\".");
                }
                cells.put(f.getKey(), v.isNull() ? "" : v.asText());
            }
            jobs.addAll(expand(manifest, i + 1, job(manifest, i + 1, jobs.size() + 1, cells), jobs.size() + 1));
        }
        return jobs;
    }

    private static List<JobRow> csv(Path manifest, List<String> lines) {
        List<JobRow> jobs = new ArrayList<>();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.strip().startsWith("#")) continue;
            int lineNo = i + 1;
            List<String> fields = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            // a quoted cell may hold line breaks: keep reading lines until its quote closes
            while (true) {
                for (int k = 0; k < l.length(); k++) {
                    char c = l.charAt(k);
                    if (quoted) {
                        if (c == '"' && k + 1 < l.length() && l.charAt(k + 1) == '"') {
                            cell.append('"');
                            k++;
                        } else if (c == '"') {
                            quoted = false;
                        } else {
                            cell.append(c);
                        }
                    } else if (c == '"' && cell.isEmpty()) {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(cell.toString().strip());
                        cell.setLength(0);
                    } else {
                        cell.append(c);
                    }
                }
                if (!quoted) break;
                if (++i >= lines.size()) {
                    throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo
                            + ": a quoted cell is not closed. Close it with \".");
                }
                cell.append('\n');
                l = lines.get(i);
            }
            fields.add(cell.toString().strip());
            if (header == null) {
                header = new ArrayList<>();
                for (String h : fields) header.add(h);
                if (!header.contains("service")) {
                    throw Ai4cException.usage("Manifest " + manifest + " has no 'service' column in its header line "
                            + header + ". Name the service of each job in a column 'service'.");
                }
                continue;
            }
            if (fields.size() > header.size()) {
                throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + " has " + fields.size()
                        + " cells, the header " + header.size() + ": quote cells that contain commas.");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int k = 0; k < fields.size(); k++) cells.put(header.get(k), fields.get(k));
            jobs.addAll(expand(manifest, lineNo, job(manifest, lineNo, jobs.size() + 1, cells), jobs.size() + 1));
        }
        if (header == null) throw Ai4cException.usage("Manifest " + manifest + " has no header line.");
        return jobs;
    }

    /**
     * One job per match when an option's value is a glob ({@code /data/S1*_GRDH_*.zip}, {@code /data/**.SAFE}):
     * files and folders matching it, in name order; the job's output must then be a folder
     * ({@code output_dir}), where each product is written under its own name.
     */
    static List<JobRow> expand(Path manifest, int lineNo, JobRow job, int firstRow) {
        if (SeriesExpansion.tilesOrYears(job)) {
            requireOutputDir(manifest, lineNo, job, "tile=* or a range of season_start years");
            return rows(job, firstRow, SeriesExpansion.tilesAndYears(manifest, lineNo, job.options()));
        }
        String globbed = null;
        for (Map.Entry<String, String> e : job.options().entrySet()) {
            if (e.getValue().matches(".*[*?].*")) {
                if (globbed != null) {
                    throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + " has globs in '" + globbed
                            + "' and '" + e.getKey() + "': expand one option per line.");
                }
                globbed = e.getKey();
            }
        }
        if (globbed == null) {
            if (SeriesExpansion.pairs(job)) {
                throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + ": " + SeriesExpansion.NEXT
                        + " pairs each match of a glob with the next one, but no option is a glob (e.g. input1="
                        + "/data/S2*_MSIL2A_*.zip).");
            }
            return List.of(job);
        }
        requireOutputDir(manifest, lineNo, job, "'" + globbed + "' is a glob");
        String pattern = job.options().get(globbed);
        List<Path> matches = glob(pattern);
        if (matches.isEmpty()) {
            throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + ": no file or folder matches '"
                    + globbed + "' " + pattern + ". Check the pattern.");
        }
        if (SeriesExpansion.pairs(job)) {
            return rows(job, firstRow, SeriesExpansion.consecutivePairs(manifest, lineNo, job.options(), globbed,
                    matches));
        }
        List<JobRow> out = new ArrayList<>();
        for (Path m : matches) {
            out.add(new JobRow(firstRow + out.size(), job.service(), job.options()).with(globbed, m.toString()));
        }
        return out;
    }

    private static void requireOutputDir(Path manifest, int lineNo, JobRow job, String why) {
        if (!job.options().containsKey("output_dir") && !job.options().containsKey("output-dir")) {
            throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + ": " + why + ", so the line is many"
                    + " jobs: give them a folder in 'output_dir' instead of 'output_path'.");
        }
    }

    private static List<JobRow> rows(JobRow job, int firstRow, List<Map<String, String>> options) {
        List<JobRow> out = new ArrayList<>();
        for (Map<String, String> o : options) out.add(new JobRow(firstRow + out.size(), job.service(), o));
        return out;
    }

    private static List<Path> glob(String pattern) {
        // the folder to walk: the path up to the first segment with a wildcard
        String[] parts = pattern.replace('\\', '/').split("/", -1);
        StringBuilder base = new StringBuilder();
        int depth = 0;
        boolean inGlob = false;
        for (int i = 0; i < parts.length; i++) {
            if (!inGlob && parts[i].matches(".*[*?].*")) inGlob = true;
            if (inGlob) depth++;
            else if (i < parts.length - 1) base.append(parts[i]).append('/');
        }
        Path root = Path.of(base.length() == 0 ? "." : base.toString());
        java.nio.file.PathMatcher matcher = root.getFileSystem().getPathMatcher("glob:" + pattern);
        int maxDepth = pattern.contains("**") ? Integer.MAX_VALUE : depth;
        if (!Files.isDirectory(root)) return List.of();
        try (java.util.stream.Stream<Path> s = Files.walk(root, maxDepth)) {
            return s.filter(p -> matcher.matches(base.length() == 0 ? root.relativize(p) : p)).sorted().toList();
        } catch (IOException e) {
            throw new Ai4cException("Cannot list " + root + " for the pattern " + pattern + ": " + e.getMessage(), e);
        }
    }

    private static JobRow job(Path manifest, int lineNo, int row, Map<String, String> cells) {
        String service = cells.getOrDefault("service", "").strip();
        if (service.isEmpty()) {
            throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + " names no service: fill its 'service' cell.");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cells.entrySet()) {
            String name = e.getKey().strip().replaceFirst("^-+", "");
            if (name.equals("service") || e.getValue() == null || e.getValue().isBlank()) continue;
            if (name.isEmpty() || name.toLowerCase(Locale.ROOT).matches(".*\\s.*")) {
                throw Ai4cException.usage("Manifest " + manifest + ": column '" + e.getKey() + "' is not an option name.");
            }
            options.put(name, e.getValue().strip());
        }
        return new JobRow(row, service, options);
    }
}
