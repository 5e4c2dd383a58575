package eu.ai4c.snap.codegen;

import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.snap.AdapterNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the SNAP binding's per-operator sources from the engine's operator descriptors, at build
 * time (ai4c-snap's generate-sources phase), so that adding an engine operator needs no SNAP file
 * edited by hand: one adapter class per operator, the GPF services file, {@code layer.xml}, and the
 * JavaHelp pages with {@code map.jhm} and {@code toc.xml}. What descriptors do not say (menu name,
 * target suffix, menu position, whether the engine reads the source file itself) comes from
 * {@code src/main/snap/operators.tsv}.
 *
 * <p>Arguments: the table, the static JavaHelp folder, the Java output folder, the resource output
 * folder, the JavaHelp output folder.
 */
public final class SnapBindingSources {
    static final String HELP_DOCS = "eu/ai4c/ai4c/snap/docs";
    static final String HELP_SET = "eu-ai4c-ai4c-snap-helpset.xml";

    private SnapBindingSources() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: SnapBindingSources <operators.tsv> <javahelp folder> "
                    + "<java output> <resource output> <javahelp output>");
        }
        Path table = Path.of(args[0]), help = Path.of(args[1]);
        Path java = Path.of(args[2]), resources = Path.of(args[3]), javahelp = Path.of(args[4]);
        Map<String, Presentation> rows = Presentation.read(table);
        List<Operator> operators = OperatorRegistry.load().all();
        for (String alias : rows.keySet()) {
            if (operators.stream().noneMatch(op -> op.descriptor().alias().equals(alias))) {
                throw new IOException(table + ": row for " + alias + ", which is not an engine operator");
            }
        }
        List<SnapLayer.Entry> entries = new ArrayList<>();
        Map<String, Integer> nextPosition = new HashMap<>();
        for (Operator op : operators) {
            OperatorDescriptor d = op.descriptor();
            String folder = AdapterNames.snapCategory(d.category());
            Presentation p = rows.get(d.alias());
            if (p == null) p = Presentation.defaults(d.alias(), d.label(), 0);
            nextPosition.merge(folder, p.position(), Math::max);
            entries.add(new SnapLayer.Entry(d, p));
        }
        // operators without a row go after the others of their menu folder
        for (int i = 0; i < entries.size(); i++) {
            SnapLayer.Entry e = entries.get(i);
            if (!rows.containsKey(e.descriptor().alias())) {
                int pos = nextPosition.merge(AdapterNames.snapCategory(e.descriptor().category()), 100, Integer::sum);
                entries.set(i, new SnapLayer.Entry(e.descriptor(),
                        Presentation.defaults(e.descriptor().alias(), e.descriptor().label(), pos)));
            }
        }

        Path op = Files.createDirectories(java.resolve("eu/ai4c/snap/op"));
        StringBuilder services = new StringBuilder();
        for (int i = 0; i < operators.size(); i++) {
            Operator o = operators.get(i);
            OperatorDescriptor d = o.descriptor();
            String cls = AdapterNames.className(d.alias());
            write(op.resolve(cls + ".java"), AdapterSource.java(d, o.getClass().getName(), o instanceof FileOperator,
                    entries.get(i).presentation().nativeSource()));
            services.append("eu.ai4c.snap.op.").append(cls).append("$Spi\n");
        }
        write(resources.resolve("META-INF/services/org.esa.snap.core.gpf.OperatorSpi"), services.toString());
        write(resources.resolve("eu/ai4c/snap/layer.xml"), SnapLayer.xml(entries, HELP_SET));

        copyTree(help, javahelp);
        Path docs = javahelp.resolve(HELP_DOCS);
        for (int i = 0; i < operators.size(); i++) {
            OperatorDescriptor d = operators.get(i).descriptor();
            write(docs.resolve(AdapterNames.helpId(d.alias()) + ".html"), HelpPage.html(d, operators.get(i) instanceof FileOperator));
        }
        write(docs.resolve("map.jhm"), HelpIndex.map(entries));
        write(docs.resolve("toc.xml"), HelpIndex.toc(entries));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
