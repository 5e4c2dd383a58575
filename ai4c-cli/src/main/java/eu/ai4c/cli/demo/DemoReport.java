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

/**
 * Writes the demo's {@code index.html}, laid out for reading on a laptop screen: one section per
 * step with its quick-looks first (side by side, each at most half the page wide, scaled to fit),
 * then what was run and what to look at, then the output files with their paths wrapped. Nothing
 * is wider than the window, whatever the length of the paths.
 */
public final class DemoReport {
    private static final String STYLE = String.join("",
            "body{font-family:sans-serif;margin:0 auto;padding:1em 2em;max-width:1200px;line-height:1.4}",
            "section{border-top:1px solid #ccc;padding:.5em 0 1em}",
            "h2{font-size:1.25em;margin:.4em 0}h2 .time{font-weight:normal;color:#666;font-size:.8em}",
            ".looks{display:flex;flex-wrap:wrap;gap:12px;margin:.5em 0}",
            "figure{margin:0;flex:1 1 280px;max-width:calc(50% - 6px);min-width:0}",
            "figure img{display:block;max-width:100%;max-height:60vh;width:auto;height:auto;background:#eee;image-rendering:pixelated}",
            "figcaption{font-size:.8em;color:#555;overflow-wrap:anywhere}",
            "ul.outputs{padding-left:1.2em;font-family:monospace;font-size:.85em}",
            "ul.outputs li,p{overflow-wrap:anywhere}.failed{color:#b00}");

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
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>AI4C demo</title>\n<style>").append(STYLE).append("</style>\n</head><body>\n")
                .append("<h1>AI4C demo</h1>\n<p>Generated ")
                .append(escape(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)))
                .append(". ").append(records.size()).append(" step(s), ")
                .append(records.stream().filter(Demo.StepRecord::failed).count()).append(" failed.</p>\n");
        if (records.isEmpty()) sb.append("<p>No demo steps are registered.</p>\n");
        for (Demo.StepRecord r : records) section(sb, outDir, r);
        return sb.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder sb, Path outDir, Demo.StepRecord r) {
        sb.append("<section id=\"").append(escape(r.name())).append("\">\n<h2>").append(escape(r.name()))
                .append(" <span class=\"time\">").append(String.format(Locale.ROOT, "%.1f s", r.seconds()))
                .append("</span></h2>\n");
        if (r.failed()) {
            sb.append("<p class=\"failed\">Failed: ").append(escape(r.error())).append("</p>\n</section>\n");
            return;
        }
        if (!r.outcome().quickLooks().isEmpty()) {
            sb.append("<div class=\"looks\">\n");
            for (Path p : r.outcome().quickLooks()) {
                String rel = relative(outDir, p);
                String name = escape(p.getFileName().toString());
                sb.append("<figure><a href=\"").append(escape(rel)).append("\"><img src=\"").append(escape(rel))
                        .append("\" alt=\"").append(name).append("\"></a><figcaption>").append(name)
                        .append("</figcaption></figure>\n");
            }
            sb.append("</div>\n");
        }
        sb.append("<p>").append(escape(r.outcome().description())).append("</p>\n");
        if (!r.outcome().outputs().isEmpty()) {
            sb.append("<ul class=\"outputs\">\n");
            for (Path p : r.outcome().outputs()) {
                String rel = relative(outDir, p);
                sb.append("<li><a href=\"").append(escape(rel)).append("\">").append(escape(rel)).append("</a></li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("</section>\n");
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
