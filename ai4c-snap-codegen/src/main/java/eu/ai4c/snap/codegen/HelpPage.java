package eu.ai4c.snap.codegen;

import eu.ai4c.kit.op.EnabledWhen;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.snap.AdapterNames;

/** The JavaHelp page of one operator, from its descriptor. */
final class HelpPage {

    private HelpPage() {
    }

    /** @param files whether the operator writes files into an output folder (a file-operator adapter) */
    static String html(OperatorDescriptor d, boolean files) {
        String alias = AdapterNames.snapAlias(d.alias());
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html>\n<head>\n")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n")
                .append("<title>").append(esc(d.label())).append("</title>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(d.label())).append(" (").append(alias).append(")</h1>\n");
        sb.append("<p>").append(esc(d.description())).append("</p>\n");
        sb.append("<p>Menu: <b>").append(esc(AdapterNames.snapCategory(d.category())).replace("/", " &gt; "))
                .append(" &gt; ").append(esc(d.label())).append("</b>. The same operator runs as <code>ai4c ")
                .append(esc(d.alias())).append("</code> on the command line and as <code>").append(alias)
                .append("</code> in <code>gpt</code> and the Graph Builder.</p>\n");
        sb.append("<h2>Source products</h2>\n<ul>\n");
        for (SourceDescriptor s : d.sources()) {
            sb.append("<li><b>").append(esc(s.name())).append("</b>").append(s.optional() ? " (optional)" : "")
                    .append(": ").append(esc(s.description())).append("</li>\n");
        }
        sb.append("</ul>\n<h2>Parameters</h2>\n<table border=\"1\" cellpadding=\"3\">\n")
                .append("<tr><th>Name</th><th>Label</th><th>Default</th><th>Allowed values</th><th>Unit</th><th>Description</th></tr>\n");
        for (ParameterDescriptor p : d.parameters()) {
            String allowed = !p.valueSet().isEmpty() ? String.join(", ", p.valueSet())
                    : p.interval() != null ? p.interval().toString() : "";
            sb.append("<tr><td><code>").append(esc(p.name())).append("</code></td><td>").append(esc(p.label()))
                    .append("</td><td>").append(p.defaultValue() == null ? (p.required() ? "required" : "&nbsp;") : esc(p.defaultValue()))
                    .append("</td><td>").append(esc(allowed)).append("</td><td>").append(esc(p.unit()))
                    .append("</td><td>").append(esc(p.description())).append(esc(condition(p))).append("</td></tr>\n");
        }
        if (files) {
            sb.append("<tr><td><code>outputDir</code></td><td>Output folder</td><td>required</td><td>&nbsp;</td>"
                    + "<td>&nbsp;</td><td>Folder the files are written into; created if missing.</td></tr>\n");
            sb.append("</table>\n<h2>Output</h2>\n<p>The files described above, written into <code>outputDir</code> "
                    + "when the graph or dialog runs (not when a graph is only initialised or checked); a failed run "
                    + "leaves no partial files. The target product is a one-pixel summary: band <code>")
                    .append(AdapterNames.SUMMARY_BAND).append("</code> holds the number of files, metadata "
                    + "element <code>").append(AdapterNames.SUMMARY_ELEMENT)
                    .append("</code> names the folder and each file.</p>\n");
            sb.append("<h2>Example</h2>\n<pre>\ngpt ").append(alias);
            for (ParameterDescriptor p : d.parameters()) {
                if (p.required()) sb.append(" \\\n    -P").append(p.name()).append("=&lt;").append(esc(p.label().toLowerCase())).append("&gt;");
            }
            sb.append(" \\\n    -PoutputDir=&lt;folder&gt; -t &lt;folder&gt;/summary.dim\n</pre>\n<p>Command line: <code>ai4c ")
                    .append(esc(d.alias())).append(" --help</code> lists the same parameters.</p>\n");
            sb.append("</body>\n</html>\n");
            return sb.toString();
        }
        sb.append("</table>\n<h2>Output</h2>\n<p>A product with the bands the operator computes (float32 unless "
                + "stated), their no-data value and unit, the map geo-coding of the result, and metadata: the "
                + "source product's, with the processing recorded in an <code>AI4C</code> element. Nothing is written until "
                + "the product is saved or passed to a Write node; tiles are computed on demand.</p>\n");
        sb.append("<h2>Example</h2>\n<pre>\ngpt ").append(alias);
        for (SourceDescriptor s : d.sources()) sb.append(" -S").append(s.name()).append("=&lt;").append(s.name()).append(" product&gt;");
        for (ParameterDescriptor p : d.parameters()) {
            if (p.defaultValue() != null) {
                sb.append(" \\\n    -P").append(p.name()).append("=").append(esc(p.defaultValue().contains(" ") ? "\"" + p.defaultValue() + "\"" : p.defaultValue()));
                break;
            }
        }
        sb.append(" \\\n    -t &lt;output&gt;.dim\n</pre>\n<p>Command line: <code>ai4c ").append(esc(d.alias())).append(" --help</code> lists the same parameters.</p>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** " (only when filter is Frost)": the parameter's "enabled when" relations, with graph parameter names. */
    private static String condition(ParameterDescriptor p) {
        StringBuilder sb = new StringBuilder();
        for (EnabledWhen c : p.enabledWhen()) {
            sb.append(sb.length() == 0 ? " (only when " : "; ").append(c.parameter()).append(" is ")
                    .append(c.valuesText());
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }
}
