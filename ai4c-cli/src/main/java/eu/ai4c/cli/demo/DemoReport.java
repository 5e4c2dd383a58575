package eu.ai4c.cli.demo;

import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes the demo's {@code index.html}: a title, a table of steps with timings, links and quick-looks. */
public final class DemoReport {

    private DemoReport() {
    }

    /** Writes {@code outDir/index.html} (atomically) and returns its path. */
    public static Path write(Path outDir, List<Demo.StepRecord> records) throws IOException {
        Path index = outDir.resolve("index.html");
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(index);
            Files.writeString(tmp, html(outDir, records), StandardCharsets.UTF_8);
            out.commit();
        }
        return index;
    }

    static String html(Path outDir, List<Demo.StepRecord> records) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>AI4C demo</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.4em;vertical-align:top}")
                .append("img{max-width:320px;margin:2px;background:#eee}.failed{color:#b00}</style>\n</head><body>\n")
                .append("<h1>AI4C demo</h1>\n<p>Generated ")
                .append(escape(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)))
                .append(". ").append(records.size()).append(" step(s), ")
                .append(records.stream().filter(Demo.StepRecord::failed).count()).append(" failed.</p>\n");
        if (records.isEmpty()) {
            sb.append("<p>No demo steps are registered.</p>\n");
        } else {
            sb.append("<table>\n<tr><th>Step</th><th>Time</th><th>Description</th><th>Outputs</th><th>Quick-looks</th></tr>\n");
            for (Demo.StepRecord r : records) row(sb, outDir, r);
            sb.append("</table>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder sb, Path outDir, Demo.StepRecord r) {
        sb.append("<tr><td>").append(escape(r.name())).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.1f s", r.seconds())).append("</td>");
        if (r.failed()) {
            sb.append("<td class=\"failed\" colspan=\"3\">Failed: ").append(escape(r.error())).append("</td></tr>\n");
            return;
        }
        sb.append("<td>").append(escape(r.outcome().description())).append("</td><td>");
        for (Path p : r.outcome().outputs()) {
            String rel = relative(outDir, p);
            sb.append("<a href=\"").append(escape(rel)).append("\">").append(escape(rel)).append("</a><br>");
        }
        sb.append("</td><td>");
        for (Path p : r.outcome().quickLooks()) {
            String rel = relative(outDir, p);
            sb.append("<a href=\"").append(escape(rel)).append("\"><img src=\"").append(escape(rel))
                    .append("\" alt=\"").append(escape(p.getFileName().toString())).append("\"></a>");
        }
        sb.append("</td></tr>\n");
    }

    /** Link target relative to the report, with forward slashes. */
    static String relative(Path outDir, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path base = outDir.toAbsolutePath().normalize();
        String rel = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toUri().toString();
        return rel.replace('\\', '/');
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
