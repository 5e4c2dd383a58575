package eu.ai4c.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The root usage lists tool commands and services separately, each with its one-line header. */
final class RootHelp {

    private RootHelp() {
    }

    /** Installs the two lists in place of picocli's single command list. */
    static void install(CommandLine root) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = root.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, RootHelp::render);
    }

    private static String render(Help help) {
        List<String[]> tools = new ArrayList<>(), services = new ArrayList<>();
        int width = 0;
        for (Map.Entry<String, Help> e : help.subcommands().entrySet()) {
            CommandLine.Model.CommandSpec spec = e.getValue().commandSpec();
            if (spec.usageMessage().hidden()) continue;
            String[] header = spec.usageMessage().header();
            String[] row = {e.getKey(), header.length == 0 ? "" : header[0].replace("%%", "%")};
            (spec.userObject() instanceof OperatorCommand || spec.userObject() instanceof ServiceCommand ? services : tools)
                    .add(row);
            width = Math.max(width, e.getKey().length());
        }
        StringBuilder sb = new StringBuilder();
        section(sb, "Commands:", tools, width);
        section(sb, "Services:", services, width);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String heading, List<String[]> rows, int width) {
        if (rows.isEmpty()) return;
        sb.append(heading).append(System.lineSeparator());
        for (String[] r : rows) {
            sb.append("  ").append(r[0]).append(" ".repeat(width - r[0].length() + 2)).append(r[1])
                    .append(System.lineSeparator());
        }
    }
}
