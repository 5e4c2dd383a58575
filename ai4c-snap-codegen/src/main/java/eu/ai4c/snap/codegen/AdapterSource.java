package eu.ai4c.snap.codegen;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.snap.AdapterNames;
import java.util.List;

/** The Java source of one SNAP adapter class: GPF annotations and fields from the engine descriptor. */
final class AdapterSource {

    private AdapterSource() {
    }

    /**
     * @param files        whether the engine operator writes files: the adapter then extends
     *                     {@code FileOperatorAdapter} and adds the output-folder parameter
     * @param nativeSource whether the engine reads the source product's file itself
     *                     ({@code NativeSourceAdapter})
     */
    static String java(OperatorDescriptor d, String engineClass, boolean files, boolean nativeSource) {
        StringBuilder sb = new StringBuilder();
        String cls = AdapterNames.className(d.alias());
        String base = files ? "FileOperatorAdapter" : nativeSource ? "NativeSourceAdapter" : "EngineOperatorAdapter";
        sb.append("// Generated from the engine descriptor of ").append(d.alias())
                .append(" by eu.ai4c.snap.codegen.SnapBindingSources; do not edit.\n");
        sb.append("package eu.ai4c.snap.op;\n\n");
        sb.append("import eu.ai4c.snap.").append(base).append(";\n");
        if (files || d.parameters().stream().anyMatch(p -> AdapterNames.javaType(p.type()) == java.io.File.class)) {
            sb.append("import java.io.File;\n");
        }
        if (!d.sources().isEmpty()) sb.append("import org.esa.snap.core.datamodel.Product;\n");
        sb.append("import org.esa.snap.core.gpf.OperatorSpi;\n");
        sb.append("import org.esa.snap.core.gpf.annotations.OperatorMetadata;\n");
        sb.append("import org.esa.snap.core.gpf.annotations.Parameter;\n");
        sb.append(d.sources().isEmpty() ? "\n" : "import org.esa.snap.core.gpf.annotations.SourceProduct;\n\n");
        sb.append("/**\n * SNAP operator {@code ").append(AdapterNames.snapAlias(d.alias())).append("}: the engine's {@code ")
                .append(d.alias()).append("} ({@link ").append(engineClass).append("}).\n")
                .append(" * Fields mirror the engine descriptor").append(files ? ", plus the output folder" : "")
                .append("; {@link ").append(base).append("} does the work.\n")
                .append(nativeSource ? " * The engine reads the product file itself: the source must be the product as opened from its file.\n" : "")
                .append(" */\n");
        sb.append("@OperatorMetadata(alias = \"").append(AdapterNames.snapAlias(d.alias())).append("\",\n")
                .append("        category = \"").append(AdapterNames.snapCategory(d.category())).append("\",\n")
                .append("        label = ").append(q(d.label())).append(",\n")
                .append("        version = \"1.0\", authors = \"AI4Copernicus\", copyright = \"AI4Copernicus\",\n")
                .append("        description = ").append(q(d.summary())).append(")\n");
        sb.append("public final class ").append(cls).append(" extends ").append(base).append(" {\n\n");
        for (SourceDescriptor s : d.sources()) {
            sb.append("    @SourceProduct(alias = ").append(q(s.name())).append(", label = ").append(q(s.label()))
                    .append(", description = ").append(q(s.description()))
                    .append(s.optional() ? ", optional = true" : "").append(")\n");
            sb.append("    Product ").append(s.name()).append(";\n\n");
        }
        for (ParameterDescriptor p : d.parameters()) {
            sb.append("    @Parameter(");
            StringBuilder a = new StringBuilder();
            if (p.defaultValue() != null) a.append("defaultValue = ").append(q(p.defaultValue())).append(", ");
            if (!p.valueSet().isEmpty()) {
                a.append("valueSet = {");
                List<String> vs = p.valueSet();
                for (int i = 0; i < vs.size(); i++) a.append(i > 0 ? ", " : "").append(q(vs.get(i)));
                a.append("}, ");
            }
            if (p.interval() != null) a.append("interval = ").append(q(p.interval().toString())).append(", ");
            if (!p.unit().isEmpty()) a.append("unit = ").append(q(p.unit())).append(", ");
            if (p.required()) a.append("notNull = true, ");
            a.append("label = ").append(q(p.label())).append(",\n            description = ").append(q(p.description()));
            sb.append(a).append(")\n");
            sb.append("    ").append(AdapterNames.javaType(p.type()).getSimpleName()).append(' ').append(p.name()).append(";\n\n");
        }
        if (files) {
            sb.append("    @Parameter(notNull = true, label = \"Output folder\",\n")
                    .append("            description = \"Folder the files are written into; created if missing.\")\n")
                    .append("    File ").append(AdapterNames.OUTPUT_DIR).append(";\n\n");
        }
        sb.append("    public ").append(cls).append("() {\n    }\n\n");
        sb.append("    /** Registers the operator with GPF ({@code META-INF/services}). */\n");
        sb.append("    public static final class Spi extends OperatorSpi {\n        public Spi() {\n            super(")
                .append(cls).append(".class);\n        }\n    }\n}\n");
        return sb.toString();
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
