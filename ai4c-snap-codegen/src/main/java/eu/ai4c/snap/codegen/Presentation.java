package eu.ai4c.snap.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How SNAP shows one operator, where its descriptor does not say: whether the engine reads the
 * source product's file itself ({@code native}), the menu and dialog name, the suffix of the target
 * product name, and the position in its menu folder. One row per operator in
 * {@code src/main/snap/operators.tsv}; an operator without a row gets the defaults of
 * {@link #defaults}.
 */
record Presentation(String engineAlias, boolean nativeSource, String menuName, String targetSuffix, int position) {

    /** No row: SNAP products as sources, the descriptor label as name, {@code _<alias>} as suffix, the next position. */
    static Presentation defaults(String engineAlias, String label, int position) {
        return new Presentation(engineAlias, false, label, "_" + engineAlias.replaceAll("[^A-Za-z0-9]", ""), position);
    }

    /** Rows by engine alias; lines starting with {@code #} are comments. */
    static Map<String, Presentation> read(Path tsv) throws IOException {
        Map<String, Presentation> rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 5 || !(f[1].equals("native") || f[1].equals("snap"))) {
                throw new IOException(tsv + " line " + (i + 1) + ": expected 5 tab-separated columns "
                        + "(engine alias, native|snap, menu name, target suffix, menu position), got: " + line);
            }
            try {
                rows.put(f[0], new Presentation(f[0], f[1].equals("native"), f[2], f[3], Integer.parseInt(f[4])));
            } catch (NumberFormatException e) {
                throw new IOException(tsv + " line " + (i + 1) + ": menu position is not a whole number: " + f[4], e);
            }
        }
        return rows;
    }
}
