package eu.ai4c.cli;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Help lines for descriptor-driven options. Stateless. */
final class HelpText {

    private HelpText() {
    }

    /**
     * The help of one parameter: its description, then {@code Default: …}, {@code Values: …},
     * {@code Range: …} and {@code Unit: …} lines for what the descriptor declares; a parameter that
     * applies only for some values of another says so after its description
     * ({@code (only with --speckle Frost)}).
     */
    static String[] describe(OperatorDescriptor d, ParameterDescriptor p) {
        List<String> lines = new ArrayList<>();
        String condition = d.conditionText(p);
        lines.add((p.description().isEmpty() ? p.label() + "." : p.description())
                + (condition.isEmpty() ? "" : " (" + condition + ")"));
        if (p.defaultValue() != null) lines.add("Default: " + p.defaultValue());
        else if (p.required()) lines.add("Required.");
        if (!p.valueSet().isEmpty()) lines.add("Values: " + String.join(", ", p.valueSet()));
        if (p.interval() != null) lines.add("Range: " + p.interval() + (p.unit().isEmpty() ? "" : " " + p.unit()));
        else if (!p.unit().isEmpty()) lines.add("Unit: " + p.unit());
        return lines.stream().map(HelpText::escape).toArray(String[]::new);
    }

    /** {@code <number>}, {@code <a|b|c>} for short value sets, {@code <list>}, … */
    static String paramLabel(ParameterDescriptor p) {
        String label = switch (p.type()) {
            case INTEGER -> "int";
            case DOUBLE -> "number";
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", p.valueSet());
            case STRING_LIST -> p.valueSet().isEmpty() ? "list" : "a,b,...";
            case DOUBLE_LIST -> "x,y,...";
            case PATH -> "path";
            case GEOMETRY -> "WKT|file";
            case PROJECTION -> "crs";
            case STRING -> "text";
        };
        if (p.type() == eu.ai4c.kit.op.ParameterType.CHOICE && label.length() > 30) label = "value";
        return "<" + escape(label) + ">";
    }

    /** Text for picocli help: {@code %} and <code>${</code> are picocli syntax, so escape them. */
    static String escape(String text) {
        return text.replace("%", "%%").replace("${", "$${");
    }
}
